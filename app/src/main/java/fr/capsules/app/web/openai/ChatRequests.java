package fr.capsules.app.web.openai;

import fr.capsules.app.ask.Question;
import fr.capsules.app.ask.RetrievalProperties;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.kernel.RequestTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a chat completion request: at most {@code capsules.openai.max-request-size} bytes, counted
 * as they arrive (a declared length over the bound is refused before reading), then checked
 * ({@link ChatRequest}) and turned into the ask use case's question.
 */
@Component
class ChatRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenAiProperties properties;
    private final RetrievalProperties bounds;

    ChatRequests(OpenAiProperties properties, RetrievalProperties bounds) {
        this.properties = properties;
        this.bounds = bounds;
    }

    ChatRequest read(HttpServletRequest request) {
        long limit = properties.maxRequestSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(request.getContentLengthLong(), limit);
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > limit) {
            throw tooLarge(-1, limit);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw UnsupportedRequestException.invalid(null, "le corps de la requête n'est pas un JSON valide");
        }
        return ChatRequest.of(json, properties.maxMessages());
    }

    /** The question for the ask use case, checked like one sent to the ask endpoint. */
    Question question(ChatRequest request) {
        try {
            return Question.fromClient(request.question(), request.earlier(), "openai", bounds);
        } catch (InvalidRequestException e) {
            throw UnsupportedRequestException.invalid("messages", e.getMessage());
        }
    }

    private static RequestTooLargeException tooLarge(long size, long limit) {
        String measure = size > 0 ? size / 1024 + " Kio ; limite " + limit / 1024 + " Kio" : "plus de " + limit / 1024 + " Kio, la limite";
        return new RequestTooLargeException("requête trop volumineuse (" + measure + ") : seuls les derniers échanges"
                + " d'une conversation servent, envoyez une conversation plus courte");
    }
}
