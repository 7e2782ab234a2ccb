package fr.capsules.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service on PostgreSQL instead of the embedded database: the same Flyway migrations, then a
 * whole flow (conversation, draft review, register). Runs when {@code CAPSULES_TEST_POSTGRES_URL}
 * names a database ({@code .ci/run} creates an empty one, so the migrations run from scratch);
 * skipped otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@EnabledIfEnvironmentVariable(named = "CAPSULES_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresIntegrationTests {

    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("capsules-it-pg-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("spring.datasource.url", () -> System.getenv("CAPSULES_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void conversationsDraftsAndTheRegisterWorkOnPostgres() {
        ApiClient handler = ApiClient.as(port, "reclamations", "demo");
        JsonNode first = handler.postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json();
        JsonNode second = handler.postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Et pour la réponse au fond ?", "conversationId", first.get("conversationId").asString())).json();
        assertThat(second.get("conversationId").asString()).isEqualTo(first.get("conversationId").asString());
        assertThat(OLLAMA.lastChatCall().messages()).hasSize(4);

        OLLAMA.enqueue(ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        String draft = handler.postJson("/api/capsules/reclamations/drafts",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?")).json().get("id").asString();
        handler.putJson("/api/drafts/" + draft + "/content", Map.of("text", "Accusé de réception sous huit jours ouvrés [1]."));
        JsonNode validated = handler.postJson("/api/drafts/" + draft + "/validate", "").json();
        assertThat(validated.get("status").asString()).isEqualTo("validated");
        assertThat(handler.get("/api/drafts/" + draft).json().get("aiContent").get("text").asString())
                .isEqualTo("L'accusé de réception est adressé sous huit jours ouvrés [1].");

        JsonNode register = handler.get("/api/register").json();
        assertThat(register).anySatisfy(e -> {
            assertThat(e.get("id").asString()).isEqualTo("reclamations");
            assertThat(e.get("usage").get("draftsValidated").asLong()).isPositive();
        });
    }
}
