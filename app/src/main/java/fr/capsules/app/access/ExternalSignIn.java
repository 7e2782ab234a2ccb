package fr.capsules.app.access;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A way of signing in beyond the local accounts (single sign-on through an identity provider),
 * added to the one security filter chain when configured. It lives in its own package and depends
 * on this one, never the reverse: the chain knows only this contract.
 */
public interface ExternalSignIn {

    /** What the login page offers with this way in. */
    SignInOptions signInOptions();

    /**
     * Adds the way in to the chain.
     *
     * @param apiEntryPoint answers API callers whose credentials are refused
     * @param publicResources requests that need no authentication
     */
    void applyTo(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint, AuthenticationEventPublisher events,
            RequestMatcher publicResources) throws Exception;

    /** Where the browser goes after a local logout: the provider's own logout, then {@code localTarget}. */
    LogoutSuccessHandler logoutSuccessHandler(String localTarget);
}
