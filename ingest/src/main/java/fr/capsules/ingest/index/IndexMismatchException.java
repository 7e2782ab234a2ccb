package fr.capsules.ingest.index;

/**
 * Thrown when an existing index was built with another schema, analyzer or embedding model than
 * the one requested: searching it would silently return wrong results, so the capsule must be
 * re-indexed instead.
 */
public final class IndexMismatchException extends RuntimeException {

    private final IndexInfo found;
    private final IndexInfo expected;

    /**
     * @param where names the index in the message, e.g. its folder
     * @param found what the index records
     * @param expected what the caller asked for; must differ from {@code found}
     */
    public IndexMismatchException(String where, IndexInfo found, IndexInfo expected) {
        super(
                "The index in "
                        + where
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
