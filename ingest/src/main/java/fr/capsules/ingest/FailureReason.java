package fr.capsules.ingest;

import java.util.Locale;

/**
 * Why a file {@link IngestionStatus#FAILED}: the kind callers act on, while {@link
 * IngestionResult#error()} says it in French for people. Match on this, never on the message.
 */
public enum FailureReason {
    /** The file is damaged or could not be understood, or needed more memory than allowed. */
    UNREADABLE,
    /** Parsing took longer than the time limit. */
    TIMED_OUT,
    /**
     * The file went over a bound of its parsing: it inflates to more bytes than allowed, or needed
     * more memory than the parsing process has.
     */
    TOO_LARGE,
    /** The embedding model did not answer: not the file's fault, worth retrying later. */
    EMBEDDINGS_UNAVAILABLE,
    /** Reading the file or writing the index failed on input/output. */
    INPUT_OUTPUT,
    /** The file was indexed but the commit that would have kept it failed. */
    NOT_COMMITTED,
    /** The original could not be kept beside the index, so the file was withdrawn from it. */
    ORIGINAL_NOT_KEPT,
    /**
     * The capsule is pseudonymised but its correspondence table cannot be used (no key configured,
     * or a key that does not open it): the file is not indexed rather than indexed in clear.
     */
    PSEUDONYMISATION_UNAVAILABLE,
    /** The ingestion was interrupted (the service is stopping). */
    INTERRUPTED,
    /** A bug or an unforeseen condition; the log says more. */
    UNEXPECTED;

    /** The value shown in JSON, e.g. {@code embeddings-unavailable}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
