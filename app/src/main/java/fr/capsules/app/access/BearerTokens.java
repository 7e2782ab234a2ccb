package fr.capsules.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Tells the two kinds of bearer apart. Our API tokens (users file) are looked up first, by their
 * SHA-256: a known one is always ours, whatever it looks like. Any other bearer that has the shape
 * of a signed JWT (three base64url parts separated by two dots, the first decoding to a JSON
 * object) is left to the identity provider's checks when single sign-on is on; everything else
 * is an unknown API token.
 */
public final class BearerTokens {

    /** Request attribute set when an API token authenticated the request. */
    static final String API_TOKEN_AUTHENTICATED = BearerTokens.class.getName() + ".apiToken";

    private static final String PREFIX = "Bearer ";
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final int MAX_LENGTH = 16_384;

    private BearerTokens() {}

    /** The bearer token of the request, or null when there is none. */
    static String of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }

    /** Whether the token has the shape of a compact JWS (a JWT), without checking anything else. */
    public static boolean looksLikeJwt(String token) {
        if (token == null || token.length() > MAX_LENGTH || !JWS.matcher(token).matches()) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            return header.strip().startsWith("{");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The provider JWT of the request, for the resource server: null when there is none, or when
     * an API token already authenticated the request.
     */
    public static String providerJwt(HttpServletRequest request) {
        if (request.getAttribute(API_TOKEN_AUTHENTICATED) != null) {
            return null;
        }
        String token = of(request);
        return looksLikeJwt(token) ? token : null;
    }
}
