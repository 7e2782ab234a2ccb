package fr.capsules.app.workshop;

/** An evaluation or a version the capsule does not have. */
public final class WorkshopNotFoundException extends RuntimeException {

    WorkshopNotFoundException(String message) {
        super(message);
    }
}
