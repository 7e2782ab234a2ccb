package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.PassageHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A published snapshot of a capsule index ({@link LuceneIndexStore#keepSnapshot}): a folder holding
 * exactly one commit, opened without a writer, so nothing can change it. Searches, lookups and
 * listings behave as on the live index at that commit (same {@link PassageSearch}); writes throw
 * {@link UnsupportedOperationException}. A question vector given to a snapshot built without vectors
 * is ignored (the snapshot answers lexically), so that enabling embeddings after a publication does
 * not break the published version.
 */
final class LuceneSnapshotIndex implements CapsuleIndex {

    private final Path dir;
    private final IndexInfo info;
    private final Directory directory;
    private final FrenchTextAnalyzer analyzer;
    private final Searchers searchers;
    private final PassageSearch passageSearch;

    private LuceneSnapshotIndex(Path dir, IndexInfo info, Directory directory, FrenchTextAnalyzer analyzer,
            Searchers searchers) {
        this.dir = dir;
        this.info = info;
        this.directory = directory;
        this.analyzer = analyzer;
        this.searchers = searchers;
        this.passageSearch = new PassageSearch(analyzer);
    }

    static LuceneSnapshotIndex open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(Objects.requireNonNull(dir, "dir"));
        FrenchTextAnalyzer analyzer = new FrenchTextAnalyzer();
        try {
            IndexInfo info = CommitData.read(SegmentInfos.readLatestCommit(directory).getUserData());
            return new LuceneSnapshotIndex(dir, info, directory, analyzer, new Searchers(directory, dir.toString()));
        } catch (IOException | RuntimeException e) {
            analyzer.close();
            directory.close();
            throw e;
        }
    }

    @Override
    public void add(DocumentRecord document, List<Passage> passages) {
        throw readOnly();
    }

    @Override
    public void add(DocumentRecord document, List<Passage> passages, List<float[]> vectors) {
        throw readOnly();
    }

    @Override
    public void delete(String documentId) {
        throw readOnly();
    }

    @Override
    public void commit() {
        throw readOnly();
    }

    private UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the published snapshot in " + dir + " is read-only");
    }

    @Override
    public List<PassageHit> search(String query, float[] queryVector, int topK) throws IOException {
        PassageSearch.check(query, topK);
        if (queryVector == null || !info.hasVectors()) {
            return searchers.read(s -> passageSearch.lexical(s, query, topK));
        }
        float[] unitQuery = UnitVectors.normalised(queryVector, info.embeddingDimension(), "query");
        return searchers.read(s -> passageSearch.hybrid(s, query, unitQuery, topK));
    }

    @Override
    public Optional<DocumentRecord> document(String documentId) throws IOException {
        TermQuery query = new TermQuery(IndexSchema.documentIdTerm(Objects.requireNonNull(documentId, "documentId")));
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
        return first(new Term(IndexSchema.SHA256, hash));
    }

    @Override
    public Optional<DocumentRecord> findByContentHash(String contentHash) throws IOException {
        return first(new Term(IndexSchema.CONTENT_HASH, Objects.requireNonNull(contentHash, "contentHash")));
    }

    private Optional<DocumentRecord> first(Term term) throws IOException {
        return searchers.read(s -> Records.matching(s, new TermQuery(term))).stream().findFirst();
    }

    @Override
    public List<DocumentRecord> documents() throws IOException {
        return searchers.read(s -> Records.matching(s, IndexSchema.DOCUMENTS));
    }

    @Override
    public int passageCount() throws IOException {
        return searchers.read(s -> s.count(IndexSchema.PASSAGES));
    }

    @Override
    public IndexInfo info() {
        return info;
    }

    /** Searches caught in progress finish on their searcher; later calls throw IndexClosedException. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                analyzer.close();
            } finally {
                directory.close();
            }
        }
    }
}
