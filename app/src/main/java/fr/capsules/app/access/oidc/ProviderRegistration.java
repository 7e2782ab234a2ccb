package fr.capsules.app.access.oidc;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * This service's one client registration ({@value #ID}), built from the provider's discovery
 * document on first use rather than at start-up: the service starts (local accounts, API tokens)
 * while the provider is down, and single sign-on works as soon as it answers. A failed discovery
 * is retried on the next use. Thread-safe.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    static final String ID = "oidc";

    private final OidcProperties properties;
    private final RestClient http;
    private volatile ClientRegistration registration;

    ProviderRegistration(OidcProperties properties, RestClient http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? get() : null;
    }

    /**
     * The registration, discovering the provider if not done yet.
     *
     * @throws IdentityProviderUnavailableException when the discovery document cannot be read or
     *     names another issuer
     */
    ClientRegistration get() {
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                registration = discover();
            }
            return registration;
        }
    }

    private ClientRegistration discover() {
        String issuer = properties.issuerUri();
        String location = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Map<String, Object> metadata;
        try {
            metadata = http.get().uri(location).retrieve().body(new ParameterizedTypeReference<>() {});
        } catch (RestClientException e) {
            throw new IdentityProviderUnavailableException("fournisseur d'identité injoignable (" + location + ")", e);
        }
        if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
            // OpenID Connect Discovery 1.0, section 4.3: the issuer must be exactly the one configured.
            throw new IdentityProviderUnavailableException(
                    "le document de découverte de " + location + " annonce un autre émetteur : " + (metadata == null ? null : metadata.get("issuer")),
                    null);
        }
        boolean publicClient = properties.clientSecret().isBlank();
        ClientRegistration.Builder builder =
                ClientRegistrations.fromOidcConfiguration(metadata)
                        .registrationId(ID)
                        .clientId(properties.clientId())
                        .clientName(properties.providerName())
                        .scope(properties.scopes())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .clientSettings(ClientRegistration.ClientSettings.builder()
                                .requireProofKey(properties.pkce() || publicClient)
                                .build());
        if (publicClient) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(properties.clientSecret());
        }
        return builder.build();
    }
}
