package fr.capsules.app.access.oidc;

import org.springframework.security.core.AuthenticationException;

/**
 * The identity provider could not be reached or answered with an error of its own: the caller is
 * neither accepted nor refused, and is told to retry (503), never let in.
 */
public final class IdentityProviderUnavailableException extends AuthenticationException {

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
