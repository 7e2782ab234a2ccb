package fr.capsules.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The state-changing requests that must carry the CSRF token: every one that another site could have
 * made a browser send with the user's credentials.
 *
 * <ul>
 *   <li>A request that names a session (a session cookie, even an expired one) always needs the token,
 *       whatever else it carries: it comes from a browser, and headers prove nothing about who wrote it.
 *   <li>Without a session, a request whose only credentials a browser replays on its own (cached HTTP
 *       Basic credentials) needs the token when it has the shape of a cross-site form or of a "simple"
 *       cross-site fetch: {@code POST} with no content type or with {@code application/x-www-form-urlencoded},
 *       {@code multipart/form-data} or {@code text/plain}. Anything else (a JSON body, {@code PUT},
 *       {@code DELETE}) makes a browser ask first (CORS preflight), and the service allows no other
 *       origin, so another site cannot send it.
 *   <li>A bearer token (an API token or the identity provider's access token) is never attached by a
 *       browser on its own: such a request without a session is an API client's, and needs no token.
 * </ul>
 *
 * <p>So an API script with HTTP Basic sends JSON as before; to upload files (multipart) it uses a bearer
 * API token, or fetches the CSRF token first like a page does.
 */
final class ForgeableRequests implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The content types a cross-site form or a CORS "simple request" may carry (Fetch standard). */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (request.getRequestedSessionId() != null) {
            return true;
        }
        if (BearerTokens.of(request) != null) {
            return false;
        }
        return "POST".equals(request.getMethod()) && formShaped(request.getContentType());
    }

    private static boolean formShaped(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        int parameters = contentType.indexOf(';');
        String essence = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return FORM_TYPES.contains(essence);
    }
}
