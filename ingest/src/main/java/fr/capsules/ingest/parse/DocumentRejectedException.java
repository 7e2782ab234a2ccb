package fr.capsules.ingest.parse;

/**
 * A file that is readable but not acceptable (encrypted, unsupported, empty). The message is a
 * French sentence for the person who uploaded it.
 */
public class DocumentRejectedException extends RuntimeException {

    public DocumentRejectedException(String message) {
        super(message);
    }
}
