package fr.capsules.ingest.index;

import java.nio.file.Path;

/**
 * Thrown when an existing index was built with another schema, analyzer or embedding model than
 * the one requested: searching it would silently return wrong results, so the capsule must be
 * re-indexed instead.
 */
public final class IndexMismatchException extends RuntimeException {

    private final IndexInfo found;
    private final IndexInfo expected;

    IndexMismatchException(Path dir, IndexInfo found, IndexInfo expected) {
        super(
                "The index in "
                        + dir
                        + " was built with "
                        + String.join(", ", found.differencesFrom(expected))
                        + "; re-index the capsule to use it with the current settings.");
        this.found = found;
        this.expected = expected;
    }

    /** What the index on disk records. */
    public IndexInfo found() {
        return found;
    }

    /** What the caller asked for. */
    public IndexInfo expected() {
        return expected;
    }
}
