package fr.capsules.ingest.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.SampleDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysing a passage once and replaying its tokens to several fields ({@link AnalysedText}) must
 * index exactly what the analyzer makes of the strings: every term, frequency, position and norm,
 * every stored value. The reference here is the layout as it was written before, each field from
 * its string.
 */
class AnalysedTextTests {

    private static final FrenchTextAnalyzer ANALYZER = new FrenchTextAnalyzer();

    @Test
    void passagesIndexExactlyAsFromTheirStrings() throws IOException {
        List<Passage> passages = List.of(
                SampleDocuments.passage(1, List.of("Contrôle sanitaire", "Résultats de l'inspection"),
                        "L'inspection du 3 avril 2024 a relevé qu'il n'y avait pas d'eau chaude dans les sanitaires."),
                SampleDocuments.passage(1, List.of("Contrôle sanitaire", "Résultats de l'inspection"),
                        "Les réclamations des résidents ont été transmises à l'ARS ; c'est elle qui est compétente, et"),
                SampleDocuments.passage(2, List.of("Contrôle sanitaire"),
                        "Le le le de la des : mots vides en fin de texte, puis rien qui soit un terme, le la les"),
                SampleDocuments.passage(2, List.of(), "de la le"),
                SampleDocuments.passage(3, List.of("Annexe"), ""),
                SampleDocuments.passage(3, List.of("Annexe", "Tableau"),
                        "x".repeat(300) + " EHPAD « Les Tilleuls » — 2024-04-03 ; ÉTABLISSEMENT ŒUVRE façade naïve "
                                + "lorsqu'aujourd'hui jusqu'à 12,5 % l’eau"),
                new Passage("Commune ; Nombre de plaintes ; Délai moyen", 4, List.of("Annexe", "Tableau"),
                        Passage.Kind.TABLE_ROW));
        DocumentRecord record = SampleDocuments.record("doc-1", "rapport.pdf",
                "Rapport d'inspection de l'EHPAD « Les Tilleuls » et de la", passages);
        DocumentRecord untitled = SampleDocuments.record("doc-2", "vide.txt", "le la", passages.subList(2, 4));

        List<Document> analysedOnce = new ArrayList<>(IndexSchema.toLucene(record, passages, null, ANALYZER));
        analysedOnce.addAll(IndexSchema.toLucene(untitled, passages.subList(2, 4), null, ANALYZER));
        List<Document> fromStrings = new ArrayList<>(fromStrings(record, passages));
        fromStrings.addAll(fromStrings(untitled, passages.subList(2, 4)));

        assertThat(describe(index(analysedOnce))).isEqualTo(describe(index(fromStrings)));
    }

    @Test
    void aStreamReplaysTheSameTokensEveryTime() throws IOException {
        AnalysedText title = AnalysedText.of(ANALYZER, IndexSchema.CONTENT, "Les réclamations de l'EHPAD");
        List<Document> twice = List.of(new Document(), new Document());
        for (Document entry : twice) {
            entry.add(new Field("f", title.tokens(), TextField.TYPE_NOT_STORED));
            entry.add(new Field("f", title.tokens(), TextField.TYPE_NOT_STORED));
        }
        Document reference = new Document();
        reference.add(new TextField("f", "Les réclamations de l'EHPAD", Field.Store.NO));
        reference.add(new TextField("f", "Les réclamations de l'EHPAD", Field.Store.NO));
        String description = describe(index(twice));
        assertThat(description).isEqualTo(describe(index(List.of(reference, reference))));
        assertThat(description).contains("reclam", "ehpad").doesNotContain(" les ");
    }

