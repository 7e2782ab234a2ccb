package fr.capsules.app.web;

import fr.capsules.app.kernel.RetryLater;
import java.util.Optional;

/** The {@code Retry-After} value (whole seconds, at least 1) for a failure that passes by itself. */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    /** The header's value when the failure, or one of its causes, is a {@link RetryLater}. */
    static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLater later) {
                return Optional.of(Long.toString(Math.max(1, later.retryAfter().toSeconds())));
            }
        }
        return Optional.empty();
    }
}
