package fr.capsules.app.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * A Spring Security principal that stands for a {@link CapsulesUser}: a local account (form login,
 * HTTP Basic, API token) or a person signed in through the identity provider (browser session or
 * the provider's access token). Every use case sees the same {@link CapsulesUser}, whatever the
 * way in.
 */
public interface CapsulesPrincipal {

    /** The person as the domain sees them; never null. */
    CapsulesUser user();

    /** The user an authentication stands for; empty when anonymous or not one of ours. */
    static Optional<CapsulesUser> of(Authentication authentication) {
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CapsulesPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }
}
