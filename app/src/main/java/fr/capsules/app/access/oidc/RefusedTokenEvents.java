package fr.capsules.app.access.oidc;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Publishes refused provider tokens like any failed login (the audit trail records them as
 * {@code login-failed}), under the name {@value #ACTOR}: a bearer authentication's name is the
 * token itself, which must never reach the trail.
 */
final class RefusedTokenEvents implements AuthenticationEventPublisher {

    static final String ACTOR = "jeton-oidc-refuse";

    private final AuthenticationEventPublisher events;

    RefusedTokenEvents(AuthenticationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        events.publishAuthenticationSuccess(authentication);
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        var masked = UsernamePasswordAuthenticationToken.unauthenticated(ACTOR, null);
        masked.setDetails(authentication.getDetails());
        events.publishAuthenticationFailure(exception, masked);
    }
}
