package fr.capsules.app.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.llm.FakeOllamaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Measures of issue 11, not part of the test suite (the class name matches no test pattern):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest=WorkshopEvaluationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>1. The three example capsules through their own gate, as the demo starts (CatalogueGateCheck, logged), then
 * again by the API: questions.yaml imported, evaluated (the fake model quoting its first passage), gate report,
 * publication. 2. Evaluation time of 30 reference questions on a
 * synthetic capsule with no model, then with the fake model answering at 20 tokens/s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkshopEvaluationBenchmark {

    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("capsules-workshop-bench-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.ollama.timeout", () -> "60s");
        registry.add("capsules.ollama.health-interval", () -> "1s");
        registry.add("capsules.publication.gate", () -> "true");
        // As the demo starts: each example capsule through its gate once indexed (logged by CatalogueGateCheck).
        registry.add("capsules.publication.check-catalogue", () -> "true");
        registry.add("capsules.fair-use.questions.in-flight", () -> "50");
        registry.add("capsules.fair-use.questions.per-minute", () -> "100000");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void measure() throws Exception {
        ApiClient admin = ApiClient.as(port, "admin", "demo");
        awaitCatalogue(admin);
        StringBuilder report = new StringBuilder("\n=== Issue 11 — workshop measures ===\n");

        OLLAMA.withDefaultResponder(QuotingModel::reply);
        awaitStartupChecks(admin);
        for (String capsule : List.of("charte-ia", "reclamations", "mesures-inspection")) {
            ApiClient.Response imported = admin.postJson("/api/capsules/" + capsule + "/questions/import", "");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            JsonNode evaluation = WorkshopFixture.evaluate(admin, capsule);
            JsonNode gate = admin.get("/api/capsules/" + capsule + "/publication").json();
            ApiClient.Response published = admin.postJson("/api/capsules/" + capsule + "/publish", Map.of());
            report.append(String.format("%-20s questions %2d  hitAt5 %s  mrr %s  answerableAbstained %s  passed %s  gate %s  publish %d%s%n",
                    capsule, evaluation.get("metrics").get("questions").asInt(), evaluation.get("metrics").get("hitAt5"),
                    evaluation.get("metrics").get("mrr"), evaluation.get("metrics").get("answerableAbstained"),
                    evaluation.get("passed"), gate.get("publishable"), published.status(),
                    published.status() == 200 ? "" : " " + published.json().get("failedChecks")));
        }

        String capsule = "bench-vaccination";
        assertThat(admin.postJson("/api/capsules", WorkshopFixture.definition(capsule, "")).status()).isEqualTo(201);
        WorkshopFixture.upload(admin, capsule, WorkshopFixture.CALENDAR, WorkshopFixture.COLD_CHAIN, WorkshopFixture.SIDE_EFFECTS,
                WorkshopFixture.STOCK);
        assertThat(admin.putJson("/api/capsules/" + capsule + "/questions", thirtyQuestions()).status()).isEqualTo(200);

        OLLAMA.withModels();
        Thread.sleep(2500);
        JsonNode noModel = WorkshopFixture.evaluate(admin, capsule);
        report.append(line("30 questions, no model", noModel));

        OLLAMA.withModels("mistral-small3.2").withDefaultResponder(call -> paced(call));
        Thread.sleep(2500);
        JsonNode paced = WorkshopFixture.evaluate(admin, capsule);
        report.append(line("30 questions, fake model 20 tokens/s (≤ 60 tokens per answer)", paced));
        System.out.println(report);
    }

    private static fr.capsules.app.llm.ScriptedReply paced(fr.capsules.app.llm.ChatCall call) {
        fr.capsules.app.llm.ScriptedReply reply = QuotingModel.reply(call);
        String[] words = reply.content().split(" ");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Math.min(60, words.length); i++) {
            tokens.add((i == 0 ? "" : " ") + words[i]);
        }
        return fr.capsules.app.llm.ScriptedReply.tokens(tokens).withTokenDelay(Duration.ofMillis(50));
    }

    private static String line(String what, JsonNode evaluation) {
        JsonNode m = evaluation.get("metrics");
        long modes = 0;
        Map<String, Integer> byMode = new LinkedHashMap<>();
        for (JsonNode q : evaluation.get("questions")) {
            byMode.merge(q.get("mode").asString(), 1, Integer::sum);
            modes++;
        }
        return String.format("%-62s %6d ms  (%d questions, modes %s, hitAt5 %s, passed %s)%n", what, m.get("millis").asLong(),
                modes, byMode, m.get("hitAt5"), evaluation.get("passed"));
    }

    private static List<Map<String, Object>> thirtyQuestions() {
        List<Map<String, Object>> thirty = new ArrayList<>();
        String[] prefixes = {"", "Pouvez-vous me dire : ", "Petite question de collègue : "};
        for (String prefix : prefixes) {
            for (Map<String, Object> q : WorkshopFixture.questions()) {
                Map<String, Object> copy = new LinkedHashMap<>(q);
                String text = (String) q.get("question");
                copy.put("question", prefix.isEmpty() ? text : prefix + Character.toLowerCase(text.charAt(0)) + text.substring(1));
                thirty.add(copy);
            }
        }
        return thirty;
    }

    /** Waits for the start-up check to have evaluated the three example capsules. */
    private static void awaitStartupChecks(ApiClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (String capsule : List.of("charte-ia", "reclamations", "mesures-inspection")) {
            while (true) {
                JsonNode runs = client.get("/api/capsules/" + capsule + "/evaluations").json();
                if (runs.size() > 0 && !"running".equals(runs.get(0).get("status").asString())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("start-up check of " + capsule + " not finished");
                }
                Thread.sleep(500);
            }
        }
    }

    private static void awaitCatalogue(ApiClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get("/actuator/health/readiness").status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("catalogue not indexed after 5 minutes");
    }
}
