package fr.capsules.app.access.oidc;

import fr.capsules.app.access.BearerTokens;
import fr.capsules.app.access.ExternalSignIn;
import fr.capsules.app.access.SignInOptions;
import fr.capsules.app.access.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Single sign-on through the configured OpenID Connect provider, applied to the one security
 * filter chain: browser login (authorization code, PKCE, {@code /oauth2/authorization/oidc}),
 * provider access tokens as bearers on the API, the per-request check of sessions, and logout at
 * the provider. Built only when {@code capsules.oidc.enabled} is true.
 */
public final class SingleSignOn implements ExternalSignIn {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String FAILED = "/login?sso-error";

    private final OidcProperties properties;
    private final ProviderRegistration registration;
    private final AccessTokenDecoder accessTokens;
    private final SignedInUsers signedInUsers;
    private final OidcUsers users;

    SingleSignOn(OidcProperties properties, UserAccounts localAccounts, Clock clock) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(CONNECT_TIMEOUT);
        requests.setReadTimeout(READ_TIMEOUT);
        RestTemplate keys = new RestTemplate(requests);
        RestClient http = RestClient.builder().requestFactory(requests).build();
        this.registration = new ProviderRegistration(properties, http);
        this.accessTokens = new AccessTokenDecoder(registration, properties, keys);
        UserInfoClient userInfo = new UserInfoClient(registration, properties, http, keys);
        ClaimMapping mapping = new ClaimMapping(properties.claims(), properties.mapping());
        CurrentMemberships memberships = switch (properties.memberships().source()) {
            case PROVIDER -> new ProviderMemberships(mapping, new RecentUserInfo(userInfo, properties.memberships().maxAge(), clock));
            case FILE -> new FileMemberships(new MembershipsFile(properties.memberships().file()));
        };
        this.users = new OidcUsers(mapping, memberships, localAccounts);
        this.signedInUsers = new SignedInUsers(userInfo, users);
    }

    @Override
    public SignInOptions signInOptions() {
        return new SignInOptions(properties.localLogin(), properties.providerName(), loginPath());
    }

    /** The address that starts a browser login at the provider. */
    public static String loginPath() {
        return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + ProviderRegistration.ID;
    }

    /**
     * Adds single sign-on to the chain.
     *
     * @param apiEntryPoint answers refused bearer tokens (401 problem, 503 when the provider is down)
     * @param events where refused bearer tokens are published, for the audit trail (never the token)
     * @param publicResources requests that need no authentication (not checked at the provider)
     */
    @Override
    public void applyTo(
            HttpSecurity http, AuthenticationEntryPoint apiEntryPoint, AuthenticationEventPublisher events, RequestMatcher publicResources) {
        OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registration, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        if (!properties.acrValues().isBlank()) {
            authorizationRequests.setAuthorizationRequestCustomizer(
                    request -> request.additionalParameters(p -> p.put("acr_values", properties.acrValues())));
        }
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registration)
                .authorizedClientRepository(authorizedClients)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signedInUsers))
                .defaultSuccessUrl("/", false)
                .failureUrl(FAILED)
                // Provider unreachable when the login starts: the login page says so (not a 500).
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler(FAILED));
                        return filter;
                    }
                }));

        JwtAuthenticationProvider bearerTokens = new JwtAuthenticationProvider(accessTokens);
        bearerTokens.setJwtAuthenticationConverter(new ProviderTokens(users));
        ProviderManager bearerManager = new ProviderManager(bearerTokens);
        bearerManager.setAuthenticationEventPublisher(new RefusedTokenEvents(events));
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .bearerTokenResolver(BearerTokens::providerJwt)
                .authenticationEntryPoint(apiEntryPoint)
                .jwt(jwt -> jwt.authenticationManager(bearerManager)));

        DefaultOAuth2AuthorizedClientManager sessions = new DefaultOAuth2AuthorizedClientManager(registration, authorizedClients);
        sessions.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        http.addFilterAfter(new SessionMembershipCheck(sessions, users, publicResources), ExceptionTranslationFilter.class);
    }

    /**
     * Ends the provider's session too after a logout of someone who signed in there.
     *
     * @param localTarget where people with a local account go
     */
    @Override
    public LogoutSuccessHandler logoutSuccessHandler(String localTarget) {
        return new ProviderLogout(registration, properties.postLogoutRedirectUri(), localTarget);
    }
}
