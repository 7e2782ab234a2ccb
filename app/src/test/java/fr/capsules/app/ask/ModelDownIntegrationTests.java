package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.SseEvents;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with no model server at all: it starts, says so, and answers extractively. A context
 * of its own (its own data folder too: Lucene allows one writer per index).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ModelDownIntegrationTests {

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        return ApiClient.as(port, user, "demo");
    }

    @DynamicPropertySource
    static void noModelServer(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        registry.add("capsules.ollama.base-url", () -> "http://127.0.0.1:" + port);
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("capsules-it-down-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> java.nio.file.Path.of("..", "capsules").toAbsolutePath().normalize().toString());
    }

    @Test
    void anAnswerIsExtractiveAndSaysWhy() {
        ApiClient.Response response = as("reclamations").postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("answer").asString()).startsWith("Réponse extractive : le serveur de modèles ne répond pas");
        assertThat(answer.get("citations")).isNotEmpty();
        assertThat(answer.get("citations").get(0).get("text").asString().toLowerCase()).contains("réception");
        assertThat(answer.get("label").asString()).isEqualTo("Généré par IA — à vérifier");
    }

    @Test
    void aStreamedAnswerIsTheExtractiveAnswerInOnePiece() {
        HttpResponse<InputStream> response = SseEvents.open(port, "agent", "/api/capsules/charte-ia/ask",
                "{\"question\": \"Peut-on saisir des données de santé nominatives dans un outil d'IA en ligne ?\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());
        assertThat(events).extracting(SseEvents.Event::name).containsExactly("token", "citations", "done");
        assertThat(events.getLast().data().get("mode").asString()).isEqualTo("extractive");
    }

    @Test
    void healthSaysTheServiceIsDegradedAndWhy() {
        ApiClient.Response health = ApiClient.as(port, "admin", "demo").get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.get("status").asString()).isEqualTo("DEGRADED");
        JsonNode ollama = body.get("components").get("ollama");
        assertThat(ollama.get("details").get("reachable").asBoolean()).isFalse();
        assertThat(ollama.get("details").get("error").asString()).contains("ne répond pas");
    }
}
