package fr.capsules.app.web.ui;

import fr.capsules.app.access.CapsulesPrincipal;
import fr.capsules.app.access.CapsulesUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The person signed in for a request, for pages that Spring MVC renders outside the page
 * controllers: an error page shows the same navigation and sign-out button as any other page.
 * During an error dispatch the security context of the failed request may already be cleared, so
 * the session's is read then.
 */
final class SignedInPerson {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private SignedInPerson() {}

    /** The person, or null when nobody is signed in. */
    static CapsulesUser of(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        CapsulesUser user = CapsulesPrincipal.of(current).orElse(null);
        if (user != null || request == null) {
            return user;
        }
        SecurityContext stored = SESSIONS.loadDeferredContext(request).get();
        return stored == null ? null : CapsulesPrincipal.of(stored.getAuthentication()).orElse(null);
    }
}
