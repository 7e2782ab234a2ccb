package fr.capsules.index.solr;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.PassageHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entries of a capsule collection (configset {@code capsules}, schema.xml): the Solr twin of
 * the embedded index's layout. One "document" entry per file holding its record (nothing analysed,
 * so it never matches a question), one "passage" entry per passage, one "info" entry.
 */
final class SolrEntries {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String DOCUMENT_ID = "documentId";
    static final String PASSAGE_ID = "passageId";
    static final String RANK = "rank";
    static final String FILE = "file";
    static final String TITLE = "title";
    static final String RECORD_TITLE = "recordTitle";
    static final String HEADINGS = "headings";
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

    static final String DOCUMENT = "document";
    static final String PASSAGE = "passage";
    static final String INFO = "info";
    static final String INFO_ID = "info";

    /** Stored fields a passage hit needs. */
    static final String PASSAGE_FIELDS =
            String.join(",", PASSAGE_ID, DOCUMENT_ID, FILE, TITLE, PAGE, HEADING_PATH, TEXT, KIND, RANK);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SolrEntries() {}

    static List<SolrInputDocument> of(DocumentRecord record, List<Passage> passages) {
        List<SolrInputDocument> entries = new ArrayList<>(passages.size() + 1);
        SolrInputDocument entry = new SolrInputDocument();
        entry.addField(ID, "d:" + record.documentId());
        entry.addField(TYPE, DOCUMENT);
        entry.addField(DOCUMENT_ID, record.documentId());
        entry.addField(FILE, record.file());
        entry.addField(RECORD_TITLE, record.title());
        if (record.date() != null) {
            entry.addField(DATE, record.date());
        }
        entry.addField(PAGES, record.pages());
        entry.addField(CHUNKS, record.chunks());
        entry.addField(SHA256, record.sha256());
        entry.addField(CONTENT_HASH, record.contentHash());
        entry.addField(FORMAT, record.format());
        entry.addField(WARNINGS, JSON.writeValueAsString(record.warnings()));
        entry.addField(INDEXED_AT, record.indexedAt().toString());
        entries.add(entry);
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            String passageId = record.documentId() + "#" + i;
            SolrInputDocument p = new SolrInputDocument();
            p.addField(ID, "p:" + passageId);
            p.addField(TYPE, PASSAGE);
            p.addField(DOCUMENT_ID, record.documentId());
            p.addField(PASSAGE_ID, passageId);
            p.addField(RANK, i);
            p.addField(FILE, record.file());
            p.addField(TITLE, record.title());
            for (String heading : passage.headingPath()) {
                p.addField(HEADINGS, heading);
            }
            p.addField(HEADING_PATH, JSON.writeValueAsString(passage.headingPath()));
            p.addField(TEXT, passage.text());
            p.addField(PAGE, passage.page());
            p.addField(KIND, passage.kind().name());
            entries.add(p);
        }
        return entries;
    }

    static SolrInputDocument info(IndexInfo info) {
        SolrInputDocument entry = new SolrInputDocument();
        entry.addField(ID, INFO_ID);
        entry.addField(TYPE, INFO);
        entry.addField(DOCUMENT_ID, "-");
        entry.addField("schemaVersion", info.schemaVersion());
        entry.addField("analyzer", info.analyzer());
        entry.addField("embeddingModel", info.embeddingModel());
        entry.addField("embeddingDimension", info.embeddingDimension());
        return entry;
    }

    static IndexInfo toInfo(SolrDocument entry) {
        return new IndexInfo(
                intOf(entry, "schemaVersion"),
                (String) entry.getFirstValue("analyzer"),
                (String) entry.getFirstValue("embeddingModel") == null ? "" : (String) entry.getFirstValue("embeddingModel"),
                intOf(entry, "embeddingDimension"));
    }

    static DocumentRecord toRecord(SolrDocument entry) {
        return new DocumentRecord(
                string(entry, DOCUMENT_ID),
                string(entry, FILE),
                string(entry, RECORD_TITLE),
                string(entry, DATE),
                intOf(entry, PAGES),
                intOf(entry, CHUNKS),
                string(entry, SHA256),
                string(entry, CONTENT_HASH),
                string(entry, FORMAT),
                List.of(JSON.readValue(string(entry, WARNINGS), String[].class)),
                Instant.parse(string(entry, INDEXED_AT)));
    }

    static PassageHit toHit(SolrDocument entry, float score, double coverage) {
        return new PassageHit(
                string(entry, PASSAGE_ID),
                string(entry, DOCUMENT_ID),
                string(entry, FILE),
                string(entry, TITLE),
                intOf(entry, PAGE),
                headingPath(entry),
                string(entry, TEXT),
                Passage.Kind.valueOf(string(entry, KIND)),
                score,
                coverage);
    }

    static List<String> headingPath(SolrDocument entry) {
        return List.of(JSON.readValue(string(entry, HEADING_PATH), String[].class));
    }

    private static String string(SolrDocument entry, String field) {
        Object value = entry.getFirstValue(field);
        return value == null ? null : value.toString();
    }

    private static int intOf(SolrDocument entry, String field) {
        Object value = entry.getFirstValue(field);
        if (value instanceof Collection<?> c) {
            value = c.iterator().next();
        }
        return value == null ? 0 : ((Number) value).intValue();
    }
}
