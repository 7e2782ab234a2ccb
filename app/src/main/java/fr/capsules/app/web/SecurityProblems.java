package fr.capsules.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
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

    /** Problem documents as Spring MVC writes them: extra properties as members, absent members left out. */
    private static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private final ProblemMapping problems;

    SecurityProblems(ProblemMapping problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Problem problem = problems.problemFor(e, request);
        // OpenAI's clients present a bearer key; everyone else is offered Basic too.
        String challenge = OpenAiError.concerns(request) ? "Bearer realm=\"Capsules\"" : "Basic realm=\"Capsules\"";
        switch (problem.type()) {
            case INVALID_TOKEN -> response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            case IDENTITY_PROVIDER_UNAVAILABLE -> { }
            default -> response.setHeader("WWW-Authenticate", challenge);
        }
        RetryAfterHeader.of(e).ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
        if (OpenAiError.concerns(request)) {
            write(response, OpenAiError.of(problem));
            return;
        }
        write(response, problem.toProblemDetail(), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problem problem = problems.problemFor(e, request);
        if (OpenAiError.concerns(request)) {
            write(response, OpenAiError.of(problem));
            return;
        }
        write(response, problem.toProblemDetail(), request);
    }

    private static void write(HttpServletResponse response, OpenAiError error) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(error.body()));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
