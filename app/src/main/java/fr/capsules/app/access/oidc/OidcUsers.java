package fr.capsules.app.access.oidc;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.UserAccounts;
import java.util.Map;

/**
 * The {@link CapsulesUser} a provider credential stands for: username and name from its claims,
 * roles and services from {@link CurrentMemberships}. A username that names a local account
 * (users file, demo) is refused, so that a person at the provider never inherits a local
 * account's conversations, drafts or audit trail.
 */
final class OidcUsers {

    private final ClaimMapping mapping;
    private final CurrentMemberships memberships;
    private final UserAccounts localAccounts;

    OidcUsers(ClaimMapping mapping, CurrentMemberships memberships, UserAccounts localAccounts) {
        this.mapping = mapping;
        this.memberships = memberships;
        this.localAccounts = localAccounts;
    }

    /**
     * At login, from the ID token's claims merged with userinfo's.
     *
     * @throws InvalidClaimsException when the claims name no acceptable username
     */
    CapsulesUser atLogin(Map<String, Object> claims) {
        String username = username(claims);
        return user(username, claims, memberships.atLogin(username, claims));
    }

    /**
     * For one request: {@code asserted} are the claims the credential carries (access token, or
     * the session's login claims), {@code accessToken} the provider token behind it.
     */
    CapsulesUser now(Map<String, Object> asserted, String accessToken) {
        String username = username(asserted);
        return user(username, asserted, memberships.now(username, asserted, accessToken));
    }

    private String username(Map<String, Object> claims) {
        String username = mapping.username(claims);
        if (localAccounts.find(username).isPresent()) {
            throw new InvalidClaimsException("l'identifiant « " + username + " » est celui d'un compte local");
        }
        return username;
    }

    private CapsulesUser user(String username, Map<String, Object> claims, Grant grant) {
        return new CapsulesUser(username, mapping.displayName(claims, username), grant.roles(), grant.services());
    }
}
