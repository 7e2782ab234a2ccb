package fr.capsules.app.web.openai;

import fr.capsules.app.web.OpenAiError;
import fr.capsules.app.web.ProblemMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A chat completion request the service cannot honour: OpenAI's error, from the catalogue's
 * invalid-request problem, naming the member at fault and OpenAI's code for the case. Every other
 * failure of this API is answered by the web edge's advice, in OpenAI's shape too.
 */
@RestControllerAdvice(assignableTypes = ChatCompletionsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsupportedRequests {

    private final ProblemMapping problems;

    UnsupportedRequests(ProblemMapping problems) {
        this.problems = problems;
    }

    @ExceptionHandler(UnsupportedRequestException.class)
    ResponseEntity<Object> unsupported(UnsupportedRequestException e, HttpServletRequest request) {
        OpenAiError error = OpenAiError.of(problems.problemFor(e, request)).at(e.param(), e.code());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }
}
