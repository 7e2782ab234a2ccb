package fr.capsules.ingest.index;

/**
 * The embedding model could not produce vectors (unavailable, timed out, answered something
 * unusable). Unchecked so that a lambda or a stream can carry it, but always worth catching: a
 * question can still be answered by lexical search, and ingestion reports the file as failed. The
 * message says what happened, for logs and reports; it must not carry credentials.
 */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
