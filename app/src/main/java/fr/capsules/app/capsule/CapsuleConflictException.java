package fr.capsules.app.capsule;

/** A capsule change that contradicts the current state (e.g. creating an id that exists). */
public final class CapsuleConflictException extends RuntimeException {

    public CapsuleConflictException(String message) {
        super(message);
    }
}
