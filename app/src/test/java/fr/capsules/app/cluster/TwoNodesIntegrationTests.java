package fr.capsules.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.capsules.app.ApiClient;
import fr.capsules.app.CapsulesApplication;
import fr.capsules.app.PostgresSchema;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.index.solr.SolrTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17.3: two application nodes (two service instances on loopback, in this JVM) on one
 * PostgreSQL database (a schema of their own, migrated from scratch), one SolrCloud cluster (two
 * Solr nodes in a child JVM) and one data folder (the shared volume that holds capsule definitions
 * made through the API and the kept originals). Each step sends its requests to the nodes in turn,
 * so that no state kept in one node's memory can make a flow work. Runs when {@code
 * CAPSULES_TEST_POSTGRES_URL} names a database and the reactor built solr-node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "CAPSULES_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class TwoNodesIntegrationTests {

    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";

    static FakeOllamaServer ollama;
    static SolrTestCluster solr;
    static PostgresSchema schema;
    static Path data;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static int[] ports;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        assumeTrue(SolrTestCluster.available(), "solr-node is not built: run through the reactor (-pl app -am)");
        ollama = FakeOllamaServer.start().withModels("mistral-small3.2");
        schema = PostgresSchema.create("two_nodes");
        data = Files.createTempDirectory("capsules-two-nodes-");
        solr = SolrTestCluster.start(2);
        // Both at once, as after a deployment: their catalogue indexing meets in the cluster.
        ExecutorService starting = Executors.newFixedThreadPool(2);
        Future<ConfigurableApplicationContext> a = starting.submit(() -> node("noeud-a"));
        Future<ConfigurableApplicationContext> b = starting.submit(() -> node("noeud-b"));
        nodeA = a.get();
        nodeB = b.get();
        starting.shutdown();
        ports = new int[] {port(nodeA), port(nodeB)};
        for (int port : ports) {
            awaitReady(port);
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("capsules.cluster.node-name", name);
        properties.put("capsules.data-dir", data.toString());
        properties.put("capsules.catalog-dir", Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        properties.put("capsules.ollama.base-url", ollama.baseUrl());
        properties.put("capsules.ollama.chat-model", "mistral-small3.2");
        properties.put("capsules.publication.check-catalogue", "false");
        properties.put("capsules.index.backend", "solr");
        properties.put("capsules.index.solr.nodes", String.join(",", solr.nodeUrls()));
        properties.put("capsules.index.solr.shards", "2");
        // One replica per shard: stopping a Solr node loses a shard of every capsule (the last test).
        properties.put("capsules.index.solr.replicas", "1");
        properties.put("capsules.index.solr.timeout", "30s");
        properties.put("spring.datasource.url", schema.url());
        properties.put("spring.datasource.username", "");
        properties.put("spring.datasource.password", "");
        properties.put("capsules.fair-use.questions.in-flight", "100");
        properties.put("capsules.fair-use.questions.per-minute", "100000");
        properties.put("capsules.fair-use.drafts.in-flight", "100");
        properties.put("capsules.fair-use.drafts.per-minute", "100000");
        // As command-line arguments: they take precedence over application.yaml, as a test's properties do.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(CapsulesApplication.class).profiles("demo").run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void awaitReady(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (ApiClient.anonymous(port).get("/actuator/health/readiness").status() != 200) {
            assertThat(System.nanoTime() - deadline).as("node on port %d ready", port).isNegative();
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (solr != null) {
            solr.close();
        }
        if (ollama != null) {
            ollama.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    private static int turn;

    /** The next node in turn, as a load balancer without affinity would pick it. */
    private static ApiClient next(String user) {
        return ApiClient.as(ports[turn++ % 2], user, "demo");
    }

    private static ApiClient on(int node, String user) {
        return ApiClient.as(ports[node], user, "demo");
    }

    @Test
    @Order(1)
    void aConversationGoesOnWhicheverNodeTakesEachQuestion() {
        JsonNode first = on(0, "reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();
        assertThat(first.get("mode").asString()).isIn("generative", "extractive");
        String conversation = first.get("conversationId").asString();
        JsonNode second = on(1, "reclamations").postJson("/api/capsules/reclamations/ask",
                Map.of("question", "Et pour la réponse au fond ?", "conversationId", conversation)).json();
        assertThat(second.get("conversationId").asString()).isEqualTo(conversation);
        // Node B sent the model the first exchange, which node A had: it came from the database.
        assertThat(ollama.lastChatCall().messages()).hasSize(4);
        ApiClient.Response reread = on(0, "reclamations").get("/api/conversations/" + conversation);
        assertThat(reread.status()).isEqualTo(200);
        assertThat(reread.body()).contains(QUESTION).contains("Et pour la réponse au fond ?");
        assertThat(on(1, "reclamations").get("/api/capsules/reclamations/conversations").body()).contains(conversation);
        // Another person sees nothing of it, on either node.
        assertThat(on(1, "inspecteur").get("/api/conversations/" + conversation).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aCapsuleMadeOnOneNodeServesOnTheOtherAndFourEyesHoldAcrossNodes() {
        Map<String, Object> definition = new HashMap<>(Map.of(
                "id", "quatre-yeux-noeuds", "name", "Quatre yeux sur deux nœuds", "purpose", "Valider à deux.",
                "referent", "Romain Référent", "scope", Map.of("generic", false, "services", List.of("reclamations")),
                "kind", "chat", "validation", Map.of("distinctValidator", true)));
        assertThat(next("referent").postJson("/api/capsules", definition).status()).isEqualTo(201);
        // Its definition is a file in the shared data folder: the other node serves it at once.
        ApiClient.Response upload = next("referent").upload("/api/capsules/quatre-yeux-noeuds/documents", List.of(ApiClient.Part.of(
                "registre.txt", "Toute réclamation reçue est enregistrée dans le registre le jour même.".getBytes(StandardCharsets.UTF_8))));
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(upload.json().get("results").get(0).get("status").asString()).isEqualTo("indexed");
        for (int node = 0; node < 2; node++) {
            assertThat(on(node, "reclamations").get("/api/capsules/quatre-yeux-noeuds/documents").json()).hasSize(1);
        }

        // A change made on one node is the next version on the other.
        definition.put("name", "Quatre yeux, deux nœuds");
        ApiClient.Response updated = next("referent").putJson("/api/capsules/quatre-yeux-noeuds", definition);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode seen = next("reclamations").get("/api/capsules/quatre-yeux-noeuds").json();
        assertThat(seen.get("name").asString()).isEqualTo("Quatre yeux, deux nœuds");
        assertThat(seen.get("version").asInt()).isEqualTo(2);

        ollama.enqueue(ScriptedReply.text("Toute réclamation est enregistrée le jour même [1]."));
        ApiClient.Response created = next("reclamations").postJson("/api/capsules/quatre-yeux-noeuds/drafts",
                Map.of("question", "Quand une réclamation reçue est-elle enregistrée dans le registre ?"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = created.json().get("id").asString();
        ApiClient.Response edited = next("reclamations").putJson("/api/drafts/" + draft + "/content",
                Map.of("text", "Toute réclamation reçue est enregistrée au registre le jour même [1]."));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        ApiClient.Response self = next("reclamations").postJson("/api/drafts/" + draft + "/validate", "");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("detail").asString()).contains("autre personne");
        assertThat(next("reclamations").assign(draft, "referent").status()).isEqualTo(200);
        ApiClient.Response validated = next("referent").postJson("/api/drafts/" + draft + "/validate", "");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("validatedBy").asString()).isEqualTo("referent");
        for (int node = 0; node < 2; node++) {
            ApiClient.Download export = on(node, "reclamations").download("/api/drafts/" + draft + "/export?format=md");
            assertThat(export.status()).isEqualTo(200);
            assertThat(new String(export.bytes(), StandardCharsets.UTF_8))
                    .contains("enregistrée au registre le jour même").contains("Romain Référent");
        }
    }

    @Test
    @Order(3)
    void theAuditChainStaysValidUnderConcurrentWritesFromBothNodes() throws Exception {
        long before = on(0, "admin").get("/api/audit/verify").json().get("entries").asLong();
        int requests = 80;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int node = i % 2;
            String question = "Quel délai pour accuser réception d'une réclamation, cas n° " + i + " ?";
            statuses.add(clients.submit(() -> {
                start.await();
                // A search is audited like an ask, without the model.
                return on(node, "reclamations").postJson("/api/capsules/reclamations/search", Map.of("question", question)).status();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        clients.shutdown();
        for (int node = 0; node < 2; node++) {
            JsonNode verification = on(node, "admin").get("/api/audit/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(before + requests);
        }
        JsonNode searches = on(1, "admin").get("/api/audit?action=search&user=reclamations&limit=1000").json();
        assertThat(searches.size()).isGreaterThanOrEqualTo(requests);
    }

    @Test
    @Order(4)
    void ofTwoNodesReindexingOneCapsuleAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        // Node A's rebuild under way, as its lease says: node B is refused at once, in French, and so is A itself.
        try (Lease rebuilding = nodeA.getBean(Leases.class).tryAcquire("index:quatre-yeux-noeuds")) {
            for (int node = 0; node < 2; node++) {
                ApiClient.Response refused = on(node, "referent").postJson("/api/capsules/quatre-yeux-noeuds/reindex", "");
                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.json().get("type").asString()).isEqualTo("https://capsules.local/problems/index-busy");
                assertThat(refused.json().get("detail").asString()).contains("déjà en cours de ré-indexation");
            }
            // Questions are still answered from the live index meanwhile.
            assertThat(on(1, "reclamations").postJson("/api/capsules/quatre-yeux-noeuds/search",
                    Map.of("question", "registre des réclamations")).json().get("passages")).isNotEmpty();
        }

        // A real race: both nodes asked at the same instant. Whoever loses is told; nothing is lost.
        StringBuilder longer = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            longer.append("Article ").append(i).append(". La réclamation n° ").append(i)
                    .append(" est enregistrée, instruite par le pôle réclamations puis close par un courrier motivé adressé à l'usager.\n\n");
        }
        assertThat(on(0, "referent").upload("/api/capsules/quatre-yeux-noeuds/documents", List.of(ApiClient.Part.of(
                "procedure-longue.txt", longer.toString().getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(200);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> both = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            int n = node;
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return on(n, "referent").postJson("/api/capsules/quatre-yeux-noeuds/reindex", "");
            }));
        }
        start.countDown();
        List<ApiClient.Response> answers = both.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(ApiClient.Response::status).contains(200).allMatch(s -> s == 200 || s == 409);
        answers.stream().filter(r -> r.status() == 409).forEach(r ->
                assertThat(r.json().get("detail").asString()).contains("déjà en cours de ré-indexation"));
        for (int node = 0; node < 2; node++) {
            assertThat(on(node, "reclamations").get("/api/capsules/quatre-yeux-noeuds/documents").json()).hasSize(2);
            assertThat(on(node, "reclamations").postJson("/api/capsules/quatre-yeux-noeuds/search",
                    Map.of("question", "réclamation n° 217 courrier motivé")).json().get("passages")).isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void whenTheClusterLosesAShardAnswersSaySoAndNeverCiteAnotherCapsule() throws Exception {
        List<String> ownFiles = new ArrayList<>();
        on(0, "admin").get("/api/capsules/reclamations/documents").json().forEach(d -> ownFiles.add(d.get("file").asString()));
        assertThat(ownFiles).isNotEmpty();
        JsonNode whole = on(0, "reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION)).json();
        assertThat(whole.get("warnings").toString()).doesNotContain("index-partial");
        JsonNode wholeSearch = on(1, "reclamations").postJson("/api/capsules/reclamations/search", Map.of("question", QUESTION)).json();
        assertThat(wholeSearch.get("complete").asBoolean()).isTrue();
        assertThat(wholeSearch.get("warnings")).isEmpty();

        solr.stopNode(1);
        for (int node = 0; node < 2; node++) {
            ApiClient.Response answered = on(node, "reclamations").postJson("/api/capsules/reclamations/ask", Map.of("question", QUESTION));
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            JsonNode answer = answered.json();
            assertThat(answer.get("warnings")).anySatisfy(w -> {
                assertThat(w.get("kind").asString()).isEqualTo("index-partial");
                assertThat(w.get("message").asString()).startsWith("Une partie de l'index de recherche ne répond pas");
            });
            answer.get("citations").forEach(c -> assertThat(c.get("file").asString()).isIn(ownFiles));

            // The search endpoint and the table's rows say so too.
            ApiClient.Response searched = on(node, "reclamations").postJson("/api/capsules/reclamations/search", Map.of("question", QUESTION));
            assertThat(searched.status()).as(searched.body()).isEqualTo(200);
            assertThat(searched.json().get("complete").asBoolean()).isFalse();
            assertThat(searched.json().get("warnings")).singleElement().satisfies(w -> {
                assertThat(w.get("kind").asString()).isEqualTo("index-partial");
                assertThat(w.get("message").asString()).contains("que d'une partie des documents");
            });
            searched.json().get("passages").forEach(p -> assertThat(p.get("file").asString()).isIn(ownFiles));
            ApiClient.Response drafted = on(node, "inspecteur").postJson("/api/capsules/mesures-inspection/drafts",
                    Map.of("input", "1. Le registre des contentions n'est pas tenu à jour."));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            assertThat(drafted.json().get("content").get("rows")).singleElement().satisfies(row ->
                    assertThat(row.get("warnings").toString()).contains("Une partie de l'index de recherche ne répond pas"));
        }
    }
}
