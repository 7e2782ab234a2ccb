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
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the users file's token hashes. With
 * single sign-on on, an unknown token shaped like a JWT is passed on to the identity provider's
 * checks instead of being refused here (see {@link BearerTokens}).
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final SecurityContextRepository SESSIONLESS = new RequestAttributeSecurityContextRepository();

    private final UserAccounts accounts;
    private final AuthenticationEntryPoint entryPoint;
    private final AuthenticationEventPublisher events;
    private final boolean providerJwts;

    ApiTokenFilter(UserAccounts accounts, AuthenticationEntryPoint entryPoint, AuthenticationEventPublisher events, boolean providerJwts) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
        this.events = events;
        this.providerJwts = providerJwts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerTokens.of(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> account = accounts.findByToken(token);
        if (account.isEmpty() && providerJwts && BearerTokens.looksLikeJwt(token)) {
            chain.doFilter(request, response);
            return;
        }
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
        // Kept on the request too, as Basic authentication does: a streamed answer ends in an async
        // dispatch, which this filter does not see again and which must still find the caller.
        SESSIONLESS.saveContext(context, request, response);
        request.setAttribute(BearerTokens.API_TOKEN_AUTHENTICATED, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
