package fr.capsules.app.kernel;

/**
 * A request the caller must change before sending again, whatever the entry point (API, page,
 * command line); the message, a French sentence, says how.
 */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
