package fr.capsules.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Security's authorization
 * server with its own login form, the people of {@link People} (a {@code groups} claim in ID and
 * access tokens, like a Keycloak group mapper) and a userinfo endpoint that answers from the
 * directory as it is now. Started by {@link TestIdentityProvider}; outside {@code fr.capsules.app}
 * so that the service's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
})
class IdentityProviderApplication {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, People people) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context ->
                    new OidcUserInfo(claims(people, context.getAuthorization().getPrincipalName())))));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users(People people) {
        return username -> people.find(username)
                .map(p -> User.withUsername(p.username()).password("{noop}" + p.password()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    JWKSource<SecurityContext> keys(RSAKey key) {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** Identity and groups in ID tokens and access tokens, read from the directory at issue time. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> identityClaims(People people) {
        return context -> {
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                claims(people, context.getPrincipal().getName()).forEach((name, value) -> {
                    if (!name.equals("sub")) {
                        context.getClaims().claim(name, value);
                    }
                });
            }
        };
    }

    private static Map<String, Object> claims(People people, String username) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        people.find(username).ifPresent(p -> {
            claims.put("preferred_username", p.username());
            claims.put("name", p.name());
            claims.put("email", p.email());
            if (!p.groups().isEmpty()) {
                claims.put("groups", p.groups());
            }
        });
        return claims;
    }
}
