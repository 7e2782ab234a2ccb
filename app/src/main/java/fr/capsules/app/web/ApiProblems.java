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
    ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
        ProblemDetail problem = problems.problemFor(e, request).toProblemDetail();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        RetryAfterHeader.of(e).ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.body(problem);
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
                && web.getResponse() != null) {
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
        if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(ProblemType.forStatus(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
