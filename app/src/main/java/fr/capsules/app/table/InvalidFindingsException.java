package fr.capsules.app.table;

/**
 * The findings could not be read: none found, too many, unsupported or unreadable file, no
 * findings column. The message is a French sentence for the inspector.
 */
public final class InvalidFindingsException extends RuntimeException {

    public InvalidFindingsException(String message) {
        super(message);
    }

    public InvalidFindingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
