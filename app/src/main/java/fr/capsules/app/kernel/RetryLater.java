package fr.capsules.app.kernel;

import java.time.Duration;

/**
 * A failure that passes by itself: the same request will succeed later. The edge tells the
 * caller when to try again (HTTP {@code Retry-After}).
 */
public interface RetryLater {

    /** How long the caller should wait before sending the same request again. */
    Duration retryAfter();
}
