package fr.capsules.app.web;

/** A request the caller must change before sending again (answers 400); the message says how. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
