package fr.capsules.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers to requests the security filters stop (no or bad credentials, a role rule),
 * written as problem details from the same catalogue: these filters run before Spring MVC, so the
 * advice never sees them. The security configuration takes this bean as its entry point and
 * access-denied handler, through Spring Security's interfaces.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemMapping problems;

    SecurityProblems(ProblemMapping problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Problem problem = problems.problemFor(e, request);
        switch (problem.type()) {
            case INVALID_TOKEN -> response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            case IDENTITY_PROVIDER_UNAVAILABLE -> { }
            default -> response.setHeader("WWW-Authenticate", "Basic realm=\"Capsules\"");
        }
        RetryAfterHeader.of(e).ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
        write(response, problem.toProblemDetail());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, problems.problemFor(e, request).toProblemDetail());
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
