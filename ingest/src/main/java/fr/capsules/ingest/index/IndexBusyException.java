package fr.capsules.ingest.index;

/**
 * A rebuild of this capsule's index was refused because another one is under way elsewhere (an
 * other application node sharing the same index cluster) or was left unfinished: the live index
 * is untouched. Within one process rebuilds are serialised and never see this.
 */
public final class IndexBusyException extends RuntimeException {

    private final String capsuleId;

    public IndexBusyException(String capsuleId, String message, Throwable cause) {
        super(message, cause);
        this.capsuleId = capsuleId;
    }

    /** The capsule whose rebuild was refused. */
    public String capsuleId() {
        return capsuleId;
    }
}
