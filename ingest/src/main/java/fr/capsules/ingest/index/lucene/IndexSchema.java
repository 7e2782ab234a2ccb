package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.PassageHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene layout of a capsule index: one "document" entry per file holding its {@link
 * DocumentRecord}, and one "passage" entry per passage holding what a citation needs. Every entry
 * carries the document id, so deleting a file is one term delete. Changing this layout means
 * bumping {@link #VERSION}.
 *
 * <p>In an index with an embedding model, each passage entry also holds its vector; record
 * entries never do, so a vector search can only return passages. Adding the vector field did not
 * change the schema version: a lexical index is laid out exactly as before, and whether vectors
 * are present, and from which model, is what the embedding part of {@link IndexInfo} records.
 */
final class IndexSchema {

    /**
     * Version of this layout, recorded in every commit ({@link IndexInfo#schemaVersion()}).
     * 2: passages carry their document id as doc values ({@link #PASSAGE_DOCUMENT}), which ranking
     * reads for every candidate, and their text, title and headings as one scored field ({@link
     * #CONTENT}); title and headings are no longer indexed alone. An index of version 1 is rebuilt.
     */
    static final int VERSION = 2;

    static final String TYPE = "type";
    static final String DOCUMENT_ID = "documentId";
    static final String PASSAGE_ID = "passageId";
    static final String FILE = "file";
    static final String TITLE = "title";
    // Lucene requires one structure per field name: the record's title is stored, not indexed.
    static final String RECORD_TITLE = "recordTitle";
    static final String HEADING_PATH = "headingPath";
    static final String TEXT = "text";
    static final String PAGE = "page";
    static final String KIND = "kind";
    static final String DATE = "date";
    static final String PAGES = "pages";
    static final String CHUNKS = "chunks";
    static final String SHA256 = "sha256";
    static final String CONTENT_HASH = "contentHash";
    static final String FORMAT = "format";
    static final String WARNINGS = "warnings";
    static final String INDEXED_AT = "indexedAt";
    static final String VECTOR = "vector";
    /** The document id of a passage as doc values: read per candidate without stored fields. */
    static final String PASSAGE_DOCUMENT = "passageDocument";
    /**
     * BM25F written at index time: the passage's text once, its document's title and its headings
     * twice each, as one field. BM25F sums each field's term frequencies and lengths times the
     * field's weight; repeating a value is exactly that weight for a whole number, and one field lets
     * Lucene skip passages that cannot enter the top hits by the blocks' maximum scores (impacts),
     * which a query combining fields at search time cannot. Frequencies and norms only, no
     * positions: proximity is read on {@link #TEXT}.
     */
    static final String CONTENT = "content";
    /** Weight of the title and of the headings in {@link #CONTENT}, as a number of repetitions. */
    static final int TITLE_AND_HEADINGS_WEIGHT = 2;

    private static final FieldType CONTENT_TYPE = contentType();

    /**
     * Dot product rather than cosine: {@link UnitVectors} normalises every vector before it
     * reaches Lucene, so the two rank identically, and the dot product spares a norm computation
     * per comparison (and is the function Lucene's quantised formats are tuned for).
     */
    static final VectorSimilarityFunction VECTOR_SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final String DOCUMENT_TYPE = "document";
    private static final String PASSAGE_TYPE = "passage";

    static final Query DOCUMENTS = new TermQuery(new Term(TYPE, DOCUMENT_TYPE));
    static final Query PASSAGES = new TermQuery(new Term(TYPE, PASSAGE_TYPE));

    // Lists are stored as JSON so that a heading containing any separator survives intact.
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    // Read once per hit: a reader bound to the type spares the type lookup on every call.
    private static final ObjectReader STRINGS = JSON.readerFor(String[].class);

    private IndexSchema() {}

    static Term documentIdTerm(String documentId) {
        return new Term(DOCUMENT_ID, documentId);
    }

    /**
     * The record entry first, then the passages in order.
     *
     * @param vectors null for a lexical index, else one unit vector per passage, in order
     */
    static List<Document> toLucene(
            DocumentRecord record, List<Passage> passages, List<float[]> vectors, Analyzer analyzer) {
        List<Document> entries = new ArrayList<>(passages.size() + 1);
        entries.add(recordEntry(record));
        DocumentTokens tokens = new DocumentTokens(record, analyzer);
        for (int i = 0; i < passages.size(); i++) {
            Document entry = passageEntry(record, passages.get(i), record.documentId() + "#" + i, tokens);
            if (vectors != null) {
                entry.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VECTOR_SIMILARITY));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static Document recordEntry(DocumentRecord record) {
        Document entry = new Document();
        entry.add(new StringField(TYPE, DOCUMENT_TYPE, Field.Store.NO));
        entry.add(new StringField(DOCUMENT_ID, record.documentId(), Field.Store.YES));
        entry.add(new StoredField(FILE, record.file()));
        entry.add(new StoredField(RECORD_TITLE, record.title()));
        if (record.date() != null) {
            entry.add(new StoredField(DATE, record.date()));
        }
        entry.add(new StoredField(PAGES, record.pages()));
        entry.add(new StoredField(CHUNKS, record.chunks()));
        entry.add(new StringField(SHA256, record.sha256(), Field.Store.YES));
        entry.add(new StringField(CONTENT_HASH, record.contentHash(), Field.Store.YES));
        entry.add(new StoredField(FORMAT, record.format()));
        entry.add(new StoredField(WARNINGS, json(record.warnings())));
        entry.add(new StoredField(INDEXED_AT, record.indexedAt().toString()));
        return entry;
    }

    /**
     * What the passages of one document share, analysed or serialised once for all of them: the
     * title's tokens, each heading's tokens and each heading path's JSON.
     */
    private static final class DocumentTokens {

        private final Analyzer analyzer;
        private final AnalysedText title;
        private final Map<String, AnalysedText> headings = new HashMap<>();
        private final Map<List<String>, String> headingPaths = new HashMap<>();

        DocumentTokens(DocumentRecord record, Analyzer analyzer) {
            this.analyzer = analyzer;
            this.title = AnalysedText.of(analyzer, CONTENT, record.title());
        }

        AnalysedText heading(String heading) {
            return headings.computeIfAbsent(heading, h -> AnalysedText.of(analyzer, CONTENT, h));
        }

        /** The title's tokens, then each heading's, in order. */
        List<AnalysedText> titleAndHeadings(List<String> headingPath) {
            List<AnalysedText> texts = new ArrayList<>(headingPath.size() + 1);
            texts.add(title);
            for (String heading : headingPath) {
                texts.add(heading(heading));
            }
            return texts;
        }

        String headingPathJson(List<String> headingPath) {
            return headingPaths.computeIfAbsent(headingPath, IndexSchema::json);
        }
    }

    private static Document passageEntry(DocumentRecord record, Passage passage, String id, DocumentTokens tokens) {
        Document entry = new Document();
        entry.add(new StringField(TYPE, PASSAGE_TYPE, Field.Store.NO));
        entry.add(new StringField(DOCUMENT_ID, record.documentId(), Field.Store.YES));
        entry.add(new StringField(PASSAGE_ID, id, Field.Store.YES));
        entry.add(new SortedDocValuesField(PASSAGE_DOCUMENT, new BytesRef(record.documentId())));
        entry.add(new StoredField(FILE, record.file()));
        entry.add(new StoredField(TITLE, record.title()));
        entry.add(new StoredField(HEADING_PATH, tokens.headingPathJson(passage.headingPath())));
        // The text is analysed once for both fields that index it (the analyzer ignores the
        // field's name): stored and indexed with positions as TEXT, scored as CONTENT.
        AnalysedText text = AnalysedText.of(tokens.analyzer, TEXT, passage.text());
        entry.add(new StoredField(TEXT, passage.text()));
        entry.add(new Field(TEXT, text.tokens(), TextField.TYPE_NOT_STORED));
        // The title is scored on every passage so that a passage of a document whose title
        // answers the question outranks an equal passage elsewhere. CONTENT keeps frequencies
        // only: the title and headings given once with their frequencies times the weight leave
        // the postings and norm that the weight's repetitions of each would (AnalysedTextTests).
        entry.add(new Field(CONTENT, text.tokens(), CONTENT_TYPE));
        entry.add(new Field(CONTENT, AnalysedText.weighted(tokens.titleAndHeadings(passage.headingPath()),
                TITLE_AND_HEADINGS_WEIGHT), CONTENT_TYPE));
        entry.add(new StoredField(PAGE, passage.page()));
        entry.add(new StoredField(KIND, passage.kind().name()));
        return entry;
    }

    /** A list as JSON; the empty list, the usual case of warnings, without asking Jackson. */
    private static String json(List<String> values) {
        return values.isEmpty() ? "[]" : JSON.writeValueAsString(values);
    }

    private static FieldType contentType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    static DocumentRecord toRecord(Document entry) {
        return new DocumentRecord(
                entry.get(DOCUMENT_ID),
                entry.get(FILE),
                entry.get(RECORD_TITLE),
                entry.get(DATE),
                entry.getField(PAGES).numericValue().intValue(),
                entry.getField(CHUNKS).numericValue().intValue(),
                entry.get(SHA256),
                entry.get(CONTENT_HASH),
                entry.get(FORMAT),
                List.of(JSON.readValue(entry.get(WARNINGS), String[].class)),
                Instant.parse(entry.get(INDEXED_AT)));
    }

    static List<String> headingPath(Document entry) {
        return List.of(STRINGS.<String[]>readValue(entry.get(HEADING_PATH)));
    }

    static PassageHit toHit(Document entry, float score, double queryCoverage) {
        return new PassageHit(
                entry.get(PASSAGE_ID),
                entry.get(DOCUMENT_ID),
                entry.get(FILE),
                entry.get(TITLE),
                entry.getField(PAGE).numericValue().intValue(),
                headingPath(entry),
                entry.get(TEXT),
                Passage.Kind.valueOf(entry.get(KIND)),
                score,
                queryCoverage);
    }
}
