package fr.capsules.app.access.oidc;

import java.util.Map;

/**
 * Where a signed-in person's roles and services come from, and how a credential issued earlier
 * is held to what is true now. See {@code docs/SSO.md}, "Lost services".
 */
sealed interface CurrentMemberships permits ProviderMemberships, FileMemberships {

    /**
     * At login, from the claims the provider just gave (ID token merged with userinfo).
     *
     * @param username already read from the claims
     */
    Grant atLogin(String username, Map<String, Object> claims);

    /**
     * For one request made with a credential: never more than {@code asserted} (the claims it was
     * issued with), never more than what the source of truth says now.
     *
     * @param accessToken the provider access token behind the credential, to ask the provider
     * @throws org.springframework.security.core.AuthenticationException when the provider no
     *     longer accepts the token, or cannot be asked
     */
    Grant now(String username, Map<String, Object> asserted, String accessToken);
}