    /** The passage layout as written from strings before {@link AnalysedText}, field for field. */
    private static List<Document> fromStrings(DocumentRecord record, List<Passage> passages) {
        FieldType contentType = new FieldType();
        contentType.setTokenized(true);
        contentType.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        contentType.freeze();
        JsonMapper json = JsonMapper.builder().build();
        List<Document> entries = new ArrayList<>();
        entries.add(IndexSchema.toLucene(record, List.of(), null, ANALYZER).getFirst());
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            Document entry = new Document();
            entry.add(new StringField(IndexSchema.TYPE, "passage", Field.Store.NO));
            entry.add(new StringField(IndexSchema.DOCUMENT_ID, record.documentId(), Field.Store.YES));
            entry.add(new StringField(IndexSchema.PASSAGE_ID, record.documentId() + "#" + i, Field.Store.YES));
            entry.add(new SortedDocValuesField(IndexSchema.PASSAGE_DOCUMENT, new BytesRef(record.documentId())));
            entry.add(new StoredField(IndexSchema.FILE, record.file()));
            entry.add(new StoredField(IndexSchema.TITLE, record.title()));
            entry.add(new StoredField(IndexSchema.HEADING_PATH, json.writeValueAsString(passage.headingPath())));
            entry.add(new TextField(IndexSchema.TEXT, passage.text(), Field.Store.YES));
            entry.add(new Field(IndexSchema.CONTENT, passage.text(), contentType));
            for (int w = 0; w < IndexSchema.TITLE_AND_HEADINGS_WEIGHT; w++) {
                entry.add(new Field(IndexSchema.CONTENT, record.title(), contentType));
                for (String heading : passage.headingPath()) {
                    entry.add(new Field(IndexSchema.CONTENT, heading, contentType));
                }
            }
            entry.add(new StoredField(IndexSchema.PAGE, passage.page()));
            entry.add(new StoredField(IndexSchema.KIND, passage.kind().name()));
            entries.add(entry);
        }
        return entries;
    }

    private static ByteBuffersDirectory index(List<Document> entries) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            writer.addDocuments(entries);
            writer.forceMerge(1);
        }
        return directory;
    }

    /** Everything an index holds, field by field: terms, postings, positions, norms, stored values, doc values. */
    private static String describe(ByteBuffersDirectory directory) throws IOException {
        StringBuilder out = new StringBuilder();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReader leaf = reader.leaves().getFirst().reader();
            for (FieldInfo info : leaf.getFieldInfos()) {
                out.append("field ").append(info.name).append(' ').append(info.getIndexOptions())
                        .append(" norms=").append(info.hasNorms()).append(" dv=").append(info.getDocValuesType())
                        .append('\n');
                Terms terms = leaf.terms(info.name);
                if (terms != null) {
                    out.append(" sums ").append(terms.getSumDocFreq()).append(' ').append(terms.getSumTotalTermFreq())
                            .append('\n');
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        out.append(' ').append(term.utf8ToString()).append(' ').append(each.docFreq()).append(' ')
                                .append(each.totalTermFreq()).append(':');
                        PostingsEnum postings = each.postings(null, PostingsEnum.ALL);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                                doc = postings.nextDoc()) {
                            out.append(' ').append(doc).append('x').append(postings.freq());
                            if (info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                                out.append('@');
                                for (int i = 0; i < postings.freq(); i++) {
                                    out.append(postings.nextPosition()).append(',');
                                }
                            }
                        }
                        out.append('\n');
                    }
                }
                NumericDocValues norms = leaf.getNormValues(info.name);
                if (norms != null) {
                    out.append(" norms");
                    for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
                        out.append(' ').append(doc).append('=').append(norms.longValue());
                    }
                    out.append('\n');
                }
                SortedDocValues values = leaf.getSortedDocValues(info.name);
                if (values != null) {
                    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                        out.append(' ').append(doc).append('=').append(values.lookupOrd(values.ordValue()).utf8ToString());
                    }
                    out.append('\n');
                }
            }
            StoredFields stored = leaf.storedFields();
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                out.append("doc ").append(doc);
                for (IndexableField field : stored.document(doc)) {
                    out.append(" | ").append(field.name()).append('=').append(
                            field.numericValue() != null ? field.numericValue() : field.stringValue());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
