package fr.capsules.ingest.index;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where one capsule's index lives, so that the capsule can be re-indexed from scratch while its
 * current index keeps answering: {@link #openCurrent()} hands out the live index, {@link #rebuild}
 * fills a new one beside it and switches over atomically once it is committed.
 *
 * <p><b>Threads.</b> Implementations are thread-safe; rebuilds are serialised, and while one runs
 * the live index stays open for searches and writes. After a rebuild the previous {@link
 * CapsuleIndex} is closed, so callers fetch {@link #openCurrent()} per use rather than keep the
 * instance (a call caught on the closed one gets {@link IndexClosedException} and may retry).
 */
public interface CapsuleIndexStore extends Closeable {

    /**
     * The live index, opened (or created, empty) on first call; later calls return the same
     * instance until a rebuild replaces it.
     *
     * @throws IndexMismatchException when the live index was built with other settings than this
     *     store's: it must be rebuilt before use
     */
    CapsuleIndex openCurrent() throws IOException;

    /**
     * Builds a new index with {@code filler}, commits it, makes it the live one, then closes and
     * discards the previous one. If the filler or the commit fails, the half-built index is
     * discarded, the live one is untouched, and the failure is rethrown. Works even when the live
     * index no longer opens ({@link IndexMismatchException}): that is what a rebuild is for.
     *
     * @return the new live index
     */
    CapsuleIndex rebuild(IndexFiller filler) throws IOException;

    /** Closes the live index, if open; a later {@link #openCurrent()} reopens it. */
    @Override
    void close() throws IOException;
}
