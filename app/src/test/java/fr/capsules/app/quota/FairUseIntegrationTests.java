package fr.capsules.app.quota;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fair use through the real service: past their questions in flight or per minute, a person gets 429 with
 * {@code Retry-After} and a French problem detail, while a colleague asking at the same time is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FairUseIntegrationTests {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    // Its own service (the shared test context has loose limits), model server and data folder.
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start();

    @LocalServerPort
    int port;

    @BeforeEach
    void resetModelServer() {
        OLLAMA.reset();
    }

    @DynamicPropertySource
    static void tightLimits(DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("capsules-fair-use-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> java.nio.file.Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.fair-use.questions.in-flight", () -> "1");
        registry.add("capsules.fair-use.questions.per-minute", () -> "3");
        registry.add("capsules.fair-use.drafts.in-flight", () -> "1");
        registry.add("capsules.fair-use.drafts.per-minute", () -> "2");
        registry.add("capsules.ollama.timeout", () -> "10s");
    }

    private HttpResponse<String> ask(String username, String capsule) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/capsules/" + capsule + "/ask"))
                            .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + QUESTION + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void pastTheMinutesShareAPersonGets429WithRetryAfterAndAFrenchDetail() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("L'accusé de réception est adressé sous huit jours [1]."));
        for (int i = 0; i < 3; i++) {
            assertThat(ask("agent", "charte-ia").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = ask("agent", "charte-ia");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://capsules.local/problems/too-many-requests");
        assertThat(problem.get("title").asString()).isEqualTo("Trop de demandes");
        assertThat(problem.get("detail").asString()).contains("plus de 3 questions en une minute", "réessayez dans");
        assertThat(ask("dpo", "charte-ia").statusCode()).as("another person is not affected").isEqualTo(200);
    }

    @Test
    void aSecondQuestionWhileTheFirstIsUnderWayIsRefusedButAColleagueIsServed() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("La procédure est décrite dans la note [1].")
                .withFirstTokenDelay(Duration.ofSeconds(2)));
        int before = OLLAMA.chatCalls().size();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return ask("reclamations", "reclamations");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        OLLAMA.awaitChatCalls(before + 1, Duration.ofSeconds(10));

        HttpResponse<String> second = ask("reclamations", "reclamations");
        HttpResponse<String> colleague = ask("referent", "reclamations");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("vous avez déjà 1 question en cours");
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(colleague.statusCode()).isEqualTo(200);
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(ask("reclamations", "reclamations").statusCode()).as("the place is given back").isEqualTo(200);
    }

    @Test
    void draftsHaveTheirOwnLimit() {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Le délai est de deux mois [1]."));
        ApiClient referent = ApiClient.as(port, "referent", "demo");
        for (int i = 0; i < 2; i++) {
            assertThat(referent.postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION)).status()).isEqualTo(201);
        }

        ApiClient.Response refused = referent.postJson("/api/capsules/reclamations/drafts", Map.of("question", QUESTION));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("brouillons en une minute");
    }

}
