package fr.capsules.app.ask;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.FakeOllamaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with an embedding model configured: passages are embedded at indexing through
 * Ollama's {@code /api/embed}, questions at asking, and losing the embedding model degrades to
 * lexical search instead of failing. A context (and data folder) of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddingRetrievalIntegrationTests {

    private static final FakeOllamaServer OLLAMA =
            FakeOllamaServer.start().withModels("mistral-small3.2").withEmbeddingModel("bge-m3", 384);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void withEmbeddings(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("capsules-it-vectors-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.ollama.embedding-model", () -> "bge-m3");
        registry.add("capsules.ollama.embedding-dimension", () -> "384");
        registry.add("capsules.ollama.timeout", () -> "3s");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    private JsonNode ask(String question) {
        ApiClient.Response response = ApiClient.as(port, "agent", "demo")
                .postJson("/api/capsules/charte-ia/ask", Map.of("question", question));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    @Order(1)
    void passagesWereEmbeddedThroughOllamaWhenTheCatalogueWasIndexed() {
        assertThat(OLLAMA.embedCalls()).isNotEmpty();
        assertThat(OLLAMA.embedCalls()).allSatisfy(call -> assertThat(call.model()).startsWith("bge-m3"));
        int embeddedTexts = OLLAMA.embedCalls().stream().mapToInt(call -> call.inputs().size()).sum();
        assertThat(embeddedTexts).isGreaterThan(50);
    }

    @Test
    @Order(2)
    void aQuestionIsEmbeddedAndAnsweredFromTheFusedRanking() {
        int before = OLLAMA.embedCalls().size();
        JsonNode answer = ask("Peut-on saisir des données de santé nominatives dans un outil d'IA en ligne ?");
        assertThat(OLLAMA.embedCalls()).hasSizeGreaterThan(before);
        assertThat(OLLAMA.embedCalls().getLast().inputs()).containsExactly(
                "Peut-on saisir des données de santé nominatives dans un outil d'IA en ligne ?");
        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        assertThat(answer.get("citations")).isNotEmpty();
    }

    @Test
    @Order(3)
    void healthListsTheEmbeddingModel() {
        JsonNode models = ApiClient.as(port, "admin", "demo").get("/actuator/health").json()
                .get("components").get("ollama").get("details").get("models");
        assertThat(models.get("bge-m3").asString()).isEqualTo("présent");
    }

    @Test
    @Order(4)
    void withoutTheEmbeddingModelQuestionsFallBackToLexicalSearch() {
        OLLAMA.withoutModel("bge-m3");
        JsonNode answer = ask("Peut-on saisir des données de santé nominatives dans un outil d'IA en ligne ?");
        assertThat(answer.get("mode").asString()).isEqualTo("generative");
        assertThat(answer.get("citations")).isNotEmpty();
    }

    @Test
    @Order(5)
    void aReindexWithoutTheEmbeddingModelIsRefusedAndTheIndexKeepsServing() {
        OLLAMA.withoutModel("bge-m3");
        ApiClient referent = ApiClient.as(port, "referent", "demo");
        int documents = referent.get("/api/capsules/charte-ia/documents").json().size();

        ApiClient.Response reindex = referent.postJson("/api/capsules/charte-ia/reindex", "");

        assertThat(reindex.status()).isEqualTo(503);
        assertThat(reindex.json().get("detail").asString()).contains("l'index précédent reste en service");
        assertThat(referent.get("/api/capsules/charte-ia/documents").json().size()).isEqualTo(documents);
    }
}
