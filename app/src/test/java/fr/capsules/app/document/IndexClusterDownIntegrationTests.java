package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service configured with the SolrCloud backend while no node of the cluster answers: it
 * starts all the same, its health says the index is down and why, and questions are answered 503
 * with a French message rather than an error or a false abstention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class IndexClusterDownIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableCluster(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int solrPort = closedPort;
        registry.add("capsules.index.backend", () -> "solr");
        registry.add("capsules.index.solr.nodes", () -> "http://127.0.0.1:" + solrPort + "/solr");
        registry.add("capsules.index.solr.timeout", () -> "2s");
        Path data = Files.createTempDirectory("capsules-it-solr-down-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", () -> "http://127.0.0.1:" + solrPort);
    }

    @Test
    void healthSaysTheIndexClusterIsDown() {
        ApiClient.Response health = ApiClient.as(port, "admin", "demo").get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        JsonNode index = health.json().get("components").get("index");
        assertThat(index.get("status").asString()).isEqualTo("DOWN");
        assertThat(index.get("details").get("backend").asString()).isEqualTo("solr");
        assertThat(index.get("details").get("reachable").asBoolean()).isFalse();
        assertThat(index.get("details").get("error").asString()).startsWith("aucun nœud du cluster Solr ne répond");
    }

    @Test
    void aQuestionIsAnswered503WithAClearMessage() {
        ApiClient.Response response = ApiClient.as(port, "reclamations", "demo").postJson(
                "/api/capsules/reclamations/ask",
                Map.of("question", "Dans quel délai faut-il accuser réception d'une réclamation ?"));
        assertThat(response.status()).isEqualTo(503);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://capsules.local/problems/index-unavailable");
        assertThat(problem.get("detail").asString()).startsWith("Le cluster de recherche ne répond pas");
    }
}
