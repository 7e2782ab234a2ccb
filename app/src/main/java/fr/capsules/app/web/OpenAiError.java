package fr.capsules.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure as OpenAI's API answers it, {@code {"error": {"message", "type", "param", "code"}}},
 * for the OpenAI-compatible API under {@code /v1/}: its clients (the OpenAI SDKs, Open WebUI) read
 * that shape and no other. Built from the one catalogue's {@link Problem}, so the status and the
 * French message are those every other entry point gives; {@code code} is the catalogue entry's
 * name, except where OpenAI's clients expect their own ({@code model_not_found},
 * {@code invalid_api_key}).
 *
 * @param param the request member at fault, or null
 * @param code a stable identifier, or null
 */
public record OpenAiError(HttpStatus status, String message, String type, String param, String code) {

    /** Whether the request is one of the OpenAI-compatible API, whose failures take this shape. */
    public static boolean concerns(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
    }

    /**
     * The error for a problem of the catalogue. Under {@code /v1/}, the only thing that can be
     * missing is the capsule named by {@code model}: a not-found is OpenAI's
     * {@code model_not_found}, the same for a capsule out of the caller's scope.
     */
    public static OpenAiError of(Problem problem) {
        ProblemType type = problem.type();
        return switch (type) {
            case NOT_FOUND -> new OpenAiError(type.status(), problem.detail(), kind(type.status()), "model", "model_not_found");
            case UNAUTHENTICATED, INVALID_TOKEN ->
                    new OpenAiError(type.status(), problem.detail(), kind(type.status()), null, "invalid_api_key");
            default -> new OpenAiError(type.status(), problem.detail(), kind(type.status()), null,
                    type.name().toLowerCase(Locale.ROOT));
        };
    }

    /** The error for one of Spring's own refusals (no such route, wrong method or media type). */
    static OpenAiError of(ProblemDetail problem, String method, String path) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = switch (status) {
            case NOT_FOUND -> "adresse inconnue de l'API compatible OpenAI : " + method + " " + path
                    + " (disponibles : GET /v1/models, POST /v1/chat/completions)";
            case METHOD_NOT_ALLOWED -> "méthode " + method + " non acceptée sur " + path;
            case UNSUPPORTED_MEDIA_TYPE -> "envoyez le corps de la requête en JSON (Content-Type: application/json)";
            case NOT_ACCEPTABLE -> "cette adresse répond en JSON, ou en flux d'événements (text/event-stream) avec"
                    + " « stream »: true";
            default -> problem.getTitle() == null ? status.getReasonPhrase() : problem.getTitle();
        };
        return new OpenAiError(status, message, kind(status), null, status.is5xxServerError() ? "server_error" : null);
    }

    /** The same error naming the request member at fault and a code of its own. */
    public OpenAiError at(String param, String code) {
        return new OpenAiError(status, message, type, param, code);
    }

    /** The JSON document: {@code {"error": {...}}}, every member present (null when unknown). */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case TOO_MANY_REQUESTS -> "rate_limit_error";
            default -> status.is5xxServerError() ? "server_error" : "invalid_request_error";
        };
    }
}
