package fr.capsules.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records a request refused with 403 as {@code access-denied}, the actor taken from the security
 * context. Called by the advice that turns the refusal into a problem response; never fails the
 * request: an entry that cannot be written is logged instead, so the caller still gets the 403.
 */
@Component
public class AccessDenials {

    private static final Logger log = LoggerFactory.getLogger(AccessDenials.class);
    private static final Pattern CAPSULE_PATH = Pattern.compile("^/api/capsules/([a-z0-9][a-z0-9-]{1,62})(?:/|$)");
    private static final int MAX_PATH_LENGTH = 500;

    private final AuditTrail trail;

    AccessDenials(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Records the refusal of this request.
     *
     * @param reason the message sent to the caller
     */
    public void record(HttpServletRequest request, String reason) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher capsule = CAPSULE_PATH.matcher(path);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("path", path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) : path);
        details.put("reason", reason);
        details.put("remoteAddress", request.getRemoteAddr());
        try {
            trail.record(currentActor(), AuditAction.ACCESS_DENIED, capsule.find() ? capsule.group(1) : null, null, details);
        } catch (RuntimeException e) {
            log.error("Could not record an access-denied audit entry for {} {}", request.getMethod(), path, e);
        }
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return AuditTrail.ANONYMOUS;
        }
        return authentication.getName();
    }
}
