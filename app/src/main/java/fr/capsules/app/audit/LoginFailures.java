package fr.capsules.app.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureCredentialsExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records every failed authentication (HTTP Basic and login form) as {@code login-failed}, from the
 * events Spring Security's {@code AuthenticationEventPublisher} publishes. The actor is the
 * username tried, whether or not such an account exists. Never fails the authentication: an entry
 * that cannot be written is logged instead.
 */
@Component
class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    private final AuditTrail trail;

    LoginFailures(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason(event));
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            details.put("remoteAddress", web.getRemoteAddress());
        }
        try {
            trail.record(event.getAuthentication().getName(), AuditAction.LOGIN_FAILED, null, null, details);
        } catch (RuntimeException e) {
            log.error("Could not record a login-failed audit entry", e);
        }
    }

    // A stable code rather than the exception's message or class, which are not ours to keep stable.
    private static String reason(AbstractAuthenticationFailureEvent event) {
        return switch (event) {
            case AuthenticationFailureBadCredentialsEvent e -> "bad-credentials";
            case AuthenticationFailureLockedEvent e -> "locked";
            case AuthenticationFailureDisabledEvent e -> "disabled";
            case AuthenticationFailureExpiredEvent e -> "expired";
            case AuthenticationFailureCredentialsExpiredEvent e -> "credentials-expired";
            case AuthenticationFailureServiceExceptionEvent e -> "service-error";
            default -> "other";
        };
    }
}
