package fr.capsules.index.solr;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.analysis.IndexTerms;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.QuestionFrameWords;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SearchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A {@link CapsuleIndex} in one SolrCloud collection ({@link CapsuleCollection}), lexical only.
 *
 * <p><b>Ranking.</b> The question goes to Solr as {@code {!passages}} (the query parser of the
 * {@code capsules-solr-node} jar, which builds the embedded index's BM25F query inside Solr) with
 * exact distributed term statistics, so passages rank as in the embedded index. The question's
 * coverage is computed here with the same analysis chain ({@link IndexTerms}).
 *
 * <p><b>Visibility.</b> Changes are kept here until {@link #commit}, then sent and committed
 * together; {@link #close} without commit discards them. A failure while sending them leaves
 * the collection's uncommitted state to Solr (a later commit may publish part of it): a batch that
 * failed is re-sent whole.
 *
 * <p><b>Lost shard.</b> Searches are shard-tolerant: with every replica of a shard down, the
 * others answer and {@link #searchReporting} says the result is incomplete. Lookups and listings
 * are not: they fail rather than return part of a capsule.
 */
final class SolrCapsuleIndex implements CapsuleIndex {

    static final int SCHEMA_VERSION = 1;
    static final int MAX_QUERY_TERMS = 64;
    static final int MAX_TOP_K = 1000;

    private static final IndexTerms TERMS = new IndexTerms();

    private final CapsuleCollection collection;
    private final IndexInfo info;
    private final Object writeLock = new Object();
    // documentId -> its new entries, or null for a deletion; insertion order kept.
    private final Map<String, List<SolrInputDocument>> pending = new LinkedHashMap<>();
    private final Map<String, DocumentRecord> pendingRecords = new LinkedHashMap<>();
    private volatile boolean closed;

    SolrCapsuleIndex(CapsuleCollection collection, IndexInfo info) {
        this.collection = collection;
        this.info = info;
    }

    static IndexInfo expected() {
        return new IndexInfo(SCHEMA_VERSION, FrenchTextAnalyzer.NAME, "", 0);
    }

    String collectionName() {
        return collection.name();
    }

    @Override
    public void add(DocumentRecord document, List<Passage> passages) throws IOException {
        CapsuleIndex.checkPassages(document, passages);
        List<SolrInputDocument> entries = SolrEntries.of(document, passages);
        synchronized (writeLock) {
            checkOpen();
            pending.put(document.documentId(), entries);
            pendingRecords.put(document.documentId(), document);
        }
    }

    @Override
    public void add(DocumentRecord document, List<Passage> passages, List<float[]> vectors) {
        throw new IllegalStateException("the Solr collection " + collection + " holds no vectors: add passages without vectors");
    }

    @Override
    public void delete(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        synchronized (writeLock) {
            checkOpen();
            pending.put(documentId, null);
            pendingRecords.remove(documentId);
        }
    }

    @Override
    public void commit() throws IOException {
        synchronized (writeLock) {
            checkOpen();
            if (!pending.isEmpty()) {
                UpdateRequest deletes = new UpdateRequest();
                for (String documentId : pending.keySet()) {
                    deletes.deleteByQuery(SolrEntries.DOCUMENT_ID + ":" + ClientUtils.escapeQueryChars(documentId));
                }
                collection.update(deletes);
                UpdateRequest adds = new UpdateRequest();
                int count = 0;
                for (List<SolrInputDocument> entries : pending.values()) {
                    if (entries == null) {
                        continue;
                    }
                    adds.add(entries);
                    count += entries.size();
                    if (count >= 2000) {
                        collection.update(adds);
                        adds = new UpdateRequest();
                        count = 0;
                    }
                }
                if (count > 0) {
                    collection.update(adds);
                }
            }
            UpdateRequest commit = new UpdateRequest();
            commit.setAction(UpdateRequest.ACTION.COMMIT, true, true);
            collection.update(commit);
            pending.clear();
            pendingRecords.clear();
        }
    }

    @Override
    public List<PassageHit> search(String query, float[] queryVector, int topK) throws IOException {
        return searchReporting(query, queryVector, topK).hits();
    }

    @Override
    public SearchResult searchReporting(String query, float[] queryVector, int topK) throws IOException {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("the search query is blank");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be within 1.." + MAX_TOP_K + ", got " + topK);
        }
        if (queryVector != null) {
            throw new IllegalStateException("the Solr collection " + collection + " holds no vectors; search it without a query vector");
        }
        checkOpen();
        // The question's framing words ("puis-je", "faut-il") are left out, as the embedded index does.
        String searched = QuestionFrameWords.strip(query);
        Set<String> terms = queryTerms(searched);
        if (terms.isEmpty()) {
            return new SearchResult(List.of(), true);
        }
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!passages v=$qq}");
        params.set("qq", searched);
        params.set("rows", topK);
        params.set("fl", SolrEntries.PASSAGE_FIELDS + ",score");
        params.set("shards.tolerant", true);
        QueryResponse response = collection.query(params);
        List<PassageHit> hits = new ArrayList<>();
        for (SolrDocument entry : response.getResults()) {
            float score = ((Number) entry.getFieldValue("score")).floatValue();
            hits.add(SolrEntries.toHit(entry, score, coverage(terms, entry)));
        }
        return new SearchResult(hits, !isPartial(response));
    }

    private static boolean isPartial(QueryResponse response) {
        Object partial = response.getResponseHeader() == null ? null : response.getResponseHeader().get("partialResults");
        return Boolean.TRUE.equals(partial) || "true".equals(String.valueOf(partial));
    }

    /** The first {@value #MAX_QUERY_TERMS} distinct analysed terms, as the query parser takes them. */
    static Set<String> queryTerms(String query) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String term : TERMS.of(query)) {
            if (!distinct.contains(term) && distinct.size() == MAX_QUERY_TERMS) {
                break;
            }
            distinct.add(term);
        }
        return distinct;
    }

    private static double coverage(Set<String> terms, SolrDocument entry) {
        Set<String> vocabulary = new HashSet<>();
        for (String heading : SolrEntries.headingPath(entry)) {
            vocabulary.addAll(TERMS.of(heading));
        }
        vocabulary.addAll(TERMS.of(String.valueOf(entry.getFirstValue(SolrEntries.TITLE))));
        vocabulary.addAll(TERMS.of(String.valueOf(entry.getFirstValue(SolrEntries.TEXT))));
        long found = terms.stream().filter(vocabulary::contains).count();
        return (double) found / terms.size();
    }

    @Override
    public Optional<DocumentRecord> document(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        return records(SolrEntries.DOCUMENT_ID + ":" + ClientUtils.escapeQueryChars(documentId)).stream().findFirst();
    }

    @Override
    public List<PassageHit> passages(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        checkOpen();
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrEntries.DOCUMENT_ID + ":" + ClientUtils.escapeQueryChars(documentId));
        params.set("fq", SolrEntries.TYPE + ":" + SolrEntries.PASSAGE);
        params.set("fl", SolrEntries.PASSAGE_FIELDS);
        params.set("sort", SolrEntries.RANK + " asc");
        params.set("rows", 100_000);
        List<PassageHit> passages = new ArrayList<>();
        for (SolrDocument entry : collection.query(params).getResults()) {
            passages.add(SolrEntries.toHit(entry, 0f, 0));
        }
        return passages;
    }

    @Override
    public Optional<DocumentRecord> findByFileHash(String sha256) throws IOException {
        String hash = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        return findDuplicate(SolrEntries.SHA256, hash, r -> r.sha256().equals(hash));
    }

    @Override
    public Optional<DocumentRecord> findByContentHash(String contentHash) throws IOException {
        Objects.requireNonNull(contentHash, "contentHash");
        return findDuplicate(SolrEntries.CONTENT_HASH, contentHash, r -> r.contentHash().equals(contentHash));
    }

    private Optional<DocumentRecord> findDuplicate(String field, String value, Predicate<DocumentRecord> matches)
            throws IOException {
        Set<String> touched;
        synchronized (writeLock) {
            checkOpen();
            Optional<DocumentRecord> uncommitted = pendingRecords.values().stream().filter(matches).findFirst();
            if (uncommitted.isPresent()) {
                return uncommitted;
            }
            touched = Set.copyOf(pending.keySet());
        }
        // Committed records replaced or deleted since the last commit no longer count.
        return records(field + ":" + ClientUtils.escapeQueryChars(value)).stream()
                .filter(r -> !touched.contains(r.documentId()))
                .findFirst();
    }

    @Override
    public List<DocumentRecord> documents() throws IOException {
        return records("*:*");
    }

    private List<DocumentRecord> records(String query) throws IOException {
        checkOpen();
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", query);
        params.set("fq", SolrEntries.TYPE + ":" + SolrEntries.DOCUMENT);
        params.set("rows", 1_000_000);
        SolrDocumentList results = collection.query(params).getResults();
        List<DocumentRecord> records = new ArrayList<>(results.size());
        for (SolrDocument entry : results) {
            records.add(SolrEntries.toRecord(entry));
        }
        records.sort(Comparator.comparing(DocumentRecord::file).thenComparing(DocumentRecord::documentId));
        return records;
    }

    @Override
    public int passageCount() throws IOException {
        checkOpen();
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrEntries.TYPE + ":" + SolrEntries.PASSAGE);
        params.set("rows", 0);
        return Math.toIntExact(collection.query(params).getResults().getNumFound());
    }

    @Override
    public IndexInfo info() {
        return info;
    }

    /** Closed, or its collection found deleted: the store opens the live one again. */
    boolean isClosed() {
        return closed || collection.gone();
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            closed = true;
            pending.clear();
            pendingRecords.clear();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IndexClosedException("the index of " + collection + " is closed", null);
        }
    }

    @Override
    public String toString() {
        return "Solr collection " + collection;
    }
}
