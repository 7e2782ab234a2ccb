package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.llm.FakeOllamaServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A first start on an empty data folder, caught while the catalogue is being indexed (the fake
 * model server holds the embedding requests): readiness says DOWN, asks and searches answer 503
 * with {@code Retry-After} instead of a false "abstained", anonymous callers see the status only;
 * once indexing ends, everything answers.
 */
class CatalogueReadinessIntegrationTests {

    private static final String QUESTION = "Combien de questions de référence faut-il écrire avant de publier une capsule ?";

    @Test
    void untilTheCatalogueIsIndexedTheServiceSaysSoAndRefusesToAnswerFromAHalfBuiltIndex() throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory("capsules-it-readiness-");
        // One capsule of the catalogue is enough, and keeps the start short.
        Path catalog = data.resolve("catalogue");
        FileSystemUtils.copyRecursively(Path.of("..", "capsules", "charte-ia"), catalog.resolve("charte-ia"));
        try (FakeOllamaServer ollama = FakeOllamaServer.start().withModels("mistral-small3.2")
                .withEmbeddingModel("bge-m3", 384).holdEmbeddings()) {
            CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                    new SpringApplicationBuilder(CapsulesApplication.class).profiles("demo").run(
                            "--server.port=" + port,
                            "--capsules.data-dir=" + data.resolve("data"),
                            "--capsules.catalog-dir=" + catalog,
                            "--capsules.ollama.base-url=" + ollama.baseUrl(),
                            "--capsules.ollama.chat-model=mistral-small3.2",
                            "--capsules.ollama.embedding-model=bge-m3",
                            "--capsules.ollama.embedding-dimension=384",
                            "--capsules.ollama.timeout=120s"));
            ConfigurableApplicationContext context = null;
            try {
                // The web server is up before the catalogue is indexed: the first held embedding says we are there.
                awaitFirstEmbedding(ollama, starting);
                ApiClient anonymous = ApiClient.anonymous(port);
                ApiClient agent = ApiClient.as(port, "agent", "demo");
                ApiClient admin = ApiClient.as(port, "admin", "demo");

                ApiClient.Response readiness = anonymous.get("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
                assertThat(names(readiness.json())).containsExactly("status");

                JsonNode adminReadiness = admin.get("/actuator/health/readiness").json();
                JsonNode catalogue = adminReadiness.get("components").get("catalogue");
                assertThat(catalogue.get("status").asString()).isEqualTo("DOWN");
                assertThat(catalogue.get("details").get("indexationEnCours").toString()).contains("charte-ia");

                for (String endpoint : List.of("ask", "search")) {
                    ApiClient.Response refused = agent.postJson("/api/capsules/charte-ia/" + endpoint, Map.of("question", QUESTION));
                    assertThat(refused.status()).as(endpoint).isEqualTo(503);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.header("Retry-After")).isEqualTo("10");
                    assertThat(refused.json().get("type").asString()).endsWith("/capsule-indexing");
                    assertThat(refused.json().get("detail").asString()).contains("en cours d'indexation", "Réessayez");
                }
                // Not even the no-JavaScript page path produces an answer: nothing was recorded as asked.
                assertThat(ollama.chatCalls()).isEmpty();

                ollama.releaseEmbeddings();
                context = starting.get(3, TimeUnit.MINUTES);

                assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(admin.get("/actuator/health/readiness").json().get("components").get("catalogue")
                        .get("status").asString()).isEqualTo("UP");
                ApiClient.Response answered = agent.postJson("/api/capsules/charte-ia/ask", Map.of("question", QUESTION));
                assertThat(answered.status()).as(answered.body()).isEqualTo(200);
                assertThat(answered.json().get("mode").asString()).isNotEqualTo("abstained");
                assertThat(agent.postJson("/api/capsules/charte-ia/search", Map.of("question", QUESTION)).status()).isEqualTo(200);
            } finally {
                ollama.releaseEmbeddings();
                if (context == null) {
                    context = starting.get(3, TimeUnit.MINUTES);
                }
                context.close();
            }
        }
    }

    private static void awaitFirstEmbedding(FakeOllamaServer ollama, CompletableFuture<?> starting) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (ollama.embedCalls().isEmpty()) {
            assertThat(starting).as("the service failed to start").isNotCompletedExceptionally();
            assertThat(System.nanoTime()).as("no embedding request within two minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
