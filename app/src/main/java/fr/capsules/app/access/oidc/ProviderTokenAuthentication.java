package fr.capsules.app.access.oidc;

import fr.capsules.app.access.CapsulesPrincipal;
import fr.capsules.app.access.CapsulesUser;
import java.util.Map;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/** A request authenticated by the provider's access token presented as a bearer. Immutable. */
final class ProviderTokenAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    /** The principal: who the token stands for, with the roles and services that hold now. */
    record TokenHolder(CapsulesUser user) implements CapsulesPrincipal, AuthenticatedPrincipal {
        @Override
        public String getName() {
            return user.username();
        }
    }

    ProviderTokenAuthentication(Jwt token, CapsulesUser user) {
        super(token, new TokenHolder(user), token, SignedInUser.authorities(user));
        setAuthenticated(true);
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
