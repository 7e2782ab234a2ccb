package fr.capsules.app.access;

import java.util.List;
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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what: API clients with HTTP Basic or a bearer token, the UI with a login form and a
 * session. Authentication failures on the API answer RFC 9457 problems, never a login page.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

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

    /**
     * The filter chain. {@code apiEntryPoint} and {@code denied} answer the API's refusals with
     * problem details; they come from the web edge, which holds the one catalogue of problems.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccounts accounts, AuthenticationEventPublisher events,
            AuthenticationEntryPoint apiEntryPoint, AccessDeniedHandler denied) throws Exception {
        http.authorizeHttpRequests(
                        authorize ->
                                authorize
                                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
                                                "/css/**", "/js/**", "/favicon.ico")
                                        .permitAll()
                                        .requestMatchers("/actuator/**")
                                        .hasRole("ADMIN")
                                        .anyRequest()
                                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                // The web interface's own French login page (fr.capsules.app.web.ui); back to the home page after.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(
                        exceptions ->
                                exceptions
                                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                                        .defaultAccessDeniedHandlerFor(denied, API))
                // API clients authenticate on every request (Basic or bearer): no session, no CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterBefore(new ApiTokenFilter(accounts, apiEntryPoint, events), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }
}
