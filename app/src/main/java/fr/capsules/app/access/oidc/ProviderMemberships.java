package fr.capsules.app.access.oidc;

import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Roles and services from the provider's claims ({@code groups}, {@code realm_access.roles}…).
 * A credential's claims are an upper bound; each request is also bounded by what the provider's
 * userinfo endpoint says for the same access token now, so a service removed at the provider is
 * refused on the next request (within {@code capsules.oidc.memberships.max-age}).
 */
final class ProviderMemberships implements CurrentMemberships {

    private final ClaimMapping mapping;
    private final RecentUserInfo userInfo;

    ProviderMemberships(ClaimMapping mapping, RecentUserInfo userInfo) {
        this.mapping = mapping;
        this.userInfo = userInfo;
    }

    @Override
    public Grant atLogin(String username, Map<String, Object> claims) {
        return grant(claims);
    }

    @Override
    public Grant now(String username, Map<String, Object> asserted, String accessToken) {
        Map<String, Object> current = userInfo.claims(accessToken);
        // OpenID Connect Core 1.0, 5.3.2: an answer about another subject must not be used.
        if (!Objects.equals(current.get("sub"), asserted.get("sub"))) {
            throw new InvalidBearerTokenException("userinfo parle d'une autre personne que le jeton");
        }
        return grant(asserted).intersect(grant(current));
    }

    private Grant grant(Map<String, Object> claims) {
        return new Grant(mapping.roles(claims), mapping.services(claims));
    }
}
