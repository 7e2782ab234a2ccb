package fr.capsules.ingest.index;

/**
 * The index was closed while, or before, it was used: typically a rebuild replaced it. Fetch the
 * live index from its {@link CapsuleIndexStore} again and retry.
 */
public final class IndexClosedException extends IllegalStateException {

    public IndexClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
