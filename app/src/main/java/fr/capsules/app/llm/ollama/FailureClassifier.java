package fr.capsules.app.llm.ollama;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import fr.capsules.app.llm.ModelUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import tools.jackson.core.JacksonException;

/**
 * Turns whatever LangChain4j or the HTTP client threw into one {@link ModelUnavailableException}
 * with a reason an operator can act on. Looks through the cause chain, since the client wraps.
 */
final class FailureClassifier {

    private FailureClassifier() {}

    static ModelUnavailableException classify(Throwable failure, String model) {
        if (failure instanceof ModelUnavailableException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (t instanceof ModelNotFoundException || lower.contains("not found")) {
                return new ModelUnavailableException(
                        ModelUnavailableException.Reason.MODEL_MISSING, ModelServerStatus.pullHint(model), failure);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
                return new ModelUnavailableException(ModelUnavailableException.Reason.UNREACHABLE, null, failure);
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || lower.contains("timed out")) {
                return new ModelUnavailableException(ModelUnavailableException.Reason.TIMEOUT, null, failure);
            }
            if (t instanceof JacksonException || t instanceof com.fasterxml.jackson.core.JacksonException
                    || lower.contains("unrecognized token") || lower.contains("cannot deserialize")
                    || lower.contains("unexpected character")) {
                return new ModelUnavailableException(ModelUnavailableException.Reason.INVALID_REPLY, null, failure);
            }
            if (t instanceof HttpException http) {
                return new ModelUnavailableException(
                        ModelUnavailableException.Reason.SERVER_ERROR, "HTTP " + http.statusCode(), failure);
            }
            if (t instanceof ClosedChannelException || t instanceof IOException) {
                return new ModelUnavailableException(ModelUnavailableException.Reason.UNREACHABLE, null, failure);
            }
        }
        return new ModelUnavailableException(ModelUnavailableException.Reason.SERVER_ERROR, shortMessage(failure), failure);
    }

    private static String shortMessage(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return null;
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
