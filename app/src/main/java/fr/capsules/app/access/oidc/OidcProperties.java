package fr.capsules.app.access.oidc;

import fr.capsules.app.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * Single sign-on through an OpenID Connect provider ({@code capsules.oidc.*}); off by default, so
 * the one-command start keeps its local accounts only. See {@code docs/SSO.md}.
 *
 * @param enabled turns single sign-on on (browser login, provider access tokens as bearers)
 * @param providerName shown on the login button, "Se connecter avec …" (e.g. {@code Keycloak},
 *     {@code ProConnect})
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read on
 *     first use, so the service starts even while the provider is down
 * @param clientId this service's client at the provider
 * @param clientSecret its secret; empty for a public client (then PKCE is always used)
 * @param scopes requested at login ({@code openid} first)
 * @param pkce sends a PKCE challenge with every login (RFC 7636); turn off only for a provider
 *     that refuses unknown parameters (ProConnect)
 * @param acrValues sent as {@code acr_values} when not empty
 * @param signingAlgorithm the algorithm the provider signs ID tokens, access tokens and signed userinfo with
 *     ({@code RS256}, {@code ES256}, …)
 * @param postLogoutRedirectUri where the provider sends the browser back after logout; must be
 *     registered there; {@code {baseUrl}} is this service's address
 * @param localLogin also offers the login form of the local accounts (users file, demo)
 * @param audiences the {@code aud} (or {@code azp}) values a bearer token must carry; empty means
 *     the client id alone
 * @param claims where identity, roles and services are read
 * @param mapping how claim values become roles and services
 * @param memberships where current roles and services come from, and how fresh they must be
 */
@ConfigurationProperties("capsules.oidc")
public record OidcProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("fournisseur d'identité") String providerName,
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("true") boolean pkce,
        @DefaultValue("") String acrValues,
        @DefaultValue("RS256") String signingAlgorithm,
        @DefaultValue("{baseUrl}/login?logout") String postLogoutRedirectUri,
        @DefaultValue("true") boolean localLogin,
        List<String> audiences,
        @DefaultValue Claims claims,
        @DefaultValue Mapping mapping,
        @DefaultValue Memberships memberships) {

    public OidcProperties {
        scopes = List.copyOf(scopes);
        audiences = audiences == null || audiences.isEmpty() ? List.of(clientId) : List.copyOf(audiences);
        if (enabled && (issuerUri.isBlank() || clientId.isBlank())) {
            throw new IllegalArgumentException(
                    "capsules.oidc.enabled=true demande capsules.oidc.issuer-uri et capsules.oidc.client-id");
        }
        if (SignatureAlgorithm.from(signingAlgorithm) == null) {
            throw new IllegalArgumentException("capsules.oidc.signing-algorithm inconnu : " + signingAlgorithm + " (RS256, ES256, PS256…)");
        }
        if (enabled && memberships.source() == Memberships.Source.FILE && memberships.file() == null) {
            throw new IllegalArgumentException(
                    "capsules.oidc.memberships.source=file demande capsules.oidc.memberships.file");
        }
    }

    /**
     * Claim names. A name with dots is a path into nested objects ({@code realm_access.roles},
     * {@code resource_access.capsules.roles}) unless a claim has that exact name.
     *
     * @param username the claim that becomes the username (audit, drafts, conversations)
     * @param name the claims joined with a space for the displayed name ({@code given_name},
     *     {@code usual_name} for ProConnect); the username when none is present
     * @param roles claims listing role values
     * @param services claims listing service values
     */
    public record Claims(
            @DefaultValue("preferred_username") String username,
            @DefaultValue("name") List<String> name,
            @DefaultValue({"groups", "realm_access.roles"}) List<String> roles,
            @DefaultValue("groups") List<String> services) {

        public Claims {
            name = List.copyOf(name);
            roles = List.copyOf(roles);
            services = List.copyOf(services);
        }
    }

    /**
     * Claim values to roles and services. A value is compared on its last path segment, so
     * Keycloak's full group paths ({@code /agence/capsules-service-inspection}) work as is.
     *
     * @param rolePrefix {@code capsules-admin} → ADMIN, {@code capsules-referent} → REFERENT,
     *     {@code capsules-agent} → AGENT (case-insensitive); empty turns prefix matching off
     * @param roles explicit values → role, in addition to the prefix
     * @param servicePrefix {@code capsules-service-inspection} → service {@code inspection};
     *     empty turns prefix matching off
     * @param services explicit values → service name, in addition to the prefix
     */
    public record Mapping(
            @DefaultValue("capsules-") String rolePrefix,
            Map<String, Role> roles,
            @DefaultValue("capsules-service-") String servicePrefix,
            Map<String, String> services) {

        public Mapping {
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            services = services == null ? Map.of() : Map.copyOf(services);
        }
    }

    /**
     * Where a user's current roles and services come from.
     *
     * @param source {@code provider}: the provider's claims, each request bounded by what its
     *     userinfo endpoint says now; {@code file}: a local file (ProConnect, whose claims carry no
     *     service)
     * @param maxAge how long one userinfo answer may be reused for the same access token;
     *     {@code 0s} asks on every request, so a lost service is refused at once
     * @param file the memberships file ({@code source: file}), keyed by username, re-read when it
     *     changes
     */
    public record Memberships(
            @DefaultValue("provider") Source source, @DefaultValue("0s") Duration maxAge, Path file) {

        /** See {@link Memberships#source()}. */
        public enum Source {
            PROVIDER,
            FILE
        }
    }
}
