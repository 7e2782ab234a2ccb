package fr.capsules.app.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModelCard;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingException;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's own Ollama clients accept the fake, and this is how they react to each failure the
 * fake can script. The failure tests pin LangChain4j's observed behaviour (1.18.1): the service's
 * fallbacks rely on it, so an upgrade that changes it must fail here first.
 */
class FakeOllamaServerLangChain4jTests {

    private static final String MODEL = "mistral-small3.2";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final FakeOllamaServer ollama = FakeOllamaServer.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    /** Retries off unless a test is about them: otherwise a failure silently consumes the next reply. */
    private OllamaChatModel blocking(Duration timeout) {
        return OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName(MODEL)
                .timeout(timeout).maxRetries(0).build();
    }

    private OllamaChatModel blocking() {
        return blocking(Duration.ofSeconds(5));
    }

    private OllamaStreamingChatModel streaming(Duration timeout) {
        return OllamaStreamingChatModel.builder().baseUrl(ollama.baseUrl()).modelName(MODEL).timeout(timeout).build();
    }

    private StreamCollector stream(String question) {
        StreamCollector collector = new StreamCollector();
        streaming(Duration.ofSeconds(5)).chat(question, collector);
        return collector;
    }

    /** Collects partial responses and completes its future with the response or the error. */
    static class StreamCollector implements StreamingChatResponseHandler {

        final List<String> partials = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> response = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String partialResponse) {
            partials.add(partialResponse);
        }

        @Override
        public void onCompleteResponse(ChatResponse completeResponse) {
            response.complete(completeResponse);
        }

        @Override
        public void onError(Throwable error) {
            response.completeExceptionally(error);
        }

