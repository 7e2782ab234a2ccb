package fr.capsules.app.access;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers that keep a browser on the pages' side, on every response (pages, API, files, errors):
 *
 * <ul>
 *   <li>a Content-Security-Policy that lets a page load scripts, styles, images, fonts and connections from the
 *       service itself only, with no inline script or style, no plugin, no {@code <base>} and no framing;
 *   <li>{@code X-Content-Type-Options: nosniff}, so a served file is never run as something else;
 *   <li>{@code Referrer-Policy: same-origin}, so no page address (which names capsules and drafts) leaves for another
 *       site;
 *   <li>{@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors}.
 * </ul>
 *
 * <p>{@code form-action} is left out on purpose: signing out with single sign-on posts to {@code /logout}, which
 * redirects to the identity provider, and browsers apply {@code form-action} to that redirect.
 */
final class BrowserHeaders {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    private BrowserHeaders() {}

    static void applyTo(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
