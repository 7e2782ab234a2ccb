package fr.capsules.app.draft;

/** A change the draft's status does not allow; the message says why. */
public final class IllegalDraftTransitionException extends RuntimeException {

    public IllegalDraftTransitionException(String message) {
        super(message);
    }
}
