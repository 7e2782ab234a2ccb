package fr.capsules.app.access.oidc;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** The provider's claims cannot make a user here (no username, a username taken locally…). */
final class InvalidClaimsException extends OAuth2AuthenticationException {

    InvalidClaimsException(String message) {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, message, null), message);
    }
}
