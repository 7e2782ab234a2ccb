package fr.capsules.app.access.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a browser session opened through the provider to what is true now, on every request:
 * the session's access token (refreshed when it expires) is shown to the provider, and the
 * request runs with the login's roles and services bounded by the current ones. When the
 * provider no longer accepts the session (token revoked, refresh refused, session ended there),
 * the local session ends too and the person is asked to sign in again. The bounded user is
 * set for this request only; the session keeps the login's claims as the upper bound.
 */
final class SessionMembershipCheck extends OncePerRequestFilter {

    private final OAuth2AuthorizedClientManager clients;
    private final OidcUsers users;
    private final RequestMatcher publicResources;

    SessionMembershipCheck(OAuth2AuthorizedClientManager clients, OidcUsers users, RequestMatcher publicResources) {
        this.clients = clients;
        this.users = users;
        this.publicResources = publicResources;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicResources.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof SignedInUser signedIn)) {
            chain.doFilter(request, response);
            return;
        }
        SignedInUser current;
        try {
            OAuth2AuthorizedClient client = clients.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                            .principal(token)
                            .attribute(HttpServletRequest.class.getName(), request)
                            .attribute(HttpServletResponse.class.getName(), response)
                            .build());
            if (client == null) {
                throw endSession(request, "session sans jeton du fournisseur d'identité");
            }
            current = signedIn.with(users.now(signedIn.getClaims(), client.getAccessToken().getTokenValue()));
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException e) {
            throw endSession(request, e.getMessage());
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(
                current, SignedInUser.authorities(current.user()), token.getAuthorizedClientRegistrationId()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static CredentialsExpiredException endSession(HttpServletRequest request, String reason) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        // Thrown after ExceptionTranslationFilter: pages go to the login page, the API gets a 401.
        return new CredentialsExpiredException("connexion unique terminée : " + reason);
    }
}
