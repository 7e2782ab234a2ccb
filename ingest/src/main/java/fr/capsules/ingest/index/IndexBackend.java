package fr.capsules.ingest.index;

/**
 * Opens the index stores of capsules: the one choice of search engine, made where the program is
 * assembled (the service's configuration, the command line's main command), so that nothing else
 * names an engine. Implementations are thread-safe.
 */
@FunctionalInterface
public interface IndexBackend {

    /**
     * The store of one capsule's index. Touches nothing before the store's first use.
     *
     * @param capsuleId the capsule's identifier (2 to 63 characters among a-z, 0-9 and "-")
     * @param settings what the capsule's index must be built with
     * @throws IllegalArgumentException when the identifier is not a capsule identifier
     */
    CapsuleIndexStore store(String capsuleId, IndexSettings settings);
}
