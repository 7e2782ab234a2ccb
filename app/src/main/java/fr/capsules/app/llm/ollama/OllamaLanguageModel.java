package fr.capsules.app.llm.ollama;

import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.llm.ModelAvailability;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.ModelQueue;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.OutputDefect;
import fr.capsules.app.llm.TokenListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link LanguageModel} backed by Ollama's {@code /api/chat}, read by the service itself ({@link ChatStream}) over
 * the JDK's HTTP client rather than through LangChain4j's chat clients, which skip a malformed line with a log
 * warning, decode bytes that are not UTF-8 into replacement characters and can stop a stream only once its first
 * token has arrived. Every call streams on the wire, the blocking one included, so that each defect, the overall
 * {@code deadline} and the idle {@code timeout} end the generation as soon as they occur; a watchdog checks both.
 * Thread-safe.
 */
@Component
class OllamaLanguageModel implements LanguageModel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OllamaLanguageModel.class);

    private final OllamaProperties properties;
    private final ModelServerStatus status;
    private final ModelQueue queue;
    private final HttpClient http;
    // The HTTP client's own tasks (completing an exchange, handing body bytes over) run on virtual threads: its
    // default executor is a cached pool of platform threads, which grows with the streams under way (issue 17).
    private final ExecutorService httpTasks = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ollama-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    OllamaLanguageModel(OllamaProperties properties, ModelServerStatus status, ModelQueue queue) {
        this.properties = properties;
        this.status = status;
        this.queue = queue;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .executor(httpTasks)
                .build();
    }

    @Override
    public String defaultModel() {
        return properties.chatModel();
    }

    @Override
    public Duration generationTimeout() {
        return properties.timeout();
    }

    @Override
    public ModelAvailability availability(String model) {
        return status.availability(model);
    }

    @Override
    public java.util.Optional<String> digest(String model) {
        return status.snapshot().digestOf(model);
    }

    @Override
    public ModelReply generate(ModelPrompt prompt) {
        String model = modelOf(prompt);
        try (ModelQueue.Slot slot = queue.enter()) {
            return watched(exchange(prompt, model, piece -> {}), model);
        }
    }

    @Override
    public Generation stream(ModelPrompt prompt, TokenListener listener) {
        String model = modelOf(prompt);
        ModelQueue.Slot slot;
        try {
            slot = queue.enter();
        } catch (ModelUnavailableException busy) {
            listener.onError(busy);
            return () -> {};
        }
        ChatExchange exchange = exchange(prompt, model, listener::onToken);
        Thread.ofVirtual().name("ollama-stream").start(() -> {
            try {
                ModelReply reply = watched(exchange, model);
                if (!exchange.isCancelled()) {
                    listener.onComplete(reply);
                }
            } catch (ModelUnavailableException e) {
                if (!exchange.isCancelled()) {
                    listener.onError(e);
                }
            } catch (RuntimeException e) {
                if (!exchange.isCancelled()) {
                    listener.onError(FailureClassifier.classify(e, model));
                }
            } finally {
                slot.close();
            }
        });
        return () -> {
            exchange.cancel();
            slot.close();
            log.debug("Generation with {} cancelled by the client", model);
        };
    }

    private ChatExchange exchange(ModelPrompt prompt, String model, Consumer<String> tokens) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrlText() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatRequestBody.of(prompt, model, properties), StandardCharsets.UTF_8))
                .build();
        return new ChatExchange(http, request, tokens);
    }

    /** Runs the exchange on the calling thread under the deadline and the idle timeout. */
    private ModelReply watched(ChatExchange exchange, String model) {
        ScheduledFuture<?> deadline = watchdog.schedule(() -> exchange.stop(OutputDefect.DEADLINE),
                properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
        long period = Math.clamp(properties.timeout().toMillis() / 10, 20, 1_000);
        ScheduledFuture<?> silence = watchdog.scheduleAtFixedRate(() -> {
            if (exchange.silentFor().compareTo(properties.timeout()) > 0) {
                exchange.stop(OutputDefect.STALLED);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            return reply(exchange.run(model), model);
        } finally {
            deadline.cancel(false);
            silence.cancel(false);
        }
    }

    private static ModelReply reply(ChatStream.Result result, String model) {
        String finish = result.doneReason() == null ? null : result.doneReason().toUpperCase(Locale.ROOT);
        if (result.defect() == null) {
            if (result.text().isBlank()) {
                throw new ModelUnavailableException(ModelUnavailableException.Reason.EMPTY_REPLY, null, null);
            }
            return new ModelReply(result.text(), model, finish, result.usage());
        }
        if (result.text().isBlank()) {
            throw failure(result);
        }
        log.warn("Generation with {} ended incomplete: {}", model, result.defect().code());
        return new ModelReply(result.text(), model, finish, result.usage(), result.defect());
    }

    /** A defect before any text: nothing to keep, the caller falls back as for any failure. */
    private static ModelUnavailableException failure(ChatStream.Result result) {
        ModelUnavailableException.Reason reason = switch (result.defect()) {
            case MALFORMED_LINE, INVALID_TEXT -> ModelUnavailableException.Reason.INVALID_REPLY;
            case ERROR_LINE -> ModelUnavailableException.Reason.SERVER_ERROR;
            case CONNECTION_CUT -> ModelUnavailableException.Reason.UNREACHABLE;
            case DEADLINE, STALLED -> ModelUnavailableException.Reason.TIMEOUT;
            case TOKEN_CAP, REPETITION -> ModelUnavailableException.Reason.EMPTY_REPLY;
        };
        return new ModelUnavailableException(reason, result.defect().sentence(), null);
    }

    private String modelOf(ModelPrompt prompt) {
        return prompt.model() == null || prompt.model().isBlank() ? properties.chatModel() : prompt.model();
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
        http.close();
        httpTasks.shutdownNow();
    }
}
