package fr.capsules.app.quota;

import fr.capsules.app.kernel.RetryLater;
import java.time.Duration;

/** A person asked more than their fair share: the message says which limit, in French; retry after the delay. */
public final class TooManyRequestsException extends RuntimeException implements RetryLater {

    private final Duration retryAfter;

    TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
