package fr.capsules.app.workshop;

import static fr.capsules.app.workshop.WorkshopFixture.CALENDAR;
import static fr.capsules.app.workshop.WorkshopFixture.COLD_CHAIN;
import static fr.capsules.app.workshop.WorkshopFixture.SIDE_EFFECTS;
import static fr.capsules.app.workshop.WorkshopFixture.STOCK;
import static fr.capsules.app.workshop.WorkshopFixture.TRAVEL;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.FakeOllamaServer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The referent's workshop through the real service, with the publication gate on: reference
 * questions checked against the capsule's documents, evaluation runs (the model quoting its first
 * passage), the gate refusing and naming what fails, a regression caught and repaired, two
 * publications at once, versions compared and rolled back, an administrator's override.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkshopIntegrationTests {

    // A context of its own (the gate on), hence a data folder and a model server of its own: the suite's shared
    // context keeps its indexes open in ServiceIntegrationTest's folder.
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start();
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("capsules-workshop-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", DATA_DIR::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.ollama.timeout", () -> "3s");
        registry.add("capsules.fair-use.questions.in-flight", () -> "50");
        registry.add("capsules.fair-use.questions.per-minute", () -> "100000");
        registry.add("capsules.publication.gate", () -> "true");
    }

    @BeforeEach
    void resetModelServer() {
        OLLAMA.reset();
    }

    @AfterAll
    static void stopModelServer() {
        OLLAMA.close();
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, "demo");
    }

    private static final String V1_INSTRUCTIONS = "Réponds en deux phrases au plus.\nCite toujours la note de service.";
    private static final String V2_INSTRUCTIONS = "Réponds en deux phrases au plus.\nRappelle le public concerné.";

    @Test
    void aRegressionIsCaughtByTheGateAndAnEarlierVersionComesBack() {
        OLLAMA.withDefaultResponder(QuotingModel::reply);
        ApiClient referent = as("referent");
        String capsule = "atelier-vaccination";
        String base = "/api/capsules/" + capsule;

        // Asking for "published" at creation no longer publishes: the capsule is a draft until it passes the gate.
        ApiClient.Response created = referent.postJson("/api/capsules", WorkshopFixture.definition(capsule, V1_INSTRUCTIONS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        WorkshopFixture.upload(referent, capsule, CALENDAR, COLD_CHAIN, SIDE_EFFECTS, STOCK);

        // Bad input: an empty list, a document the capsule does not hold.
        ApiClient.Response empty = referent.putJson(base + "/questions", List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("vide");
        List<Map<String, Object>> wrong = new ArrayList<>(WorkshopFixture.questions());
        wrong.set(1, WorkshopFixture.question("Quand commence la campagne ?", List.of("note-inexistante.pdf"), List.of()));
        ApiClient.Response unknown = referent.putJson(base + "/questions", wrong);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("question 2", "« note-inexistante.pdf » n'est pas dans la capsule");
        assertThat(referent.get(base + "/questions").json()).isEmpty();

        // Nothing to publish on: both checks named.
        ApiClient.Response refused = referent.postJson(base + "/publish", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/publication-refused");
        assertThat(refused.json().get("failedChecks").toString()).contains("questions de référence : 0 (au moins 8", "aucune évaluation");

        ApiClient.Response saved = referent.putJson(base + "/questions", WorkshopFixture.questions());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json()).hasSize(10);
        assertThat(saved.json().get(9).get("answerable").asBoolean()).isFalse();

        // An evaluation started twice: the second start is refused while the first runs.
        OLLAMA.withDefaultResponder(call -> QuotingModel.reply(call).withFirstTokenDelay(Duration.ofMillis(200)));
        ApiClient.Response first = referent.postJson(base + "/evaluations", Map.of());
        assertThat(first.status()).isEqualTo(202);
        ApiClient.Response second = referent.postJson(base + "/evaluations", Map.of());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("evaluationId").asString()).isEqualTo(first.json().get("id").asString());
        JsonNode passing = WorkshopFixture.awaitEvaluation(referent, capsule, first.json().get("id").asString());
        OLLAMA.withDefaultResponder(QuotingModel::reply);
        assertThat(passing.get("passed").asBoolean()).as(passing.toString()).isTrue();
        assertThat(passing.get("metrics").get("hitAt5").asDouble()).isEqualTo(1.0);
        assertThat(passing.get("metrics").get("unanswerableAnswered").asDouble()).isEqualTo(0.0);
        assertThat(passing.get("metrics").get("factsFound").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(passing.get("questions").get(9).get("mode").asString()).isEqualTo("abstained");
        assertThat(passing.get("questions").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(passing.get("corpusHash").asString()).matches("[0-9a-f]{64}");

        ApiClient.Response v1 = referent.postJson(base + "/publish", Map.of());
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        int firstVersion = v1.json().get("version").asInt();
        assertThat(v1.json().get("modelDigest").asString()).matches("[0-9a-f]{64}");
        assertThat(v1.json().get("evaluationId").asString()).isEqualTo(passing.get("id").asString());
        assertThat(referent.get(base).json().get("status").asString()).isEqualTo("published");
        assertThat(as("inspecteur").get(base).status()).isEqualTo(200);
        // An answer records the weights it came from.
        assertThat(as("inspecteur").postJson(base + "/ask", Map.of("question", "Quand commence la campagne de vaccination"
                + " contre la grippe saisonnière ?")).json().get("mode").asString()).isEqualTo("generative");
        assertThat(as("admin").get("/api/audit?capsule=" + capsule + "&action=ask&user=inspecteur").body())
                .contains("\"modelDigest\"", v1.json().get("modelDigest").asString());

        // New instructions, then the calendar removed: the three questions it answers fail and are named.
        assertThat(referent.putJson(base, WorkshopFixture.definition(capsule, V2_INSTRUCTIONS)).status()).isEqualTo(200);
        assertThat(referent.delete(base + "/documents/" + WorkshopFixture.documentId(referent, capsule, CALENDAR)).status())
                .isEqualTo(204);
        JsonNode failing = WorkshopFixture.evaluate(referent, capsule);
        assertThat(failing.get("passed").asBoolean()).isFalse();
        assertThat(failing.get("comparison").get("worse")).hasSize(3);
        ApiClient.Response regression = referent.postJson(base + "/publish", Map.of());
        assertThat(regression.status()).isEqualTo(409);
        String checks = regression.json().get("failedChecks").toString();
        assertThat(checks).contains("rappel diphtérie tétanos poliomyélite", "grippe saisonnière", "zona")
                .doesNotContain("chaîne du froid", "inventaire");

        // Put back (and one more document): it passes again, and two referents publishing at once: one wins.
        WorkshopFixture.upload(referent, capsule, CALENDAR, TRAVEL);
        JsonNode repaired = WorkshopFixture.evaluate(referent, capsule);
        assertThat(repaired.get("passed").asBoolean()).as(repaired.toString()).isTrue();
        assertThat(repaired.get("comparison").get("better")).hasSize(3);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> both = List.of(as("referent"), as("admin")).stream()
                .map(client -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return client.postJson(base + "/publish", Map.of());
                })).toList();
        go.countDown();
        List<Integer> statuses = both.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        JsonNode versions = referent.get(base + "/versions").json();
        assertThat(versions).hasSize(2);
        int secondVersion = versions.get(0).get("version").asInt();
        assertThat(versions.get(0).get("status").asString()).isEqualTo("published");
        assertThat(versions.get(1).get("status").asString()).isEqualTo("superseded");

        JsonNode comparison = referent.get(base + "/versions/compare?from=" + firstVersion + "&to=" + secondVersion).json();
        assertThat(comparison.get("documentsAdded").toString()).contains(TRAVEL);
        assertThat(comparison.get("documentsRemoved")).isEmpty();
        assertThat(comparison.get("instructions").toString()).contains("- Cite toujours la note de service.",
                "+ Rappelle le public concerné.");

        // Rollback to the first version: its instructions and its corpus (the travel note leaves), as a new version.
        ApiClient.Response rolledBack = referent.postJson(base + "/versions/" + firstVersion + "/rollback", Map.of());
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.json().get("rolledBackFrom").asInt()).isEqualTo(firstVersion);
        assertThat(referent.get(base).json().get("instructions").asString()).isEqualTo(V1_INSTRUCTIONS);
        assertThat(referent.get(base + "/documents").body()).doesNotContain(TRAVEL).contains(CALENDAR);
        assertThat(rolledBack.json().get("corpusHash").asString()).isEqualTo(v1.json().get("corpusHash").asString());

        // Rollback to the second version: the travel note's original went with the rollback; clear error, nothing changed.
        int before = referent.get(base).json().get("version").asInt();
        ApiClient.Response impossible = referent.postJson(base + "/versions/" + secondVersion + "/rollback", Map.of());
        assertThat(impossible.status()).isEqualTo(409);
        assertThat(impossible.json().get("detail").asString()).contains(TRAVEL, "rien n'a été changé");
        assertThat(referent.get(base).json().get("version").asInt()).isEqualTo(before);
        assertThat(referent.get(base + "/documents").body()).doesNotContain(TRAVEL);

        // The override: administrators only, with a reason, audited.
        assertThat(referent.putJson(base, WorkshopFixture.definition(capsule, V2_INSTRUCTIONS)).status()).isEqualTo(200);
        assertThat(referent.postJson(base + "/publish", Map.of("override", true, "reason", "urgence")).status()).isEqualTo(403);
        assertThat(as("admin").postJson(base + "/publish", Map.of("override", true)).status()).isEqualTo(400);
        ApiClient.Response overridden = as("admin").postJson(base + "/publish",
                Map.of("override", true, "reason", "Note ministérielle à diffuser ce jour ; évaluation demain"));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
        assertThat(overridden.json().get("overrideReason").asString()).startsWith("Note ministérielle");
        String audit = as("admin").get("/api/audit?capsule=" + capsule + "&action=capsule-published").body();
        assertThat(audit).contains("Note ministérielle", "rolledBackFrom");

        // The register shows the override, the last evaluation and the published model's digest.
        tools.jackson.databind.JsonNode entry = null;
        for (tools.jackson.databind.JsonNode e : as("admin").get("/api/register").json()) {
            if (e.get("id").asString().equals(capsule)) {
                entry = e;
            }
        }
        assertThat(entry).as("register entry of " + capsule).isNotNull();
        assertThat(entry.get("publicationOverride").asString()).startsWith("Note ministérielle");
        assertThat(entry.get("lastEvaluation").get("at").asString()).isNotBlank();
        assertThat(entry.get("modelDigest").isNull()).as("digest reported by the model server").isFalse();
        assertThat(entry.get("statusLabel").asString()).isEqualTo("publiée");
        assertThat(as("admin").get("/api/register?format=csv").body()).contains("Note ministérielle");
    }

    @Test
    void progressIsStreamedThenTheWholeResult() throws Exception {
        OLLAMA.withDefaultResponder(QuotingModel::reply);
        ApiClient referent = as("referent");
        String capsule = "atelier-vaccination-flux";
        assertThat(referent.postJson("/api/capsules", WorkshopFixture.definition(capsule, "")).status()).isEqualTo(201);
        WorkshopFixture.upload(referent, capsule, CALENDAR, COLD_CHAIN, SIDE_EFFECTS, STOCK);
        assertThat(referent.putJson("/api/capsules/" + capsule + "/questions", WorkshopFixture.questions()).status()).isEqualTo(200);

        HttpResponse<InputStream> stream = SseEvents.open(port, "referent", "/api/capsules/" + capsule + "/evaluations", "{}");
        assertThat(stream.statusCode()).isEqualTo(200);
        List<SseEvents.Event> events = SseEvents.read(stream.body(), e -> e.name().equals("done"));
        assertThat(events.stream().filter(e -> e.name().equals("progress")).count()).isEqualTo(10);
        SseEvents.Event done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("questions")).hasSize(10);
        assertThat(done.data().get("status").asString()).isEqualTo("finished");

        // The workshop page shows the gate's checks, the run question by question, the questions.
        ApiClient.Response page = referent.get("/capsules/" + capsule + "/atelier");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Atelier du référent", "Dernière évaluation", "Résultat par question",
                "Quel est le tarif de la cantine scolaire municipale ?", "déclinée", "Aucune version publiée.");
        assertThat(as("inspecteur").get("/capsules/" + capsule + "/atelier").status()).isIn(403, 404);

        // The questions go out in the catalogue's format and come back the same.
        String yaml = referent.get("/api/capsules/" + capsule + "/questions/export").body();
        assertThat(yaml).contains("answerable: false", "expectedDocuments");
        assertThat(as("inspecteur").putJson("/api/capsules/" + capsule + "/questions", WorkshopFixture.questions()).status())
                .isIn(403, 404);
    }

    @Test
    void theCataloguesQuestionsImportInBothSpellingsOfUnanswerable() {
        ApiClient referent = as("referent");
        String capsule = "atelier-import";
        assertThat(referent.postJson("/api/capsules", WorkshopFixture.definition(capsule, "")).status()).isEqualTo(201);
        WorkshopFixture.upload(referent, capsule, STOCK);
        String yaml = """
                - question: "Quand est réalisé l'inventaire du stock de vaccins ?"
                  expectedDocuments: ["stock-vaccins.md"]
                  expectedAnswer: "Chaque premier lundi du mois."
                - question: "Quel est le tarif de la cantine ?"
                  expected: none
                - question: "Qui est le maire ?"
                  answerable: false
                """;
        ApiClient.Response imported = referent.postJson("/api/capsules/" + capsule + "/questions/import", yaml);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get(0).get("answerable").asBoolean()).isTrue();
        assertThat(imported.json().get(1).get("answerable").asBoolean()).isFalse();
        assertThat(imported.json().get(2).get("answerable").asBoolean()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
