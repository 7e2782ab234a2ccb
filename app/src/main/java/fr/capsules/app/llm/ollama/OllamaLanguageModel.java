package fr.capsules.app.llm.ollama;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import fr.capsules.app.llm.JsonShape;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.app.llm.ModelAvailability;
import fr.capsules.app.llm.ModelPrompt;
import fr.capsules.app.llm.ModelQueue;
import fr.capsules.app.llm.ModelReply;
import fr.capsules.app.llm.ModelUnavailableException;
import fr.capsules.app.llm.ModelUsage;
import fr.capsules.app.llm.TokenListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link LanguageModel} backed by Ollama through LangChain4j's client: one blocking and one
 * streaming client per model name, built on first use with the configured timeouts and options.
 */
@Component
class OllamaLanguageModel implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(OllamaLanguageModel.class);

    private final OllamaProperties properties;
    private final ModelServerStatus status;
    private final ModelQueue queue;
    private final Map<String, OllamaChatModel> blocking = new ConcurrentHashMap<>();
    private final Map<String, OllamaStreamingChatModel> streaming = new ConcurrentHashMap<>();

    OllamaLanguageModel(OllamaProperties properties, ModelServerStatus status, ModelQueue queue) {
        this.properties = properties;
        this.status = status;
        this.queue = queue;
    }

    @Override
    public String defaultModel() {
        return properties.chatModel();
    }

    @Override
    public java.time.Duration generationTimeout() {
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
        try (ModelQueue.Slot slot = queue.enter(); ReportedUsage.Capture usage = ReportedUsage.capture()) {
            ChatResponse response = blocking.computeIfAbsent(model, this::blockingClient).chat(request(prompt));
            return reply(response, model, usage);
        } catch (RuntimeException e) {
            throw FailureClassifier.classify(e, model);
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
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<dev.langchain4j.model.chat.response.StreamingHandle> handle = new AtomicReference<>();
        ReportedUsage.Capture usage = ReportedUsage.capture();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                if (cancelled.get()) {
                    context.streamingHandle().cancel();
                    return;
                }
                listener.onToken(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                slot.close();
                if (cancelled.get()) {
                    return;
                }
                try {
                    listener.onComplete(reply(response, model, usage));
                } catch (ModelUnavailableException e) {
                    listener.onError(e);
                }
            }

            @Override
            public void onError(Throwable error) {
                slot.close();
                if (!cancelled.get()) {
                    listener.onError(FailureClassifier.classify(error, model));
                }
            }
        };
        try (usage) {
            streaming.computeIfAbsent(model, this::streamingClient).chat(request(prompt), handler);
        } catch (RuntimeException e) {
            slot.close();
            listener.onError(FailureClassifier.classify(e, model));
        }
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                slot.close();
                var current = handle.get();
                if (current != null) {
                    current.cancel();
                }
                log.debug("Generation with {} cancelled by the client", model);
            }
        };
    }

    private String modelOf(ModelPrompt prompt) {
        return prompt.model() == null || prompt.model().isBlank() ? properties.chatModel() : prompt.model();
    }

    private static ModelReply reply(ChatResponse response, String model, ReportedUsage.Capture capture) {
        AiMessage message = response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null || text.isBlank()) {
            throw new ModelUnavailableException(ModelUnavailableException.Reason.EMPTY_REPLY, null, null);
        }
        return new ModelReply(
                text,
                response.modelName() != null ? response.modelName() : model,
                response.finishReason() == null ? null : response.finishReason().name(),
                usage(response, capture));
    }

    /** The server's figures; failing those, the two token counts LangChain4j kept. */
    private static ModelUsage usage(ChatResponse response, ReportedUsage.Capture capture) {
        if (capture.usage() != null) {
            return capture.usage();
        }
        var tokens = response.tokenUsage();
        if (tokens == null) {
            return ModelUsage.none();
        }
        return new ModelUsage(
                tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount(),
                null, null, null, null);
    }

    private static ChatRequest request(ModelPrompt prompt) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompt.system()));
        for (ModelPrompt.Message message : prompt.messages()) {
            messages.add(message.role() == ModelPrompt.Role.USER ? UserMessage.from(message.text()) : AiMessage.from(message.text()));
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (prompt.shape() != null) {
            request.responseFormat(ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(prompt.shape().name()).rootElement(schema(prompt.shape())).build())
                    .build());
        }
        return request.build();
    }

    private static JsonObjectSchema schema(JsonShape shape) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        for (JsonShape.Property property : shape.properties()) {
            if (property.integerList()) {
                object.addProperty(property.name(), JsonArraySchema.builder()
                        .description(property.description()).items(new JsonIntegerSchema()).build());
            } else if (!property.allowedValues().isEmpty()) {
                object.addEnumProperty(property.name(), property.allowedValues(), property.description());
            } else {
                object.addStringProperty(property.name(), property.description());
            }
        }
        return object.required(shape.properties().stream().map(JsonShape.Property::name).toList())
                .additionalProperties(false)
                .build();
    }

    private OllamaChatRequestParameters parameters(String model) {
        return OllamaChatRequestParameters.builder()
                .modelName(model)
                .temperature(properties.temperature())
                .numCtx(properties.contextSize())
                .maxOutputTokens(properties.maxOutputTokens())
                .keepAlive((int) properties.keepAlive().toSeconds())
                .build();
    }

    private dev.langchain4j.http.client.HttpClientBuilder http() {
        return ReportedUsage.reading(
                new JdkHttpClientBuilder().connectTimeout(properties.connectTimeout()).readTimeout(properties.timeout()));
    }

    private OllamaChatModel blockingClient(String model) {
        return OllamaChatModel.builder()
                // A failed call falls back to an extractive answer at once rather than retrying.
                .maxRetries(0)
                .httpClientBuilder(http())
                .baseUrl(properties.baseUrlText())
                .modelName(model)
                .defaultRequestParameters(parameters(model))
                .timeout(properties.timeout())
                // Prompts hold questions and passages: never in the logs (docs/PSEUDONYMISATION.md, logs).
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private OllamaStreamingChatModel streamingClient(String model) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(http())
                .baseUrl(properties.baseUrlText())
                .modelName(model)
                .defaultRequestParameters(parameters(model))
                .timeout(properties.timeout())
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
