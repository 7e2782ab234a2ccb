package fr.capsules.app.access;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what: API clients with HTTP Basic, a bearer API token or (single sign-on on) the
 * identity provider's access token; the UI with the login form of local accounts and/or the
 * provider's login, and a session. Authentication failures on the API answer RFC 9457 problems,
 * never a login page.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

    /** The OpenAI-compatible API: its clients always send a bearer token and JSON. */
    private static final RequestMatcher OPENAI_API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
            || OPENAI_API.matches(request);
    private static final String[] PUBLIC = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error", "/css/**", "/js/**", "/favicon.ico"
    };
    private static final String SIGNED_OUT = "/login?logout";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedCredentials(new BCryptPasswordEncoder(), java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC());
    }

    /**
     * Publishes authentication failures (HTTP Basic, login form) as application events, which the
     * audit trail records as {@code login-failed}. Declared here rather than left to auto-configuration
     * so that the global authentication manager, which does the checking, is sure to use it.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username ->
                accounts.find(username)
                        .map(AccountDetails::new)
                        .orElseThrow(() -> new UsernameNotFoundException("compte inconnu"));
    }

    /** What the login page offers. */
    @Bean
    SignInOptions signInOptions(ObjectProvider<ExternalSignIn> external) {
        ExternalSignIn sso = external.getIfAvailable();
        return sso != null ? sso.signInOptions() : new SignInOptions(true, null, null);
    }

    /**
     * The filter chain. {@code apiEntryPoint} and {@code denied} answer the API's refusals with
     * problem details; they come from the web edge, which holds the one catalogue of problems.
     */
    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, UserAccounts accounts, AuthenticationEventPublisher events, SignInOptions signIn,
            ObjectProvider<ExternalSignIn> singleSignOn, AuthenticationEntryPoint apiEntryPoint, AccessDeniedHandler denied)
            throws Exception {
        ExternalSignIn sso = singleSignOn.getIfAvailable();
        http.authorizeHttpRequests(
                        authorize ->
                                authorize
                                        .requestMatchers(PUBLIC)
                                        .permitAll()
                                        .requestMatchers("/actuator/**")
                                        .hasRole("ADMIN")
                                        .anyRequest()
                                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                // GET too, so that a plain link signs out; a forged one can only sign someone out.
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/logout"))
                        .logoutSuccessHandler(sso != null ? sso.logoutSuccessHandler(SIGNED_OUT) : signedOut()))
                .exceptionHandling(
                        exceptions ->
                                exceptions
                                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                                        .defaultAccessDeniedHandlerFor(denied, API))
                // Every request another site could make a browser send needs the token (ForgeableRequests).
                // The OpenAI-compatible API takes JSON only (415 otherwise), which a cross-site form cannot
                // send, so a request without credentials there is told 401, not a CSRF refusal.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(
                        new NegatedRequestMatcher(OPENAI_API), new ForgeableRequests())))
                .headers(BrowserHeaders::applyTo)
                .addFilterBefore(new ApiTokenFilter(accounts, apiEntryPoint, events, sso != null), BearerTokenAuthenticationFilter.class);
        if (signIn.localForm()) {
            // The web interface's own French login page (fr.capsules.app.web.ui); back to the home page after.
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"));
        }
        if (sso != null) {
            sso.applyTo(http, apiEntryPoint, events, publicResources());
        }
        return http.build();
    }

    private static LogoutSuccessHandler signedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(SIGNED_OUT);
        return handler;
    }

    private static RequestMatcher publicResources() {
        List<RequestMatcher> matchers = Arrays.stream(PUBLIC)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p))
                .toList();
        return new OrRequestMatcher(matchers);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}
