package fr.capsules.ingest.index;

import fr.capsules.ingest.chunk.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of one capsule: its documents, their passages, and search over them: BM25F
 * always, fused with vector search when the index was opened with an embedding model ({@link
 * IndexSettings}). An index holds vectors for every passage or for none; which one is fixed at
 * creation and recorded in every commit ({@link IndexInfo}).
 *
 * <p><b>Visibility.</b> Changes ({@link #add}, {@link #delete}) become visible to reads and
 * durable only at {@link #commit}, all together; closing without committing, or a crash,
 * discards them. Reads (search, lookups, listings) see the last commit. The one exception is
 * duplicate detection ({@link #findByFileHash}, {@link #findByContentHash}), which also sees this
 * instance's uncommitted changes so that a batch of uploads detects duplicates within itself.
 *
 * <p><b>Threads.</b> All methods are thread-safe; writes are serialised, reads run concurrently
 * with each other and with writes. One process at a time may open a given folder (Lucene's write
 * lock). Methods throw {@link org.apache.lucene.store.AlreadyClosedException} after {@link
 * #close}.
 *
 * <p><b>Nulls.</b> No argument may be null; no result is null.
 */
public final class CapsuleIndex implements Closeable {

    /** Questions are cut to this many distinct analysed terms; longer input is pasted text. */
    static final int MAX_QUERY_TERMS = 64;

    /** Upper bound on {@code topK}, so a caller cannot ask the index for everything. */
    static final int MAX_TOP_K = 1000;

    private final Path dir;
    private final Directory directory;
    private final FrenchTextAnalyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexInfo info;
    private final PassageSearch passageSearch;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    // Guarded by writeLock: changes since the last commit, for duplicate detection only.
    private final Map<String, DocumentRecord> pendingAdds = new HashMap<>();
    private final Set<String> pendingChangedIds = new HashSet<>();

    private CapsuleIndex(
            Path dir,
            Directory directory,
            FrenchTextAnalyzer analyzer,
            IndexWriter writer,
            SearcherManager searchers,
            IndexInfo info) {
        this.dir = dir;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
        this.info = info;
        this.passageSearch = new PassageSearch(analyzer, MAX_QUERY_TERMS);
    }

    /**
     * Opens the index in {@code dir}, creating the folder and an empty index when absent.
     *
     * <p>With {@link IndexSettings#lexicalOnly()} the index holds no vectors; with an embedding
     * model, every passage must come with a vector of that model ({@link #add(DocumentRecord,
     * List, List)}). Changing from one to the other, or to another model or dimension, takes a
     * new index: {@link CapsuleIndexStore#rebuild}.
     *
     * @throws IndexMismatchException when the existing index was built with another schema,
     *     analyzer or embedding model (or dimension) than {@code settings} require, including a
     *     lexical index opened with a model and the reverse
     * @throws IllegalArgumentException when the dimension exceeds what Lucene's vector format
     *     accepts (1024 with the default codec)
     * @throws IOException when the folder cannot be read or written, or is locked by another
     *     writer
     */
    public static CapsuleIndex open(Path dir, IndexSettings settings) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(settings, "settings");
        checkDimension(settings);
        Files.createDirectories(dir);
        IndexInfo expected = IndexInfo.of(settings);
        Directory directory = FSDirectory.open(dir);
        FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
        IndexWriter writer = null;
        try {
            boolean exists = DirectoryReader.indexExists(directory);
            if (exists) {
                IndexInfo found =
                        IndexInfo.fromCommitData(
                                SegmentInfos.readLatestCommit(directory).getUserData());
                if (!found.differencesFrom(expected).isEmpty()) {
                    throw new IndexMismatchException(dir, found, expected);
                }
            }
            IndexWriterConfig config =
                    new IndexWriterConfig(analyzer)
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            // Closing must not publish half a batch: only commit() does.
                            .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(expected.toCommitData().entrySet());
            if (!exists) {
                writer.commit();
            }
            // Readers open commits from the directory, never near-real-time from the writer,
            // which is what keeps uncommitted changes invisible.
            SearcherManager searchers = new SearcherManager(directory, new SearcherFactory());
            return new CapsuleIndex(dir, directory, analyzer, writer, searchers, expected);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, e);
            closeQuietly(directory, e);
            closeQuietly(analyzer, e);
            throw e;
        }
    }

    // Lucene would only refuse an oversized vector at the first add, after parsing a document:
    // saying so at open time, before touching the folder, points at the configuration instead.
    private static void checkDimension(IndexSettings settings) {
        // The codec IndexWriterConfig uses unless told otherwise, as here.
        int max = Codec.getDefault().knnVectorsFormat().getMaxDimensions(IndexSchema.VECTOR);
        if (settings.embeddingDimension() > max) {
            throw new IllegalArgumentException(
                    "embedding model '%s' has %d dimensions; this index accepts at most %d"
                            .formatted(settings.embeddingModel(), settings.embeddingDimension(), max));
        }
    }

    /**
     * Adds a document and its passages to an index without vectors, replacing any document with
     * the same id. Visible after {@link #commit}.
     *
     * @throws IllegalArgumentException when {@code doc.chunks()} is not the number of passages
     * @throws IllegalStateException when this index holds vectors: every passage of it needs one
     */
    public void add(DocumentRecord doc, List<Passage> passages) throws IOException {
        checkDocument(doc, passages);
        if (info.hasVectors()) {
            throw new IllegalStateException(
                    "the index in %s holds vectors of '%s': add passages with their vectors"
                            .formatted(dir, info.embeddingModel()));
        }
        write(doc, IndexSchema.toLucene(doc, passages, null));
    }

    /**
     * Adds a document, its passages and one vector per passage (same order) to an index with
     * vectors, replacing any document with the same id. Vectors are checked and normalised on a
     * copy before anything is written, so a refused call changes nothing. Visible after {@link
     * #commit}.
     *
     * @param vectors from the index's embedding model ({@link #info()}), one per passage
     * @throws IllegalArgumentException when {@code doc.chunks()} is not the number of passages,
     *     the number of vectors differs from it, or a vector has the wrong dimension, is zero or
     *     is not finite
     * @throws IllegalStateException when this index holds no vectors
     */
    public void add(DocumentRecord doc, List<Passage> passages, List<float[]> vectors)
            throws IOException {
        checkDocument(doc, passages);
        Objects.requireNonNull(vectors, "vectors");
        if (!info.hasVectors()) {
            throw new IllegalStateException(
                    "the index in " + dir + " holds no vectors: add passages without vectors");
        }
        if (vectors.size() != passages.size()) {
            throw new IllegalArgumentException(
                    "document %s has %d passages but %d vectors were given"
                            .formatted(doc.documentId(), passages.size(), vectors.size()));
        }
        List<float[]> unit = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            unit.add(UnitVectors.normalised(
                    vectors.get(i), info.embeddingDimension(), "passage " + i));
        }
        write(doc, IndexSchema.toLucene(doc, passages, unit));
    }

    private static void checkDocument(DocumentRecord doc, List<Passage> passages) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(passages, "passages");
        if (doc.chunks() != passages.size()) {
            throw new IllegalArgumentException(
                    "document %s declares %d chunks but %d passages were given"
                            .formatted(doc.documentId(), doc.chunks(), passages.size()));
        }
    }

    private void write(DocumentRecord doc, List<Document> entries) throws IOException {
        writeLock.lock();
        try {
            // One block update: the record and all its passages become visible together.
            writer.updateDocuments(IndexSchema.documentIdTerm(doc.documentId()), entries);
            pendingAdds.put(doc.documentId(), doc);
            pendingChangedIds.add(doc.documentId());
        } finally {
            writeLock.unlock();
        }
    }

    /** Deletes a document and its passages; unknown ids are ignored. Visible after commit. */
    public void delete(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        writeLock.lock();
        try {
            writer.deleteDocuments(IndexSchema.documentIdTerm(documentId));
            pendingAdds.remove(documentId);
            pendingChangedIds.add(documentId);
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes every change since the last commit durable and visible to reads, atomically. */
    public void commit() throws IOException {
        writeLock.lock();
        try {
            writer.commit();
            pendingAdds.clear();
            pendingChangedIds.clear();
            searchers.maybeRefreshBlocking();
        } finally {
            writeLock.unlock();
        }
    }

    /** The committed record of {@code documentId}, if any. */
    public Optional<DocumentRecord> document(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        return records(new TermQuery(IndexSchema.documentIdTerm(documentId))).stream().findFirst();
    }

    /** A document whose file bytes have this SHA-256, including uncommitted additions. */
    public Optional<DocumentRecord> findByFileHash(String sha256) throws IOException {
        Objects.requireNonNull(sha256, "sha256");
        String hash = sha256.toLowerCase(Locale.ROOT);
        return findDuplicate(IndexSchema.SHA256, hash, r -> r.sha256().equals(hash));
    }

    /** A document whose normalised text has this hash, including uncommitted additions. */
    public Optional<DocumentRecord> findByContentHash(String contentHash) throws IOException {
        Objects.requireNonNull(contentHash, "contentHash");
        return findDuplicate(
                IndexSchema.CONTENT_HASH, contentHash, r -> r.contentHash().equals(contentHash));
    }

    private Optional<DocumentRecord> findDuplicate(
            String field, String value, Predicate<DocumentRecord> matches) throws IOException {
        writeLock.lock();
        try {
            Optional<DocumentRecord> pending =
                    pendingAdds.values().stream()
                            .filter(matches)
                            .min(Comparator.comparing(DocumentRecord::file));
            if (pending.isPresent()) {
                return pending;
            }
            return records(new TermQuery(new Term(field, value))).stream()
                    .filter(r -> !pendingChangedIds.contains(r.documentId()))
                    .findFirst();
        } finally {
            writeLock.unlock();
        }
    }

    /** Every committed document, sorted by file then id. */
    public List<DocumentRecord> documents() throws IOException {
        return records(IndexSchema.DOCUMENTS);
    }

    /** Number of committed passages. */
    public int passageCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(IndexSchema.PASSAGES);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The best committed passages for a natural-language question, best first, by BM25F alone;
     * {@link PassageHit#score()} is the BM25F score. Works on every index, with or without
     * vectors.
     *
     * <p>Only the first {@value #MAX_QUERY_TERMS} distinct analysed terms count. A question made
     * only of stop words ("Comment est-ce ?") matches nothing and returns an empty list.
     *
     * @param topK how many passages at most, 1..{@value #MAX_TOP_K}
     * @throws IllegalArgumentException when the query is blank or topK out of range
     */
    public List<PassageHit> search(String query, int topK) throws IOException {
        checkQuery(query, topK);
        IndexSearcher searcher = searchers.acquire();
        try {
            return passageSearch.lexical(searcher, query, topK);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The best committed passages for a question, fusing BM25F with the passages nearest to
     * {@code queryVector} by reciprocal rank fusion ({@link RankFusion}); {@link
     * PassageHit#score()} is then the fused score, and {@link PassageHit#queryCoverage()} is
     * still the lexical share of question terms, so a passage found by its meaning alone may have
     * a low coverage.
     *
     * <p>With a null {@code queryVector} this is exactly {@link #search(String, int)}: when the
     * embedding model is unavailable, callers pass null and get lexical results rather than an
     * error. A question of stop words alone is answered by the vectors only.
     *
     * @param queryVector the question's vector from the index's embedding model (normalised here
     *     on a copy), or null
     * @param topK how many passages at most, 1..{@value #MAX_TOP_K}
     * @throws IllegalArgumentException when the query is blank, topK out of range, or the vector
     *     of the wrong dimension, zero or not finite
     * @throws IllegalStateException when a vector is given to an index without vectors
     */
    public List<PassageHit> search(String query, float[] queryVector, int topK)
            throws IOException {
        if (queryVector == null) {
            return search(query, topK);
        }
        checkQuery(query, topK);
        if (!info.hasVectors()) {
            throw new IllegalStateException(
                    "the index in " + dir + " holds no vectors; search it without a query vector");
        }
        float[] unitQuery = UnitVectors.normalised(queryVector, info.embeddingDimension(), "query");
        IndexSearcher searcher = searchers.acquire();
        try {
            return passageSearch.hybrid(searcher, query, unitQuery, topK);
        } finally {
            searchers.release(searcher);
        }
    }

    private static void checkQuery(String query, int topK) {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("the search query is blank");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException(
                    "topK must be within 1.." + MAX_TOP_K + ", got " + topK);
        }
    }

    /** How this index was built (it matches the settings it was opened with). */
    public IndexInfo info() {
        return info;
    }

    /** The folder holding this index. */
    public Path directory() {
        return dir;
    }

    /** Discards uncommitted changes and releases files and locks. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writeLock.lock();
        try {
            IOException failure = null;
            for (Closeable resource : List.<Closeable>of(searchers, writer, directory, analyzer)) {
                try {
                    resource.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private List<DocumentRecord> records(Query query) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query onlyRecords =
                    new BooleanQuery.Builder()
                            .add(query, Occur.FILTER)
                            .add(
                                    IndexSchema.DOCUMENTS,
                                    Occur.FILTER)
                            .build();
            int limit = Math.max(1, searcher.getIndexReader().maxDoc());
            TopDocs top = searcher.search(onlyRecords, limit);
            StoredFields stored = searcher.storedFields();
            List<DocumentRecord> records = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                records.add(IndexSchema.toRecord(stored.document(scoreDoc.doc)));
            }
            records.sort(
                    Comparator.comparing(DocumentRecord::file)
                            .thenComparing(DocumentRecord::documentId));
            return records;
        } finally {
            searchers.release(searcher);
        }
    }

    private static void closeQuietly(Closeable resource, Exception primary) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            primary.addSuppressed(e);
        }
    }
}