        ChatResponse awaitResponse() throws Exception {
            return response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        Throwable awaitError() throws Exception {
            try {
                ChatResponse unexpected = response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                throw new AssertionError("expected onError, got " + unexpected);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    @Test
    void theBlockingChatModelReturnsTheScriptedText() {
        ollama.enqueue(ScriptedReply.text("Selon la note [1], le délai est de 48 heures."));

        ChatResponse response = blocking().chat(ChatRequest.builder().messages(UserMessage.from("Délai ?")).build());

        assertThat(response.aiMessage().text()).isEqualTo("Selon la note [1], le délai est de 48 heures.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(10);
        assertThat(ollama.lastChatCall().stream()).isFalse();
    }

    @Test
    void theStreamingChatModelReceivesTheScriptedTokensThenTheFinalResponse() throws Exception {
        ollama.enqueue(ScriptedReply.tokens(List.of("Selon ", "la ", "note ", "[1]."))
                .withTokenDelay(Duration.ofMillis(10)));

        StreamCollector collector = stream("Délai ?");

        ChatResponse response = collector.awaitResponse();
        assertThat(collector.partials).containsExactly("Selon ", "la ", "note ", "[1].");
        assertThat(response.aiMessage().text()).isEqualTo("Selon la note [1].");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(4);
        assertThat(ollama.lastChatCall().stream()).isTrue();
    }

    @Test
    void theRecordedCallShowsTheSystemPromptAndOptionsTheClientSent() {
        OllamaChatModel model = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName(MODEL)
                .temperature(0.1).numCtx(16384).maxRetries(0).build();

        model.chat(ChatRequest.builder()
                .messages(SystemMessage.from("Tu réponds à partir des passages numérotés."), UserMessage.from("Délai ?"))
                .build());

        ChatCall call = ollama.lastChatCall();
        assertThat(call.model()).isEqualTo(MODEL);
        assertThat(call.systemPrompt()).isEqualTo("Tu réponds à partir des passages numérotés.");
        assertThat(call.lastUserMessage()).isEqualTo("Délai ?");
        assertThat(call.option("temperature").asDouble()).isEqualTo(0.1);
        assertThat(call.option("num_ctx").asInt()).isEqualTo(16384);
        assertThat(call.format()).isNull();
    }

    @Test
    void aJsonSchemaResponseFormatReachesOllamaAsTheFormatObject() {
        ollama.enqueue(ScriptedReply.json("{\"answer\":\"Oui [1].\"}"));
        JsonSchema schema = JsonSchema.builder().name("Answer")
                .rootElement(JsonObjectSchema.builder().addStringProperty("answer").required("answer").build())
                .build();

        ChatResponse response = blocking().chat(ChatRequest.builder()
                .messages(UserMessage.from("Alors ?"))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("{\"answer\":\"Oui [1].\"}");
        assertThat(ollama.lastChatCall().format().path("type").asString()).isEqualTo("object");
        assertThat(ollama.lastChatCall().format().path("required").get(0).asString()).isEqualTo("answer");
    }

    @Test
    void anUnknownModelRaisesModelNotFoundExceptionInBothModes() throws Exception {
        OllamaChatModel model = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama9").build();

        assertThatThrownBy(() -> model.chat("Bonjour"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("{\"error\":\"model 'llama9' not found\"}");

        StreamCollector collector = new StreamCollector();
        OllamaStreamingChatModel.builder().baseUrl(ollama.baseUrl()).modelName("llama9").build()
                .chat("Bonjour", collector);
        assertThat(collector.awaitError())
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("not found");
        // ModelNotFoundException is not retriable: one request each, even with default retries.
        assertThat(ollama.chatCalls()).hasSize(2);
    }

    @Test
    void ollamaModelsListsTheInstalledModelsAndReadsAModelCard() {
        ollama.withEmbeddingModel("bge-m3", 1024);
        OllamaModels models = OllamaModels.builder().baseUrl(ollama.baseUrl()).build();

        List<OllamaModel> available = models.availableModels().content();
        OllamaModelCard card = models.modelCard("bge-m3").content();

        assertThat(available).extracting(OllamaModel::getName)
                .containsExactly("mistral-small3.2:latest", "all-minilm:latest", "bge-m3:latest");
        assertThat(available.getFirst().getDetails().getFamily()).isEqualTo("mistral3");
        assertThat(available.getFirst().getModifiedAt()).isNotNull();
        assertThat(card.getCapabilities()).containsExactly("embedding");
        assertThat(card.getModelInfo()).containsEntry("bert.embedding_length", 1024);
        assertThat(ollama.showCalls()).containsExactly("bge-m3");
    }

    @Test
    void theEmbeddingModelReturnsVectorsOfTheConfiguredDimension() {
        ollama.withEmbeddingModel("nomic-embed-text", 768);
        OllamaEmbeddingModel model = OllamaEmbeddingModel.builder().baseUrl(ollama.baseUrl())
                .modelName("nomic-embed-text").build();

        List<Embedding> embeddings = model.embedAll(List.of(
                TextSegment.from("vaccination contre la rougeole"),
                TextSegment.from("rougeole : vaccination des nourrissons"),
                TextSegment.from("budget des travaux"))).content();

        assertThat(embeddings).allSatisfy(embedding -> assertThat(embedding.dimension()).isEqualTo(768));
        assertThat(FakeEmbeddings.cosine(embeddings.get(0).vector(), embeddings.get(1).vector()))
                .isGreaterThan(FakeEmbeddings.cosine(embeddings.get(0).vector(), embeddings.get(2).vector()));
        assertThat(ollama.embedCalls().getLast().inputs()).hasSize(3);
    }

    @Test
    void anErrorLineMidStreamReachesOnErrorAsOllamaStreamingExceptionAfterTheTokens() throws Exception {
        ollama.enqueue(ScriptedReply.errorMidStream(2, "llama runner process has terminated"));

        StreamCollector collector = stream("Bonjour");

        assertThat(collector.awaitError())
                .isInstanceOf(OllamaStreamingException.class)
                .hasMessage("llama runner process has terminated");
        assertThat(collector.partials).containsExactly("mot1 ", "mot2 ");
    }

    @Test
    void anErrorDuringANonStreamingChatIsAnInternalServerException() {
        ollama.enqueue(ScriptedReply.errorMidStream(2, "llama runner process has terminated"));

        assertThatThrownBy(() -> blocking().chat("Bonjour"))
                .isInstanceOf(InternalServerException.class)
                .hasMessage("{\"error\":\"llama runner process has terminated\"}");
    }

    @Test
    void invalidJsonFailsTheBlockingCallWithAParseError() {
        ollama.enqueue(ScriptedReply.invalidJson());

        assertThatThrownBy(() -> blocking().chat("Bonjour"))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasRootCauseInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }

    @Test
    void invalidJsonInAStreamIsIgnoredSoTheHandlerIsNeverCalled() throws Exception {
        ollama.enqueue(ScriptedReply.invalidJson());

        StreamCollector collector = stream("Bonjour");

        // LangChain4j logs the parse failure and drops it; the body then ends without a done line.
        Thread.sleep(500);
        assertThat(collector.response).isNotDone();
        assertThat(collector.partials).isEmpty();
    }

    @Test
    void aStreamCutBeforeItsDoneLineLeavesTheHandlerWithoutCompletionNorError() throws Exception {
        ollama.enqueue(ScriptedReply.truncatedStream(3));

        StreamCollector collector = stream("Bonjour");

        Thread.sleep(500);
        assertThat(collector.partials).containsExactly("mot1 ", "mot2 ", "mot3 ");
        assertThat(collector.response).isNotDone();
    }

    @Test
    void emptyContentIsANullTextWithFinishReasonStop() throws Exception {
        ollama.enqueue(ScriptedReply.emptyContent(), ScriptedReply.emptyContent());

        ChatResponse whole = blocking().chat(ChatRequest.builder().messages(UserMessage.from("?")).build());
        ChatResponse streamed = stream("?").awaitResponse();

        assertThat(whole.aiMessage().text()).isNull();
        assertThat(whole.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.aiMessage().text()).isNull();
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void aHangBeyondTheTimeoutIsATimeoutExceptionInBothModes() throws Exception {
        ollama.enqueue(ScriptedReply.hang(Duration.ofSeconds(3)), ScriptedReply.hang(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> blocking(Duration.ofMillis(300)).chat("Bonjour"))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("request timed out");

        StreamCollector collector = new StreamCollector();
        streaming(Duration.ofMillis(300)).chat("Bonjour", collector);
        assertThat(collector.awaitError())
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("request timed out");
    }

    @Test
    void theStreamingTimeoutOnlyBoundsTheWaitForTheFirstToken() throws Exception {
        ollama.enqueue(
                // Eight tokens 400 ms apart: the whole answer takes longer than the timeout, each gap much less.
                // The margins are wide so that a loaded machine cannot turn them around.
                ScriptedReply.text("un deux trois quatre cinq six sept huit").withTokenDelay(Duration.ofMillis(400)),
                ScriptedReply.text("tard").withFirstTokenDelay(Duration.ofMillis(5000)));

        // One after the other: the queue serves requests in arrival order.
        StreamCollector slowButSteady = new StreamCollector();
        streaming(Duration.ofMillis(2000)).chat("Bonjour", slowButSteady);
        assertThat(slowButSteady.awaitResponse().aiMessage().text()).isEqualTo("un deux trois quatre cinq six sept huit");

        StreamCollector lateToStart = new StreamCollector();
        streaming(Duration.ofMillis(2000)).chat("Bonjour", lateToStart);
        assertThat(lateToStart.awaitError()).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aDisconnectIsARuntimeExceptionWhenBlockingAndAnUnmappedIoExceptionWhenStreaming() throws Exception {
        ollama.enqueue(ScriptedReply.disconnect(), ScriptedReply.disconnect());

        assertThatThrownBy(() -> blocking().chat("Bonjour"))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasCauseInstanceOf(IOException.class);

        // Depending on which stage of the JDK client fails first, the IOException arrives bare or
        // wrapped in a CompletionException; LangChain4j maps neither to one of its exceptions.
        Throwable streamed = stream("Bonjour").awaitError();
        assertThat(streamed).satisfiesAnyOf(
                error -> assertThat(error).isInstanceOf(IOException.class),
                error -> assertThat(error).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class));
    }

    @Test
    void theBlockingModelRetriesADroppedConnectionByDefaultConsumingTheNextReply() {
        ollama.enqueue(ScriptedReply.disconnect(), ScriptedReply.text("Réponse après reprise."));
        OllamaChatModel withDefaultRetries = OllamaChatModel.builder().baseUrl(ollama.baseUrl()).modelName(MODEL).build();

        assertThat(withDefaultRetries.chat("Bonjour")).isEqualTo("Réponse après reprise.");
        assertThat(ollama.chatCalls()).hasSize(2);
    }

    @Test
    void cancellingTheStreamFromTheHandlerIsSeenAsACancelledStream() throws Exception {
        ollama.enqueue(ScriptedReply.tokens(Collections.nCopies(100, "mot "))
                .withTokenDelay(Duration.ofMillis(10)));
        StreamCollector cancelsAfterThree = new StreamCollector() {
            @Override
            public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
                partials.add(partialResponse.text());
                if (partials.size() == 3) {
                    context.streamingHandle().cancel();
                }
            }
        };

        streaming(Duration.ofSeconds(5)).chat("Bonjour", cancelsAfterThree);

        assertThat(ollama.awaitCancelledStreams(1, Duration.ofSeconds(3))).isEqualTo(1);
        // After cancel() LangChain4j calls neither onCompleteResponse nor onError.
        assertThat(cancelsAfterThree.response).isNotDone();
        assertThat(cancelsAfterThree.partials).hasSizeLessThan(100);
    }
}
