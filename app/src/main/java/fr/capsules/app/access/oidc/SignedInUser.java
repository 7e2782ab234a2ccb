package fr.capsules.app.access.oidc;

import fr.capsules.app.access.CapsulesPrincipal;
import fr.capsules.app.access.CapsulesUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through the provider, in a browser session. Keeps the ID token (the logout
 * sends it back as {@code id_token_hint}) and the login's claims, which bound every later
 * request; {@link #getName()} is the Capsules username (audit, drafts), not the provider's
 * {@code sub}. Immutable.
 */
final class SignedInUser extends DefaultOidcUser implements CapsulesPrincipal {

    private final CapsulesUser user;

    SignedInUser(CapsulesUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities(user), idToken, userInfo, IdTokenClaimNames.SUB);
        this.user = user;
    }

    @Override
    public CapsulesUser user() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    /** The same person and tokens, with the roles and services that hold now. */
    SignedInUser with(CapsulesUser current) {
        return new SignedInUser(current, getIdToken(), getUserInfo());
    }

    static List<GrantedAuthority> authorities(CapsulesUser user) {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
