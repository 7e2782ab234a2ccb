package fr.capsules.app.pseudonym;

/**
 * A capsule's pseudonym table cannot be used: no key configured, a key that does not open it, or
 * a file that cannot be read. The message is French, for the caller; it never holds the key.
 */
public final class PseudonymTableUnavailableException extends RuntimeException {

    public PseudonymTableUnavailableException(String message) {
        super(message);
    }

    public PseudonymTableUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
