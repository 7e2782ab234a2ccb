package fr.capsules.app.access.oidc;

import fr.capsules.app.kernel.RetryLater;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider could not be reached or answered with an error of its own: the caller is
 * neither accepted nor refused, and is told to retry (503), never let in.
 */
public final class IdentityProviderUnavailableException extends AuthenticationException implements RetryLater {

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(30);
    }
}
