package fr.capsules.app.access.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the local logout, sends the browser to the provider's {@code end_session_endpoint}
 * (OpenID Connect RP-Initiated Logout) with {@code id_token_hint}, {@code post_logout_redirect_uri}
 * and a random {@code state}, which ProConnect requires; the provider ends its own session and
 * sends the browser back to the login page. People signed in with a local account go straight
 * to the login page.
 */
final class ProviderLogout extends OidcClientInitiatedLogoutSuccessHandler {

    private static final SecureRandom RANDOM = new SecureRandom();

    ProviderLogout(ProviderRegistration registrations, String postLogoutRedirectUri, String localTarget) {
        super(registrations);
        setPostLogoutRedirectUri(postLogoutRedirectUri);
        setDefaultTargetUrl(localTarget);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String target;
        try {
            target = super.determineTargetUrl(request, response, authentication);
        } catch (IdentityProviderUnavailableException e) {
            // Signed out here at least; the provider's session ends with its own lifetime.
            return getDefaultTargetUrl();
        }
        if (!(authentication != null && authentication.getPrincipal() instanceof SignedInUser) || target.equals(getDefaultTargetUrl())) {
            return target;
        }
        // The landing page only says "you are signed out": nothing there for a forged state to
        // abuse, so the value is not kept for checking; it is sent because ProConnect requires it.
        byte[] state = new byte[32];
        RANDOM.nextBytes(state);
        return UriComponentsBuilder.fromUriString(target)
                .queryParam("state", Base64.getUrlEncoder().withoutPadding().encodeToString(state))
                .build(true)
                .toUriString();
    }
}
