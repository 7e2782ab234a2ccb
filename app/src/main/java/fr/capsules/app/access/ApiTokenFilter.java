package fr.capsules.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against the users file's token hashes. */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final UserAccounts accounts;
    private final AuthenticationEntryPoint entryPoint;
    private final AuthenticationEventPublisher events;

    ApiTokenFilter(UserAccounts accounts, AuthenticationEntryPoint entryPoint, AuthenticationEventPublisher events) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> account = accounts.findByToken(header.substring(PREFIX.length()).trim());
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            // Published like any failed login, so that it reaches the audit trail.
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated("jeton-api-inconnu", null);
            attempt.setDetails(new WebAuthenticationDetails(request));
            events.publishAuthenticationFailure(new BadCredentialsException("jeton d'API inconnu"), attempt);
            entryPoint.commence(request, response, new BadCredentialsException("jeton d'API inconnu"));
            return;
        }
        AccountDetails details = new AccountDetails(account.get());
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
