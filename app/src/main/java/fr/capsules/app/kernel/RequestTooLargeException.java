package fr.capsules.app.kernel;

/**
 * A request larger than the entry point accepts, refused before it is read whole; the message, a
 * French sentence, says the bound and what to do.
 */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
