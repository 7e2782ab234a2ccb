package fr.capsules.app.access.oidc;

import fr.capsules.app.access.UserAccounts;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/** The single sign-on beans, present only with {@code capsules.oidc.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("capsules.oidc.enabled")
class SingleSignOnConfiguration {

    @Bean
    SingleSignOn singleSignOn(OidcProperties properties, UserAccounts localAccounts) {
        return new SingleSignOn(properties, localAccounts, Clock.systemUTC());
    }

    /** Checks ID tokens with the configured algorithm (Spring Security's default is RS256 only). */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(OidcProperties properties) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwsAlgorithmResolver(registration -> SignatureAlgorithm.from(properties.signingAlgorithm()));
        return factory;
    }
}
