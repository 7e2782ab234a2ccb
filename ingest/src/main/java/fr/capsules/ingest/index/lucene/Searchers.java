package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.IndexClosedException;
import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The one {@link SearcherManager} of a capsule index, and the one place where a searcher is
 * acquired and released: every read runs inside {@link #read}. Searchers open commits from the
 * directory, never near-real-time from the writer, which is what keeps uncommitted changes
 * invisible; their scored fields' norms are held in memory ({@link DenseNorms}). Thread-safe.
 */
final class Searchers implements Closeable {

    /** A read against one point-in-time searcher, which it must not keep. */
    @FunctionalInterface
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager manager;
    private final String name;

    Searchers(Directory directory, String name) throws IOException {
        this.manager = new SearcherManager(DenseNorms.wrap(DirectoryReader.open(directory)), new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                DenseNorms.load(reader); // before the searcher serves a search
                return super.newSearcher(reader, previousReader);
            }
        });
        this.name = name;
    }

    /**
     * Runs {@code read} against the last refreshed commit.
     *
     * @throws IndexClosedException when the index was closed
     */
    <T> T read(Read<T> read) throws IOException {
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (AlreadyClosedException e) {
            throw new IndexClosedException("the index in " + name + " is closed", e);
        }
        try {
            return read.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /** Makes the last commit visible to later reads; returns when it is. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** Searchers still in use stay valid until released. */
    @Override
    public void close() throws IOException {
        manager.close();
    }
}
