package fr.capsules.ingest.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where one capsule's index lives, so that the capsule can be re-indexed from scratch while its
 * current index keeps answering: {@link #openCurrent()} hands out the live index, {@link #rebuild}
 * fills a new one beside it and switches over atomically once it is committed.
 *
 * <p><b>Threads.</b> Implementations are thread-safe; rebuilds are serialised, and while one runs
 * the live index stays open for searches and writes. After a rebuild the previous {@link
 * CapsuleIndex} is closed, so callers fetch {@link #openCurrent()} per use rather than keep the
 * instance (a call caught on the closed one gets {@link IndexClosedException} and may retry).
 *
 * <p><b>Snapshots.</b> A store may also keep read-only snapshots of committed states, one per
 * published version of the capsule, so that the published version keeps serving while the live
 * index (the working copy) changes ({@link #keepSnapshot}, {@link #openSnapshot}).
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

    /**
     * Keeps the live index's last commit as the published snapshot {@code version}: a read-only
     * copy that later commits, rebuilds and restarts leave as it is, until {@link
     * #releaseSnapshotsExcept} releases it. Keeping a version already kept replaces it.
     * Uncommitted changes are not in it.
     *
     * @return false when this store keeps no snapshots (the default): callers then serve the
     *     live index to everyone
     */
    default boolean keepSnapshot(int version) throws IOException {
        return false;
    }

    /**
     * The kept snapshot {@code version}, read-only (writes throw {@link
     * UnsupportedOperationException}); the same instance until it is released, after which calls
     * on it throw {@link IndexClosedException}. Empty when no such snapshot is kept.
     */
    default Optional<CapsuleIndex> openSnapshot(int version) throws IOException {
        return Optional.empty();
    }

    /** The versions of the kept snapshots, in ascending order. */
    default List<Integer> snapshots() throws IOException {
        return List.of();
    }

    /** Closes and deletes every kept snapshot but {@code version}'s. */
    default void releaseSnapshotsExcept(int version) throws IOException {}

    /** Closes the live index, if open; a later {@link #openCurrent()} reopens it. */
    @Override
    void close() throws IOException;
}
