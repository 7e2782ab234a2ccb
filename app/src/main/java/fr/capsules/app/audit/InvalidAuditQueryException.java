package fr.capsules.app.audit;

/** An audit query that cannot be run as asked; the French message says why. */
public final class InvalidAuditQueryException extends RuntimeException {

    public InvalidAuditQueryException(String message) {
        super(message);
    }
}
