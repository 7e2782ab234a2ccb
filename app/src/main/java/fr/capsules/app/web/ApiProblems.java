package fr.capsules.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures of the JSON API become RFC 9457 problem details, as {@link ProblemMapping} decides;
 * Spring's own errors (405, 415…) get the same shape and a stable type.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private final ProblemMapping problems;

    ApiProblems(ProblemMapping problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e, HttpServletRequest request) {
        Problem problem = problems.problemFor(e, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.type().status());
        RetryAfterHeader.of(e).ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        if (OpenAiError.concerns(request)) {
            OpenAiError error = OpenAiError.of(problem);
            return response.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(error.body());
        }
        return response.body(problem.toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(e, request);
    }

    private ResponseEntity<Object> answer(Exception e, WebRequest request) {
        ProblemDetail problem = problems.problemFor(e, ((ServletWebRequest) request).getRequest()).toProblemDetail();
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Outside the API, a person typed a wrong address: the container's error page (the web
        // interface's friendly "introuvable" page) answers instead of a JSON problem.
        if (request instanceof ServletWebRequest web && !web.getRequest().getRequestURI().startsWith(web.getRequest().getContextPath() + "/api/")
                && !OpenAiError.concerns(web.getRequest()) && web.getResponse() != null) {
            try {
                web.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException ignored) {
                // fall through to the problem
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring Framework 7 leaves the type null where 6 said "about:blank": both get a stable type.
        if (body instanceof ProblemDetail problem && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(ProblemType.forStatus(statusCode));
        }
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest web && OpenAiError.concerns(web.getRequest())) {
            // Spring's own refusals (no route, wrong method or media type) on the OpenAI-compatible API.
            OpenAiError error = OpenAiError.of(problem, web.getRequest().getMethod(), web.getRequest().getRequestURI());
            HttpHeaders json = new HttpHeaders();
            json.addAll(headers);
            json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(error.body(), json, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
