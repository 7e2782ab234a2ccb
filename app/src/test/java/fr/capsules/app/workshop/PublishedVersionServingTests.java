package fr.capsules.app.workshop;

import static fr.capsules.app.workshop.WorkshopFixture.CALENDAR;
import static fr.capsules.app.workshop.WorkshopFixture.COLD_CHAIN;
import static fr.capsules.app.workshop.WorkshopFixture.STOCK;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.llm.FakeOllamaServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The published version keeps serving while a new one is prepared, through the real service (real
 * Lucene, the fake model server), and across a restart: the audience is served the published
 * definition and corpus snapshot, the referents the working copy, until the next publication.
 */
class PublishedVersionServingTests {

    private static final String CAPSULE = "vaccination-versions";
    private static final String BASE = "/api/capsules/" + CAPSULE;
    private static final String V1_INSTRUCTIONS = "Réponds en deux phrases au plus. Consigne de la version publiée.";
    private static final String V2_INSTRUCTIONS = "Réponds en trois phrases au plus. Consigne de la version de travail.";
    private static final String COLD_QUESTION = "À quelle température conserver les vaccins au réfrigérateur ?";
    private static final String STOCK_QUESTION = "Quand est réalisé l'inventaire du stock de vaccins ?";

    @Test
    void theAudienceKeepsThePublishedVersionUntilTheNextOneIsPublishedEvenAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory("capsules-it-versions-");
        Path catalogue = Files.createDirectories(data.resolve("catalogue"));
        int port = freePort();
        try (FakeOllamaServer ollama = FakeOllamaServer.start().withModels("mistral-small3.2")) {
            ollama.withDefaultResponder(QuotingModel::reply);
            ApiClient referent = ApiClient.as(port, "referent", "demo");
            ApiClient admin = ApiClient.as(port, "admin", "demo");
            ApiClient agent = ApiClient.as(port, "agent", "demo");
            String coldChainId;
            int v1;
            try (ConfigurableApplicationContext first = start(port, data, catalogue, ollama)) {
                ApiClient.Response created = referent.postJson("/api/capsules", definition(V1_INSTRUCTIONS));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                WorkshopFixture.upload(referent, CAPSULE, CALENDAR, COLD_CHAIN);
                // Never published: a draft, which its audience does not see yet.
                assertThat(agent.postJson(BASE + "/search", Map.of("question", COLD_QUESTION)).status()).isEqualTo(404);
                assertThat(files(search(referent, COLD_QUESTION))).contains(COLD_CHAIN);

                v1 = publish(admin);
                coldChainId = WorkshopFixture.documentId(referent, CAPSULE, COLD_CHAIN);

                // The referent prepares the next version: a new document, other instructions, a document removed.
                WorkshopFixture.upload(referent, CAPSULE, STOCK);
                ApiClient.Response updated = referent.putJson(BASE, definition(V2_INSTRUCTIONS));
                assertThat(updated.status()).as(updated.body()).isEqualTo(200);
                assertThat(referent.delete(BASE + "/documents/" + coldChainId).status()).isEqualTo(204);

                agentIsServedVersion1(agent, ollama, coldChainId);
                referentWorksOnTheWorkingCopy(referent, ollama);
                assertThat(page(agent)).contains("Version publiée " + v1).doesNotContain("Version de travail");
                assertThat(page(referent)).contains("Version de travail — modifications non publiées (les agents consultent"
                        + " la version publiée " + v1 + ")");
            }

            try (ConfigurableApplicationContext restarted = start(port, data, catalogue, ollama)) {
                agentIsServedVersion1(agent, ollama, coldChainId);
                referentWorksOnTheWorkingCopy(referent, ollama);

                int v2 = publish(admin);
                assertThat(v2).isGreaterThan(v1);

                JsonNode stock = search(agent, STOCK_QUESTION);
                assertThat(files(stock).getFirst()).isEqualTo(STOCK);
                assertThat(files(search(agent, COLD_QUESTION))).doesNotContain(COLD_CHAIN);
                assertThat(documentFiles(agent)).containsExactlyInAnyOrder(CALENDAR, STOCK);
                assertThat(agent.download(BASE + "/documents/" + coldChainId + "/file").status()).isEqualTo(404);
                assertThat(systemPromptOfAnAsk(agent, ollama, STOCK_QUESTION)).contains(V2_INSTRUCTIONS)
                        .doesNotContain(V1_INSTRUCTIONS);
                assertThat(page(agent)).contains("Version publiée " + v2);
                assertThat(page(referent)).contains("Version de travail, identique à la version publiée " + v2);
                assertThat(data.resolve("data/published-originals/" + CAPSULE + "/" + coldChainId)).doesNotExist();
                try (var snapshots = Files.list(data.resolve("data/indexes/" + CAPSULE + "/snapshots"))) {
                    assertThat(snapshots.map(p -> p.getFileName().toString())).containsExactly("v-" + v2);
                }
            }
        }
    }

    private static void agentIsServedVersion1(ApiClient agent, FakeOllamaServer ollama, String coldChainId) {
        assertThat(files(search(agent, STOCK_QUESTION))).doesNotContain(STOCK);
        assertThat(files(search(agent, COLD_QUESTION)).getFirst()).isEqualTo(COLD_CHAIN);
        assertThat(documentFiles(agent)).containsExactlyInAnyOrder(CALENDAR, COLD_CHAIN);
        ApiClient.Download original = agent.download(BASE + "/documents/" + coldChainId + "/file");
        assertThat(original.status()).isEqualTo(200);
        assertThat(new String(original.bytes(), StandardCharsets.UTF_8)).contains("entre +2 °C et +8 °C");

        ApiClient.Response answer = agent.postJson(BASE + "/ask", Map.of("question", COLD_QUESTION));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("citations").get(0).get("file").asString()).isEqualTo(COLD_CHAIN);
        assertThat(ollama.lastChatCall().systemPrompt()).contains(V1_INSTRUCTIONS).doesNotContain(V2_INSTRUCTIONS);
        ApiClient.Response stockAnswer = agent.postJson(BASE + "/ask", Map.of("question", STOCK_QUESTION));
        assertThat(stockAnswer.status()).as(stockAnswer.body()).isEqualTo(200);
        for (JsonNode citation : stockAnswer.json().get("citations")) {
            assertThat(citation.get("file").asString()).isNotEqualTo(STOCK);
        }
    }

    private static void referentWorksOnTheWorkingCopy(ApiClient referent, FakeOllamaServer ollama) {
        assertThat(files(search(referent, STOCK_QUESTION)).getFirst()).isEqualTo(STOCK);
        assertThat(files(search(referent, COLD_QUESTION))).doesNotContain(COLD_CHAIN);
        assertThat(documentFiles(referent)).containsExactlyInAnyOrder(CALENDAR, STOCK);
        assertThat(systemPromptOfAnAsk(referent, ollama, STOCK_QUESTION)).contains(V2_INSTRUCTIONS)
                .doesNotContain(V1_INSTRUCTIONS);
        // Both: the published version as the audience gets it, on request.
        assertThat(files(search(referent, COLD_QUESTION, "?version=published")).getFirst()).isEqualTo(COLD_CHAIN);
        assertThat(files(search(referent, STOCK_QUESTION, "?version=published"))).doesNotContain(STOCK);
        assertThat(systemPromptOfAnAsk(referent, ollama, COLD_QUESTION, "?version=published")).contains(V1_INSTRUCTIONS);
        assertThat(referent.postJson(BASE + "/search?version=brouillon", Map.of("question", COLD_QUESTION)).status())
                .isEqualTo(400);
    }

    private static String page(ApiClient client) {
        ApiClient.Response page = client.get("/capsules/" + CAPSULE);
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private static String systemPromptOfAnAsk(ApiClient client, FakeOllamaServer ollama, String question) {
        return systemPromptOfAnAsk(client, ollama, question, "");
    }

    private static String systemPromptOfAnAsk(ApiClient client, FakeOllamaServer ollama, String question, String query) {
        ApiClient.Response answer = client.postJson(BASE + "/ask" + query, Map.of("question", question));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return ollama.lastChatCall().systemPrompt();
    }

    private static int publish(ApiClient admin) {
        ApiClient.Response published = admin.postJson(BASE + "/publish",
                Map.of("override", true, "reason", "Essai de la version publiée pendant la préparation de la suivante"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json().get("version").asInt();
    }

    private static JsonNode search(ApiClient client, String question) {
        return search(client, question, "");
    }

    private static JsonNode search(ApiClient client, String question, String query) {
        ApiClient.Response found = client.postJson(BASE + "/search" + query, Map.of("question", question, "topK", 10));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("passages");
    }

    private static List<String> files(JsonNode passages) {
        List<String> files = new ArrayList<>();
        passages.forEach(p -> files.add(p.get("file").asString()));
        return files;
    }

    private static List<String> documentFiles(ApiClient client) {
        List<String> files = new ArrayList<>();
        client.get(BASE + "/documents").json().forEach(d -> files.add(d.get("file").asString()));
        return files;
    }

    private static Map<String, Object> definition(String instructions) {
        Map<String, Object> d = new LinkedHashMap<>(WorkshopFixture.definition(CAPSULE, instructions));
        d.put("scope", Map.of("generic", true));
        return d;
    }

    private static ConfigurableApplicationContext start(int port, Path data, Path catalogue, FakeOllamaServer ollama) {
        return new SpringApplicationBuilder(CapsulesApplication.class).profiles("demo").run(
                "--server.port=" + port,
                "--capsules.data-dir=" + data.resolve("data"),
                "--capsules.catalog-dir=" + catalogue,
                "--capsules.ollama.base-url=" + ollama.baseUrl(),
                "--capsules.ollama.chat-model=mistral-small3.2",
                "--capsules.ollama.timeout=5s",
                "--capsules.publication.gate=true");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
