package fr.capsules.app.access.oidc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.util.StringUtils;

/**
 * Turns a completed browser login (ID token checked by Spring Security: signature, issuer,
 * audience, nonce, expiry) into a {@link SignedInUser}. Userinfo is always read, through
 * {@link UserInfoClient} so that signed answers (ProConnect) are understood; Spring Security
 * checks that it names the ID token's subject.
 */
final class SignedInUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SignedInUsers.class);

    private final OidcUserService delegate = new OidcUserService();
    private final OidcUsers users;

    SignedInUsers(UserInfoClient userInfo, OidcUsers users) {
        this.users = users;
        delegate.setRetrieveUserInfo(request ->
                StringUtils.hasText(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri()));
        delegate.setOauth2UserService(request ->
                new DefaultOAuth2User(null, userInfo.claims(request.getAccessToken().getTokenValue()), "sub"));
        delegate.setOidcUserConverter(source -> {
            DefaultOidcUser merged = new DefaultOidcUser(null, source.getUserRequest().getIdToken(), source.getUserInfo());
            return new SignedInUser(users.atLogin(merged.getClaims()), merged.getIdToken(), merged.getUserInfo());
        });
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        try {
            return delegate.loadUser(request);
        } catch (OAuth2AuthenticationException e) {
            log.warn("Connexion par le fournisseur d'identité refusée : {}", e.getMessage());
            throw e;
        } catch (IdentityProviderUnavailableException e) {
            log.warn("Connexion par le fournisseur d'identité impossible : {}", e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error("provider_unavailable", e.getMessage(), null), e);
        }
    }
}
