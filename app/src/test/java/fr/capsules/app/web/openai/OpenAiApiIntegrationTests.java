package fr.capsules.app.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.models.Model;
import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.ChatCall;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAI-compatible API with the official OpenAI Java SDK as the client, against the running
 * service (example catalogue, fake Ollama on loopback), authenticated as Open WebUI would be: the
 * API key is a Capsules API token, here of an agent of the {@code reclamations} service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpenAiApiIntegrationTests {

    static final String TOKEN = "cap_openai-test-jeton-reclamations";
    static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start();
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("capsules-openai-");
            Files.writeString(DATA_DIR.resolve("users.yaml"), """
                    users:
                      - username: webui
                        displayName: Open WebUI de l'agence
                        passwordHash: "%s"
                        roles: [AGENT]
                        services: [reclamations]
                        apiTokenHashes: ["%s"]
                    """.formatted(new BCryptPasswordEncoder().encode("webui"), sha256(TOKEN)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", DATA_DIR::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.timeout", () -> "3s");
        // Many questions in a row from one account: the fair-use limits are not what is tested here.
        registry.add("capsules.fair-use.questions.in-flight", () -> "50");
        registry.add("capsules.fair-use.questions.per-minute", () -> "100000");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @BeforeEach
    void resetModelServer() {
        OLLAMA.reset();
    }

    private OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/v1").apiKey(apiKey).maxRetries(0).build();
    }

    private OpenAIClient client() {
        return client(TOKEN);
    }

    private static ChatCompletionCreateParams.Builder ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(QUESTION);
    }

    private static JsonNode capsules(java.util.Map<String, com.openai.core.JsonValue> additional) {
        assertThat(additional).containsKey("capsules");
        return additional.get("capsules").convert(JsonNode.class);
    }

    @Test
    void theModelsAreTheCapsulesTheCallerMaySee() {
        List<String> ids = client().models().list().data().stream().map(Model::id).toList();

        assertThat(ids).containsExactly("charte-ia", "reclamations");
    }

    @Test
    void aModelIsRetrievedByItsCapsuleId() {
        Model model = client().models().retrieve("reclamations");

        assertThat(model.id()).isEqualTo("reclamations");
        assertThat(model.ownedBy()).isEqualTo("capsules");
        assertThat(model._additionalProperties().get("name").asString()).isPresent();
    }

    @Test
    void aCompletionIsTheCapsulesAnswerWithTheAiLabelAndItsSources() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("L'accusé de réception est envoyé sous huit jours [1]."));

        ChatCompletion completion = client().chat().completions().create(ask("reclamations").build());

        assertThat(completion.model()).isEqualTo("reclamations");
        assertThat(completion.choices()).hasSize(1);
        String content = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(content).startsWith("*Généré par IA — à vérifier*\n\n")
                .contains("L'accusé de réception est envoyé sous huit jours [1].")
                .contains("**Sources**\n- [1] ");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        JsonNode extension = capsules(completion._additionalProperties());
        assertThat(extension.get("label").asText()).isEqualTo("Généré par IA — à vérifier");
        assertThat(extension.get("mode").asText()).isEqualTo("generative");
        assertThat(extension.get("capsuleVersion").asInt()).isPositive();
        assertThat(extension.get("citations")).hasSize(1);
        assertThat(extension.get("citations").get(0).get("title").asText()).isNotBlank();
        assertThat(extension.get("warnings").isArray()).isTrue();
        assertThat(content).contains("[1] " + extension.get("citations").get(0).get("title").asText());
    }

    @Test
    void aStreamedCompletionArrivesTokenByTokenThenEndsWithTheSourcesAndTheExtension() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(List.of("L'accusé ", "de réception ", "est envoyé ",
                "sous huit jours ", "[1].")));
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(ask("reclamations").build())) {
            stream.stream().forEach(chunks::add);
        }

        StringBuilder content = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(content::append)));
        assertThat(chunks.size()).isGreaterThanOrEqualTo(5 + 3);
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
        assertThat(content.toString()).startsWith("*Généré par IA — à vérifier*\n\nL'accusé de réception est envoyé sous huit jours [1].")
                .contains("**Sources**\n- [1] ");
        ChatCompletionChunk last = chunks.getLast();
        assertThat(last.choices().getFirst().finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
        JsonNode extension = capsules(last._additionalProperties());
        assertThat(extension.get("mode").asText()).isEqualTo("generative");
        assertThat(extension.get("answer").asText()).isEqualTo("L'accusé de réception est envoyé sous huit jours [1].");
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c._additionalProperties()).doesNotContainKey("capsules"));
    }

    @Test
    void aStreamEndsCleanlyForAClientThatReadsItToTheEnd() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(List.of("Sous huit ", "jours [1].")));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\": \"reclamations\", \"stream\": true,"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"))
                .build();

        java.net.http.HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(response.body()).startsWith("data: {").endsWith("\n\ndata: [DONE]\n\n");
    }

    @Test
    void theAskEndpointsStreamEndsCleanlyForAnApiTokenToo() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(List.of("Sous huit ", "jours [1].")));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/capsules/reclamations/ask"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\": \"" + QUESTION + "\"}"))
                .build();

        java.net.http.HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("event:done");
    }

    @Test
    void theSameQuestionGetsTheSameAnswerStreamedOrNot() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.tokens(List.of("Sous huit ", "jours [1].")));
        String whole = client().chat().completions().create(ask("reclamations").build()).choices().getFirst().message().content()
                .orElseThrow();
        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(ask("reclamations").build())) {
            stream.stream().forEach(c -> c.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        }

        assertThat(streamed.toString()).isEqualTo(whole);
    }

    @Test
    void earlierTurnsReachTheModelAsHistoryWithoutTheLabelAndSources() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Sous huit jours [1]."));
        String first = client().chat().completions().create(ask("reclamations").build()).choices().getFirst().message().content()
                .orElseThrow();

        client().chat().completions().create(ChatCompletionCreateParams.builder().model("reclamations")
                .addSystemMessage("Tu es un assistant serviable.")
                .addUserMessage(QUESTION)
                .addAssistantMessage(first)
                .addUserMessage("Et pour une réclamation orale ?")
                .build());

        ChatCall call = OLLAMA.lastChatCall();
        List<ChatCall.Message> dialogue = call.messages().stream().filter(m -> !m.role().equals("system")).toList();
        assertThat(dialogue).hasSize(3);
        assertThat(dialogue.get(0).content()).isEqualTo(QUESTION);
        assertThat(dialogue.get(1).content()).isEqualTo("Sous huit jours [1].");
        assertThat(dialogue.get(2).content()).contains("Question : Et pour une réclamation orale ?");
        assertThat(call.systemPrompt()).doesNotContain("Tu es un assistant serviable.");
    }

    @Test
    void aCompletionIsAuditedLikeAnAskAndMarkedAsComingThroughTheOpenAiApi() {
        String question = "Quel est le délai d'accusé de réception d'une réclamation écrite ?";
        client().chat().completions().create(ChatCompletionCreateParams.builder().model("reclamations").addUserMessage(question).build());

        tools.jackson.databind.JsonNode entries = ApiClient.as(port, "admin", "demo")
                .get("/api/audit?action=ask&user=webui&capsule=reclamations").json();
        tools.jackson.databind.JsonNode entry = null;
        for (tools.jackson.databind.JsonNode e : entries) {
            if (e.get("details").get("question").asString().equals(question)) {
                entry = e;
            }
        }
        assertThat(entry).as(entries.toString()).isNotNull();
        assertThat(entry.get("details").get("via").asString()).isEqualTo("openai");
        assertThat(entry.get("details").get("mode").asString()).isEqualTo("generative");
    }

    @Test
    void aCapsuleOutOfTheCallersScopeIsModelNotFoundExactlyLikeAMissingOne() {
        NotFoundException hidden = notFound("mesures-inspection");
        NotFoundException missing = notFound("capsule-inexistante");

        for (NotFoundException e : List.of(hidden, missing)) {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.code()).contains("model_not_found");
            assertThat(e.param()).contains("model");
            assertThat(e.type()).contains("invalid_request_error");
        }
        assertThat(hidden.getMessage().replace("mesures-inspection", "X"))
                .isEqualTo(missing.getMessage().replace("capsule-inexistante", "X"));
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void aModelOutOfScopeIsNotFoundWhenRetrievedEither() {
        assertThatThrownBy(() -> client().models().retrieve("mesures-inspection"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));
    }

    private NotFoundException notFound(String model) {
        try {
            client().chat().completions().create(ask(model).build());
        } catch (NotFoundException e) {
            return e;
        }
        throw new AssertionError("no 404 for " + model);
    }

    @Test
    void messagesWithOnlyASystemMessageAreRefusedAsHavingNoQuestion() {
        BadRequestException e = badRequest(ChatCompletionCreateParams.builder().model("reclamations")
                .addSystemMessage("Réponds en français.").build());

        assertThat(e.param()).contains("messages");
        assertThat(e.getMessage()).contains("aucune question");
    }

    @Test
    void moreThanOneChoiceIsRefused() {
        BadRequestException e = badRequest(ask("reclamations").n(3).build());

        assertThat(e.param()).contains("n");
        assertThat(e.getMessage()).contains("une seule réponse");
    }

    @Test
    void toolsAreRefusedSayingTheyAreNotSupported() {
        BadRequestException e = badRequest(ask("reclamations")
                .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("meteo").build()).build())
                .build());

        assertThat(e.param()).contains("tools");
        assertThat(e.code()).contains("unsupported_parameter");
        assertThat(e.getMessage()).contains("outils", "ne sont pas pris en charge");
    }

    @Test
    void aJsonResponseFormatIsRefusedSayingItIsNotSupported() {
        BadRequestException e = badRequest(ask("reclamations").responseFormat(ResponseFormatJsonObject.builder().build()).build());

        assertThat(e.param()).contains("response_format");
        assertThat(e.getMessage()).contains("n'est pas pris en charge");
    }

    private BadRequestException badRequest(ChatCompletionCreateParams params) {
        try {
            client().chat().completions().create(params);
        } catch (BadRequestException e) {
            assertThat(e.type()).contains("invalid_request_error");
            assertThat(OLLAMA.chatCalls()).isEmpty();
            return e;
        }
        throw new AssertionError("no 400");
    }

    @Test
    void aOneMegabyteConversationIsRefusedAsTooLargeWithoutReachingTheModel() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model("reclamations");
        String turn = "Une longue question sur les réclamations et leurs délais de traitement. ".repeat(14);
        for (int i = 0; i < 1_000; i++) {
            params.addUserMessage(turn).addAssistantMessage(turn);
        }
        params.addUserMessage(QUESTION);

        assertThatThrownBy(() -> client().chat().completions().create(params.build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("trop volumineuse");
                    assertThat(e.code()).contains("request_too_large");
                });
        assertThat(OLLAMA.chatCalls()).isEmpty();
    }

    @Test
    void anUnknownApiKeyIsRefusedWithOpenAisAuthenticationError() {
        assertThatThrownBy(() -> client("cap_jeton-invente").models().list())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.code()).contains("invalid_api_key");
                    assertThat(e.getMessage()).contains("jeton d'API");
                });
    }

    @Test
    void noCredentialsAtAllIsA401InOpenAisShape() {
        ApiClient.Response response = ApiClient.anonymous(port).postJson("/v1/chat/completions",
                Map.of("model", "reclamations", "messages", List.of(Map.of("role", "user", "content", QUESTION))));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").get("code").asString()).isEqualTo("invalid_api_key");
        assertThat(response.json().get("error").get("type").asString()).isEqualTo("authentication_error");
        assertThat(response.json().get("error").get("message").asString()).isNotBlank();
    }

    @Test
    void aRouteTheApiDoesNotHaveAnswersInOpenAisShape() {
        ApiClient.Response response = ApiClient.bearer(port, TOKEN).postJson("/v1/embeddings", Map.of("input", "x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").path("message").asString("")).as(response.body()).contains("adresse inconnue");
    }

    @Test
    void aBodyThatIsNotJsonAndAWrongMethodAnswerInOpenAisShape() {
        ApiClient.Response text = ApiClient.bearer(port, TOKEN).postText("/v1/chat/completions", "Bonjour");
        ApiClient.Response get = ApiClient.bearer(port, TOKEN).get("/v1/chat/completions");

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("error").get("message").asString()).contains("JSON");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("error").get("type").asString()).isEqualTo("invalid_request_error");
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
