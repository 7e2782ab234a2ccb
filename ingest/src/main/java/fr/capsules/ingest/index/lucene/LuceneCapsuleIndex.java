package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexInUseException;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A {@link CapsuleIndex} in a local Lucene folder: BM25F always, fused with vector search when the
 * index was opened with an embedding model ({@link IndexSettings}). The contract is the port's;
 * what this class adds is how: one {@link IndexWriter} ({@link IndexChanges}) and one
 * SearcherManager ({@link Searchers}) per index, the layout of {@link IndexSchema}, and the
 * {@link IndexInfo} written into every commit ({@link CommitData}).
 *
 * <p>One process at a time may open a given folder (Lucene's write lock).
 */
public final class LuceneCapsuleIndex implements CapsuleIndex {

    private final Path dir;
    private final IndexInfo info;
    private final Searchers searchers;
    private final IndexChanges changes;
    private final PassageSearch passageSearch;
    private final FrenchTextAnalyzer analyzer;
    private final Closeable[] resources;

    private LuceneCapsuleIndex(Path dir, IndexInfo info, Directory directory, FrenchTextAnalyzer analyzer,
            IndexWriter writer, Searchers searchers) {
        this.dir = dir;
        this.info = info;
        this.searchers = searchers;
        this.changes = new IndexChanges(writer, searchers, dir.toString());
        this.passageSearch = new PassageSearch(analyzer);
        this.analyzer = analyzer;
        this.resources = new Closeable[] {directory, analyzer};
    }

    /**
     * Opens the index in {@code dir}, creating the folder and an empty index when absent.
     *
     * <p>With {@link IndexSettings#lexicalOnly()} the index holds no vectors; with an embedding
     * model, every passage must come with a vector of that model. Changing from one to the other,
     * or to another model or dimension, takes a new index ({@link LuceneIndexStore#rebuild}).
     *
     * @throws IndexMismatchException when the existing index was built with another schema,
     *     analyzer or embedding model (or dimension) than {@code settings} require, including a
     *     lexical index opened with a model and the reverse
     * @throws IllegalArgumentException when the dimension exceeds what Lucene's vector format
     *     accepts (1024 with the default codec)
     * @throws IOException when the folder cannot be read or written, or is locked by another
     *     writer
     */
    public static LuceneCapsuleIndex open(Path dir, IndexSettings settings) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(settings, "settings");
        checkDimension(settings);
        Files.createDirectories(dir);
        IndexInfo expected = CommitData.expected(settings);
        Directory directory = FSDirectory.open(dir);
        FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
        IndexWriter writer = null;
        try {
            boolean exists = DirectoryReader.indexExists(directory);
            if (exists) {
                IndexInfo found = CommitData.read(SegmentInfos.readLatestCommit(directory).getUserData());
                if (!found.differencesFrom(expected).isEmpty()) {
                    throw new IndexMismatchException(dir.toString(), found, expected);
                }
            }
            IndexWriterConfig config =
                    new IndexWriterConfig(analyzer)
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                            // Closing must not publish half a batch: only commit() does.
                            .setCommitOnClose(false)
                            // Published versions copy a commit while later ones go on (keepSnapshot).
                            .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()));
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(CommitData.of(expected).entrySet());
            if (!exists) {
                writer.commit();
            }
            Searchers searchers = new Searchers(directory, dir.toString());
            return new LuceneCapsuleIndex(dir, expected, directory, analyzer, writer, searchers);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory, e);
            closeQuietly(analyzer, e);
            throw new IndexInUseException(dir.toString(), e);
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

    @Override
    public void add(DocumentRecord document, List<Passage> passages) throws IOException {
        CapsuleIndex.checkPassages(document, passages);
        if (info.hasVectors()) {
            throw new IllegalStateException(
                    "the index in %s holds vectors of '%s': add passages with their vectors"
                            .formatted(dir, info.embeddingModel()));
        }
        changes.write(document, IndexSchema.toLucene(document, passages, null, analyzer));
    }

    /** Vectors are checked and normalised on a copy before anything is written. */
    @Override
    public void add(DocumentRecord document, List<Passage> passages, List<float[]> vectors) throws IOException {
        CapsuleIndex.checkPassages(document, passages);
        Objects.requireNonNull(vectors, "vectors");
        if (!info.hasVectors()) {
            throw new IllegalStateException("the index in " + dir + " holds no vectors: add passages without vectors");
        }
        if (vectors.size() != passages.size()) {
            throw new IllegalArgumentException(
                    "document %s has %d passages but %d vectors were given"
                            .formatted(document.documentId(), passages.size(), vectors.size()));
        }
        List<float[]> unit = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            unit.add(UnitVectors.normalised(vectors.get(i), info.embeddingDimension(), "passage " + i));
        }
        changes.write(document, IndexSchema.toLucene(document, passages, unit, analyzer));
    }

    @Override
    public void delete(String documentId) throws IOException {
        changes.delete(Objects.requireNonNull(documentId, "documentId"));
    }

    @Override
    public void commit() throws IOException {
        changes.commit();
    }

    @Override
    public Optional<DocumentRecord> document(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        TermQuery query = new TermQuery(IndexSchema.documentIdTerm(documentId));
        return searchers.read(s -> Records.matching(s, query)).stream().findFirst();
    }

    @Override
    public List<PassageHit> passages(String documentId) throws IOException {
        Objects.requireNonNull(documentId, "documentId");
        return searchers.read(s -> Records.passagesOf(s, new TermQuery(IndexSchema.documentIdTerm(documentId))));
    }

    @Override
    public Optional<DocumentRecord> findByFileHash(String sha256) throws IOException {
        String hash = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        return changes.findDuplicate(new Term(IndexSchema.SHA256, hash), r -> r.sha256().equals(hash));
    }

    @Override
    public Optional<DocumentRecord> findByContentHash(String contentHash) throws IOException {
        Objects.requireNonNull(contentHash, "contentHash");
        return changes.findDuplicate(
                new Term(IndexSchema.CONTENT_HASH, contentHash), r -> r.contentHash().equals(contentHash));
    }

    @Override
    public List<DocumentRecord> documents() throws IOException {
        return searchers.read(s -> Records.matching(s, IndexSchema.DOCUMENTS));
    }

    @Override
    public int passageCount() throws IOException {
        return searchers.read(s -> s.count(IndexSchema.PASSAGES));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lexical relevance is BM25F over text, title and headings ({@link PassageQuery}), the best
     * candidates re-scored with the proximity of consecutive question terms and with the evidence
     * of their document's other candidates ({@link DocumentEvidence}); fusion is reciprocal rank
     * fusion ({@link RankFusion}). Only the first {@value PassageSearch#MAX_QUERY_TERMS} distinct
     * analysed terms of the question count, words that only frame a question ({@link
     * QuestionFrame}) left out.
     */
    @Override
    public List<PassageHit> search(String query, float[] queryVector, int topK) throws IOException {
        PassageSearch.check(query, topK);
        if (queryVector == null) {
            return searchers.read(s -> passageSearch.lexical(s, query, topK));
        }
        if (!info.hasVectors()) {
            throw new IllegalStateException("the index in " + dir + " holds no vectors; search it without a query vector");
        }
        float[] unitQuery = UnitVectors.normalised(queryVector, info.embeddingDimension(), "query");
        return searchers.read(s -> passageSearch.hybrid(s, query, unitQuery, topK));
    }

    @Override
    public IndexInfo info() {
        return info;
    }

    /**
     * Copies the files of the last commit into {@code target} (created; hard links where the file
     * system allows, copies otherwise), synced, so that {@code target} is an index of its own
     * holding exactly that commit. The commit is held by the writer's {@link
     * SnapshotDeletionPolicy} during the copy, so writes and commits may go on meanwhile.
     */
    void copyLastCommit(Path target) throws IOException {
        changes.copyLastCommit(dir, target);
    }

    /** The folder holding this index. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        changes.close(searchers, resources);
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
