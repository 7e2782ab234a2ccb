package fr.capsules.app.access;

import fr.capsules.app.access.oidc.IdentityProviderUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an API caller that is not (or no longer) authenticated with an RFC 9457 problem, never
 * a login page: 401 with what to present, 401 {@code invalid-token} for a refused bearer token
 * (another issuer, expired, tampered, for another service, no longer accepted by the provider),
 * 503 when the identity provider cannot be asked.
 */
final class ApiEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof IdentityProviderUnavailableException) {
            response.setHeader("Retry-After", "30");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Fournisseur d'identité injoignable",
                    "Le fournisseur d'identité ne répond pas : votre jeton ne peut pas être vérifié. Réessayez dans un moment.");
            return;
        }
        if (e instanceof OAuth2AuthenticationException) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "invalid-token", "Jeton refusé",
                    "Ce jeton n'est pas accepté : il est expiré, altéré, émis par un autre fournisseur ou pour un autre"
                            + " service, ou le fournisseur d'identité ne le reconnaît plus. Obtenez-en un nouveau.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Capsules\"");
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentification requise",
                "Identifiez-vous (identifiant et mot de passe, ou jeton d'API) pour utiliser ce service.");
    }
}
