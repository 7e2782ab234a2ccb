package fr.capsules.app.access.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
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
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the provider's userinfo endpoint who an access token stands for, now. Reads plain JSON and
 * signed JWT answers ({@code application/jwt}, as ProConnect sends): those are checked against
 * the provider's keys, and their {@code iss} and {@code aud}, when present, must be the provider
 * and this client. Thread-safe.
 */
final class UserInfoClient {

    private static final MediaType JWT = new MediaType("application", "jwt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderRegistration provider;
    private final OidcProperties properties;
    private final RestClient http;
    private final RestOperations keys;
    private volatile JwtDecoder signedAnswers;

    UserInfoClient(ProviderRegistration provider, OidcProperties properties, RestClient http, RestOperations keys) {
        this.provider = provider;
        this.properties = properties;
        this.http = http;
        this.keys = keys;
    }

    /**
     * The claims the provider gives for this access token.
     *
     * @throws InvalidBearerTokenException when the provider no longer accepts the token (revoked,
     *     expired, session ended) or signs its answer wrongly
     * @throws IdentityProviderUnavailableException when the provider cannot be asked
     */
    Map<String, Object> claims(String accessToken) {
        ClientRegistration registration = provider.get();
        String uri = registration.getProviderDetails().getUserInfoEndpoint().getUri();
        if (uri == null || uri.isBlank()) {
            throw new IdentityProviderUnavailableException("le fournisseur d'identité n'a pas de point userinfo", null);
        }
        ResponseEntity<String> response;
        try {
            response = http.get()
                    .uri(uri)
                    .headers(h -> {
                        h.setBearerAuth(accessToken);
                        h.setAccept(List.of(MediaType.APPLICATION_JSON, JWT));
                    })
                    .retrieve()
                    .toEntity(String.class);
        } catch (HttpClientErrorException e) {
            // 400 (ProConnect: malformed token), 401, 403: the token is refused; 429 and the rest of
            // the 4xx say nothing about it.
            int status = e.getStatusCode().value();
            if (status == 400 || status == 401 || status == 403) {
                throw new InvalidBearerTokenException("le fournisseur d'identité ne reconnaît plus ce jeton");
            }
            throw new IdentityProviderUnavailableException("userinfo a répondu " + status, e);
        } catch (RestClientException e) {
            throw new IdentityProviderUnavailableException("fournisseur d'identité injoignable (userinfo)", e);
        }
        MediaType type = response.getHeaders().getContentType();
        String body = response.getBody() == null ? "" : response.getBody();
        if (type != null && type.isCompatibleWith(JWT)) {
            return signed(body.strip(), registration);
        }
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException e) {
            throw new IdentityProviderUnavailableException("réponse userinfo illisible", e);
        }
    }

    private Map<String, Object> signed(String token, ClientRegistration registration) {
        try {
            return decoder(registration).decode(token).getClaims();
        } catch (BadJwtException e) {
            throw new InvalidBearerTokenException("réponse userinfo mal signée");
        } catch (JwtException e) {
            throw new IdentityProviderUnavailableException("clés du fournisseur d'identité illisibles", e);
        }
    }

    private JwtDecoder decoder(ClientRegistration registration) {
        JwtDecoder known = signedAnswers;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (signedAnswers == null) {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.from(properties.signingAlgorithm()))
                        .validateType(false)
                        .restOperations(keys)
                        .build();
                String issuer = registration.getProviderDetails().getIssuerUri();
                List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
                validators.add(new JwtTimestampValidator());
                validators.add(ifPresent("iss", jwt -> issuer.equals(jwt.getClaimAsString("iss"))));
                validators.add(ifPresent("aud", jwt -> jwt.getAudience().contains(registration.getClientId())));
                decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
                signedAnswers = decoder;
            }
            return signedAnswers;
        }
    }

    private static OAuth2TokenValidator<Jwt> ifPresent(String claim, Predicate<Jwt> test) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "userinfo : " + claim + " inattendu", null);
        return jwt -> !jwt.hasClaim(claim) || test.test(jwt)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }
}
