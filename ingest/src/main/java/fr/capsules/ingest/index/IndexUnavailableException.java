package fr.capsules.ingest.index;

/**
 * The search engine behind the index cannot be reached now (a distributed backend whose cluster
 * is down or out of reach). Nothing was read or changed; the same call may succeed later. The
 * embedded index never throws it.
 */
public final class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
