package fr.capsules.app.access.oidc;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Makes a checked provider access token ({@link AccessTokenDecoder}) into an authentication: the
 * token's claims bounded by the current memberships ({@link OidcUsers#now}).
 */
final class ProviderTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcUsers users;

    ProviderTokens(OidcUsers users) {
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        return new ProviderTokenAuthentication(token, users.now(token.getClaims(), token.getTokenValue()));
    }
}
