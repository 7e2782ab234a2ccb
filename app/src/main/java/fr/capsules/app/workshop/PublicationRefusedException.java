package fr.capsules.app.workshop;

import java.util.List;

/** The publication gate refused: each failed check, in French. Nothing was published. */
public final class PublicationRefusedException extends RuntimeException {

    private final List<String> failedChecks;

    PublicationRefusedException(List<String> failedChecks) {
        super("publication refusée : " + String.join(" ; ", failedChecks));
        this.failedChecks = List.copyOf(failedChecks);
    }

    public List<String> failedChecks() {
        return failedChecks;
    }
}
