package fr.capsules.app.document;

import fr.capsules.app.kernel.RetryLater;
import java.time.Duration;

/**
 * The capsule's documents are still being indexed (the catalogue at start, or a rebuild after a
 * change of settings): searching it now would miss documents and refuse questions they answer.
 */
public class CapsuleIndexingException extends RuntimeException implements RetryLater {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    CapsuleIndexingException(String capsuleName) {
        super("La capsule « " + capsuleName + " » est en cours d'indexation : ses documents ne sont pas encore tous"
                + " consultables. Réessayez dans quelques secondes.");
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
