package fr.capsules.app.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake speaks Ollama's wire format: checked with a plain HTTP client, field by field. */
class FakeOllamaServerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHAT_MODEL = FakeOllamaServer.DEFAULT_CHAT_MODEL;

    private final FakeOllamaServer ollama = FakeOllamaServer.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        ollama.close();
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + path)).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json))
                .build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        return response.body().lines().map(JSON::readTree).toList();
    }

    private static String chatBody(String model, boolean stream) {
        return """
                {"model":"%s","messages":[{"role":"user","content":"Quelle est la dose ?"}],"stream":%s}"""
                .formatted(model, stream);
    }

    @Test
    void versionIsTheOneOfAnOllamaWithStructuredOutputs() throws Exception {
        HttpResponse<String> response = get("/api/version");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("version").asString()).isEqualTo("0.12.6");
    }

    @Test
    void tagsListTheInstalledModelsWithOllamasFields() throws Exception {
        ollama.withModels("mistral-small3.2", "qwen3:8b").withEmbeddingModel("bge-m3", 1024);

        JsonNode models = json(get("/api/tags")).path("models");

        assertThat(models.findValuesAsString("name"))
                .containsExactly("mistral-small3.2:latest", "qwen3:8b", "all-minilm:latest", "bge-m3:latest");
        JsonNode mistral = models.get(0);
        assertThat(mistral.path("model").asString()).isEqualTo("mistral-small3.2:latest");
        assertThat(mistral.path("modified_at").asString()).isEqualTo("2025-06-20T10:00:00.000000000+02:00");
        assertThat(mistral.path("size").asLong()).isPositive();
        assertThat(mistral.path("digest").asString()).matches("[0-9a-f]{64}");
        assertThat(mistral.path("details").path("family").asString()).isEqualTo("mistral3");
        assertThat(mistral.path("details").path("quantization_level").asString()).isEqualTo("Q4_K_M");
        assertThat(ollama.tagsCalls()).isEqualTo(1);
    }

    @Test
    void showDescribesAChatModelAndAcceptsTheLegacyNameField() throws Exception {
        JsonNode card = json(post("/api/show", "{\"name\":\"mistral-small3.2\"}"));

        assertThat(card.path("capabilities").valueStream().map(JsonNode::asString)).containsExactly("completion", "tools");
        assertThat(card.path("model_info").path("general.architecture").asString()).isEqualTo("mistral3");
        assertThat(card.path("model_info").path("mistral3.context_length").asInt()).isEqualTo(32768);
        assertThat(card.path("details").path("parameter_size").asString()).isEqualTo("24.0B");
        assertThat(card.has("modelfile") && card.has("parameters") && card.has("template")).isTrue();
        assertThat(ollama.showCalls()).containsExactly("mistral-small3.2");
    }

    @Test
    void showTellsTheDimensionOfAnEmbeddingModel() throws Exception {
        ollama.withEmbeddingModel("nomic-embed-text", 768);

        JsonNode card = json(post("/api/show", "{\"model\":\"nomic-embed-text:latest\"}"));

        assertThat(card.path("capabilities").valueStream().map(JsonNode::asString)).containsExactly("embedding");
        assertThat(card.path("model_info").path("nomic-bert.embedding_length").asInt()).isEqualTo(768);
    }

    @Test
    void showOfAnUnknownModelIsA404WithOllamasErrorBody() throws Exception {
        HttpResponse<String> response = post("/api/show", "{\"model\":\"llama9\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asString()).isEqualTo("model 'llama9' not found");
    }

    @Test
    void aNonStreamingChatAnswersOneObjectWithMetricsInNanoseconds() throws Exception {
        ollama.enqueue(ScriptedReply.text("La dose est de 2 mg [1]."));

        HttpResponse<String> response = post("/api/chat", chatBody("mistral-small3.2", false));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = json(response);
        assertThat(body.path("model").asString()).isEqualTo("mistral-small3.2");
        assertThat(body.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(body.path("message").path("content").asString()).isEqualTo("La dose est de 2 mg [1].");
        assertThat(body.path("done").asBoolean()).isTrue();
        assertThat(body.path("done_reason").asString()).isEqualTo("stop");
        assertThat(body.path("eval_count").asInt()).isEqualTo(7);
        for (String metric : List.of("total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration",
                "eval_duration")) {
            assertThat(body.path(metric).asLong()).as(metric).isPositive();
        }
    }

    @Test
    void aChatStreamsByDefaultAsOneNdjsonLinePerTokenThenADoneLine() throws Exception {
        ollama.enqueue(ScriptedReply.text("Selon la fiche [1], non."));

        HttpResponse<String> response = post("/api/chat",
                "{\"model\":\"mistral-small3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Alors ?\"}]}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        List<JsonNode> lines = lines(response);
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5)).extracting(line -> line.path("message").path("content").asString())
                .containsExactly("Selon ", "la ", "fiche ", "[1], ", "non.");
        assertThat(lines.subList(0, 5)).allSatisfy(line -> assertThat(line.path("done").asBoolean()).isFalse());
        JsonNode last = lines.getLast();
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("done_reason").asString()).isEqualTo("stop");
        assertThat(last.path("message").path("content").asString()).isEmpty();
        assertThat(last.path("eval_count").asInt()).isEqualTo(5);
    }

    @Test
    void tokensAreFlushedOneByOneAtTheScriptedPace() throws Exception {
        ollama.enqueue(ScriptedReply.tokens(List.of("a", "b", "c", "d", "e")).withTokenDelay(Duration.ofMillis(80)));
        List<Long> arrivals = new ArrayList<>();
        long start = System.nanoTime();

        http.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + "/api/chat"))
                .POST(BodyPublishers.ofString(chatBody(CHAT_MODEL, true))).build(),
                BodyHandlers.ofLines()).body().forEach(line -> arrivals.add((System.nanoTime() - start) / 1_000_000));

        // A lower bound only: a loaded machine may read the lines late and together, never early.
        assertThat(arrivals).hasSize(6);
        assertThat(arrivals.getLast()).isGreaterThanOrEqualTo(4 * 80);
    }

    @Test
    void aChatWithAnUnknownModelIsA404InBothModesAndConsumesNoReply() throws Exception {
        ollama.enqueue(ScriptedReply.text("gardée pour plus tard"));

        for (boolean stream : List.of(true, false)) {
            HttpResponse<String> response = post("/api/chat", chatBody("llama9", stream));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).path("error").asString()).isEqualTo("model 'llama9' not found");
        }
        assertThat(ollama.chatCalls()).hasSize(2);
        assertThat(json(post("/api/chat", chatBody(CHAT_MODEL, false))).path("message").path("content").asString())
                .isEqualTo("gardée pour plus tard");
    }

    @Test
    void anErrorMidStreamIsTokenLinesThenAnErrorLineUnderStatus200() throws Exception {
        ollama.enqueue(ScriptedReply.errorMidStream(2, "llama runner process has terminated"));

        HttpResponse<String> response = post("/api/chat", chatBody(CHAT_MODEL, true));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> lines = lines(response);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).path("message").path("content").asString()).isEqualTo("mot2 ");
        assertThat(lines.get(2).path("error").asString()).isEqualTo("llama runner process has terminated");
    }

    @Test
    void scriptedHttpErrorsCarryOllamasErrorBody() throws Exception {
        ollama.enqueue(ScriptedReply.httpError(503, "server busy, please try again"));

        HttpResponse<String> response = post("/api/chat", chatBody(CHAT_MODEL, true));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asString()).isEqualTo("server busy, please try again");
    }

    @Test
    void aDisconnectLeavesTheClientWithoutAnyResponse() {
        ollama.enqueue(ScriptedReply.disconnect());

        assertThatThrownBy(() -> post("/api/chat", chatBody(CHAT_MODEL, false))).isInstanceOf(IOException.class);
    }

    @Test
    void repliesAreConsumedInOrderThenTheDefaultResponderAnswers() throws Exception {
        ollama.enqueue(ScriptedReply.text("un"), ScriptedReply.text("deux"));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(json(post("/api/chat", chatBody(CHAT_MODEL, false))).path("message").path("content").asString());
        }

        assertThat(answers).containsExactly("un", "deux", FakeOllamaServer.DEFAULT_ANSWER);
    }

    @Test
    void aDefaultResponderSeesTheCallItAnswers() throws Exception {
        ollama.withDefaultResponder(call -> ScriptedReply.text("écho : " + call.lastUserMessage()));

        JsonNode body = json(post("/api/chat", chatBody(CHAT_MODEL, false)));

        assertThat(body.path("message").path("content").asString()).isEqualTo("écho : Quelle est la dose ?");
    }

    @Test
    void aChatCallRecordsFormatOptionsKeepAliveAndMessages() throws Exception {
        post("/api/chat", """
                {"model":"mistral-small3.2","stream":false,"keep_alive":"10m",
                 "format":{"type":"object","properties":{"answer":{"type":"string"}}},
                 "options":{"temperature":0.1,"num_ctx":16384},
                 "messages":[{"role":"system","content":"Réponds en français."},{"role":"user","content":"Bonjour"}]}""");

        ChatCall call = ollama.lastChatCall();
        assertThat(call.model()).isEqualTo("mistral-small3.2");
        assertThat(call.stream()).isFalse();
        assertThat(call.keepAlive()).isEqualTo("10m");
        assertThat(call.format().path("properties").has("answer")).isTrue();
        assertThat(call.option("num_ctx").asInt()).isEqualTo(16384);
        assertThat(call.systemPrompt()).isEqualTo("Réponds en français.");
        assertThat(call.messages()).extracting(ChatCall.Message::role).containsExactly("system", "user");
        assertThat(call.raw().path("options").path("temperature").asDouble()).isEqualTo(0.1);
    }

    @Test
    void theDefaultAnswerToAStructuredOutputRequestIsJson() throws Exception {
        String content = json(post("/api/chat", """
                {"model":"mistral-small3.2","stream":false,"format":"json","messages":[]}"""))
                .path("message").path("content").asString();

        assertThat(JSON.readTree(content).path("answer").asString()).isEqualTo(FakeOllamaServer.DEFAULT_ANSWER);
    }

    @Test
    void embeddingsAreUnitVectorsOfTheModelDimensionOnePerInput() throws Exception {
        ollama.withEmbeddingModel("bge-m3", 1024);

        JsonNode body = json(post("/api/embed", "{\"model\":\"bge-m3\",\"input\":[\"Vaccination\",\"\"]}"));

        assertThat(body.path("model").asString()).isEqualTo("bge-m3");
        assertThat(body.path("embeddings")).hasSize(2);
        for (JsonNode vector : body.path("embeddings")) {
            assertThat(vector).hasSize(1024);
            double norm = vector.valueStream().mapToDouble(JsonNode::asDouble).map(v -> v * v).sum();
            assertThat(norm).isCloseTo(1.0, within(1e-4));
        }
        assertThat(body.path("prompt_eval_count").asInt()).isPositive();
        assertThat(ollama.embedCalls().getLast().inputs()).containsExactly("Vaccination", "");
    }

    @Test
    void aSingleStringInputIsEmbeddedToo() throws Exception {
        JsonNode body = json(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"Rougeole\"}"));

        assertThat(body.path("embeddings")).hasSize(1);
        assertThat(body.path("embeddings").get(0)).hasSize(FakeOllamaServer.DEFAULT_DIMENSION);
    }

    @Test
    void textsSharingWordsAreCloserThanUnrelatedTexts() {
        FakeEmbeddings embeddings = new FakeEmbeddings(384);
        float[] question = embeddings.embed("Quel est le calendrier de vaccination contre la rougeole ?");
        float[] related = embeddings.embed("Le calendrier vaccinal : vaccination ROR contre la rougeole à 12 mois.");
        float[] unrelated = embeddings.embed("Budget annuel des bâtiments et travaux d'entretien.");

        assertThat(FakeEmbeddings.cosine(question, related)).isGreaterThan(0.4);
        assertThat(FakeEmbeddings.cosine(question, unrelated)).isLessThan(0.2);
        assertThat(embeddings.embed("Été ÉLEVÉ")).containsExactly(embeddings.embed("ete eleve"));
    }

    @Test
    void embeddingWithAChatModelIsRefusedAndWithAnUnknownModelIsA404() throws Exception {
        HttpResponse<String> chatModel = post("/api/embed", "{\"model\":\"mistral-small3.2\",\"input\":\"x\"}");
        HttpResponse<String> unknown = post("/api/embed", "{\"model\":\"e5\",\"input\":\"x\"}");

        assertThat(chatModel.statusCode()).isEqualTo(400);
        assertThat(json(chatModel).path("error").asString()).endsWith("does not support embeddings");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asString()).isEqualTo("model 'e5' not found");
    }

    @Test
    void otherPathsAndMethodsGetOllamasPlainTextNotFoundPage() throws Exception {
        for (HttpResponse<String> response : List.of(get("/api/nothing"), get("/api/chat"), post("/v1/x", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("404 page not found");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        }
    }

    @Test
    void aMalformedRequestBodyIsA400() throws Exception {
        HttpResponse<String> response = post("/api/chat", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).isNotBlank();
    }

    @Test
    void twentyFiveSlowStreamsRunConcurrently() throws Exception {
        ollama.withDefaultResponder(call ->
                ScriptedReply.tokens(List.of("a ", "b ", "c ", "d ", "e ", "f ", "g ", "h ", "i ", "j"))
                        .withTokenDelay(Duration.ofMillis(50)));
        long start = System.nanoTime();

        List<CompletableFuture<HttpResponse<String>>> streams = IntStream.range(0, 25)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + "/api/chat"))
                        .POST(BodyPublishers.ofString(chatBody(CHAT_MODEL, true))).build(), BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();

        // Each stream takes 500 ms; run one after another they would take 12.5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(streams).allSatisfy(stream -> assertThat(lines(stream.join())).hasSize(11));
        assertThat(ollama.awaitChatCalls(25, Duration.ofSeconds(1))).hasSize(25);
    }

    @Test
    void resetForgetsRepliesAndRecords() throws Exception {
        ollama.enqueue(ScriptedReply.text("oubliée"));
        post("/api/tags", "{}");
        post("/api/chat", chatBody("llama9", false));

        ollama.reset();

        assertThat(ollama.chatCalls()).isEmpty();
        assertThat(json(post("/api/chat", chatBody(CHAT_MODEL, false))).path("message").path("content").asString())
                .isEqualTo(FakeOllamaServer.DEFAULT_ANSWER);
    }
}
