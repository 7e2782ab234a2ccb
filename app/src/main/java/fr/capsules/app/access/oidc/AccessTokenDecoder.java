package fr.capsules.app.access.oidc;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Checks a provider access token presented as a bearer: signature by one of the provider's
 * published keys (fetched on first use, cached, re-read when an unknown key id appears), the
 * configured algorithm, exactly the configured issuer, not expired (60 s of clock skew), and an
 * audience ({@code aud}, or {@code azp}) among {@code capsules.oidc.audiences}. Thread-safe.
 */
final class AccessTokenDecoder implements JwtDecoder {

    private final ProviderRegistration provider;
    private final OidcProperties properties;
    private final RestOperations http;
    private volatile JwtDecoder delegate;

    AccessTokenDecoder(ProviderRegistration provider, OidcProperties properties, RestOperations http) {
        this.provider = provider;
        this.properties = properties;
        this.http = http;
    }

    /**
     * @throws BadJwtException for a token that is malformed, wrongly signed, expired, of another
     *     issuer or for another audience (answered 401)
     * @throws IdentityProviderUnavailableException when the provider's keys cannot be read (503)
     */
    @Override
    public Jwt decode(String token) {
        try {
            return decoder().decode(token);
        } catch (BadJwtException e) {
            throw e;
        } catch (JwtException e) {
            throw new IdentityProviderUnavailableException("clés du fournisseur d'identité illisibles", e);
        }
    }

    private JwtDecoder decoder() {
        JwtDecoder known = delegate;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (delegate == null) {
                var registration = provider.get();
                NimbusJwtDecoder decoder =
                        NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                                .jwsAlgorithm(SignatureAlgorithm.from(properties.signingAlgorithm()))
                                .restOperations(http)
                                .build();
                decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(registration.getProviderDetails().getIssuerUri()),
                        audience(properties.audiences())));
                delegate = decoder;
            }
            return delegate;
        }
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "jeton destiné à un autre service", null);
        return jwt -> {
            boolean audience = jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(accepted::contains);
            // Keycloak names the requesting client in azp and puts "account" in aud unless an
            // audience mapper is set: either proves the token was issued for one of ours.
            String azp = jwt.getClaimAsString("azp");
            boolean authorizedParty = azp != null && accepted.contains(azp);
            return audience || authorizedParty ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
        };
    }
}
