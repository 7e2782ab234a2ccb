package fr.capsules.app.llm.ollama;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import fr.capsules.app.llm.ModelUsage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the figures Ollama reports on the last object of each {@code /api/chat} response: LangChain4j
 * 1.x keeps the two token counts ({@code TokenUsage}) and drops the durations, so this decorator of
 * its HTTP client reads them from the same bytes, without a second request.
 *
 * <p>Which call a response belongs to: the client is shared by every thread asking the same model,
 * so the caller opens a {@link #capture} around its call; the decorator picks the capture of the
 * calling thread when the request starts (LangChain4j starts a streamed request on the caller's
 * thread too) and keeps it for that request's whole life, on whatever thread its lines arrive.
 * The figures reach the capture before LangChain4j completes the call, so they are there when the
 * blocking call returns or the streaming handler is told of the end.
 */
final class ReportedUsage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();

    private ReportedUsage() {}

    /** Where the figures of one call land; closed when the call has been started (or has returned). */
    static final class Capture implements AutoCloseable {
        private final AtomicReference<ModelUsage> usage = new AtomicReference<>();

        /** The figures reported, or null when the response carried none (yet). */
        ModelUsage usage() {
            return usage.get();
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }

    /** Opens the capture of the call the current thread is about to make. */
    static Capture capture() {
        Capture capture = new Capture();
        CURRENT.set(capture);
        return capture;
    }

    /** Wraps a client builder so that the clients it builds report to the captures. */
    static HttpClientBuilder reading(HttpClientBuilder builder) {
        return new Builder(builder);
    }

    /** The figures of a final chat object, null when {@code json} is not one. */
    static ModelUsage parse(String json) {
        if (json == null || !json.contains("\"total_duration\"")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.path("done").asBoolean(false)) {
                return null;
            }
            return new ModelUsage(
                    node.path("prompt_eval_count").asInt(0), node.path("eval_count").asInt(0),
                    nanos(node, "prompt_eval_duration"), nanos(node, "eval_duration"), nanos(node, "load_duration"),
                    nanos(node, "total_duration"));
        } catch (JacksonException | IllegalArgumentException e) {
            // A malformed body fails the call in LangChain4j itself; here it only means no figures.
            return null;
        }
    }

    private static Duration nanos(JsonNode node, String field) {
        return Duration.ofNanos(Math.max(0, node.path(field).asLong(0)));
    }

    private record Builder(HttpClientBuilder delegate) implements HttpClientBuilder {

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return new Builder(delegate.connectTimeout(timeout));
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return new Builder(delegate.readTimeout(timeout));
        }

        @Override
        public HttpClient build() {
            return new Client(delegate.build());
        }
    }

    private record Client(HttpClient delegate) implements HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            Capture capture = CURRENT.get();
            SuccessfulHttpResponse response = delegate.execute(request);
            if (capture != null) {
                ModelUsage usage = parse(response.body());
                if (usage != null) {
                    capture.usage.set(usage);
                }
            }
            return response;
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            Capture capture = CURRENT.get();
            delegate.execute(request, parser, capture == null ? listener : new Lines(listener, capture));
        }
    }

    /** Reads each streamed line before LangChain4j does. */
    private record Lines(ServerSentEventListener delegate, Capture capture) implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            read(event);
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            read(event);
            delegate.onEvent(event);
        }

        private void read(ServerSentEvent event) {
            ModelUsage usage = parse(event.data());
            if (usage != null) {
                capture.usage.set(usage);
            }
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }
}
