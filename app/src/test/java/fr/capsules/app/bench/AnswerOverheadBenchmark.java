package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.SseEvents;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Benchmarks of issue 3, not part of the test suite (the class name matches no test pattern):
 *
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -pl app test -Dtest=AnswerOverheadBenchmark
 * </pre>
 *
 * <p>1. Overhead of the service outside the model, on a capsule of 10 000 passages, with the fake
 * Ollama answering instantly: from the client sending the question to the request reaching Ollama
 * (retrieval, prompt, LangChain4j serialisation), and from Ollama's last byte to the client having
 * the whole answer (citations, grounding check, JSON). Both ends are in this JVM, so one clock.
 *
 * <p>2. 20 concurrent streamed conversations against a model emitting 20 tokens/s, five rounds:
 * every stream must finish, carry only its own conversation's tokens, and the heap must not grow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AnswerOverheadBenchmark {

    private static final int DOCUMENTS = 400;
    private static final int SECTIONS = 25;
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");
    private static final Pattern MARKER = Pattern.compile("conversation-([b-z]+)");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void capsule(DynamicPropertyRegistry registry) throws Exception {
        Path root = Files.createTempDirectory("capsules-bench-");
        SyntheticCapsule.write(root.resolve("catalog"), "mesure", DOCUMENTS, SECTIONS);
        registry.add("capsules.data-dir", () -> root.resolve("data").toString());
        registry.add("capsules.catalog-dir", () -> root.resolve("catalog").toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        // One person opens the 20 streams at once: the fair-use limits and the model queue must let them all through.
        registry.add("capsules.fair-use.questions.in-flight", () -> 40);
        registry.add("capsules.fair-use.questions.per-minute", () -> 1_000_000);
        registry.add("capsules.model-queue.slots", () -> 20);
        registry.add("capsules.model-queue.waiting", () -> 20);
        registry.add("logging.level.fr.capsules", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void overheadOutsideTheModel() throws Exception {
        ApiClient client = ApiClient.as(port, "agent", "demo");
        JsonNode detail = client.get("/api/capsules/mesure").json();
        BenchmarkReport report = new BenchmarkReport()
                .line("capsule: " + detail.get("documentCount").asInt() + " documents, " + DOCUMENTS * SECTIONS + " sections");
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Le registre des réclamations est tenu par le siège [1]."));
        Random random = new Random(7);
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            questions.add(SyntheticCapsule.sentence(random, 8).replace(".", " ?"));
        }
        for (int i = 0; i < 200; i++) {
            client.postJson("/api/capsules/mesure/ask", Map.of("question", questions.get(i % questions.size())));
        }
        int rounds = 600;
        long[] before = new long[rounds];
        long[] after = new long[rounds];
        int measured = 0;
        for (int i = 0; i < rounds; i++) {
            OLLAMA.reset();
            OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Le registre des réclamations est tenu par le siège [1]."));
            long sent = System.nanoTime();
            ApiClient.Response response = client.postJson("/api/capsules/mesure/ask", Map.of("question", questions.get(i % questions.size())));
            long received = System.nanoTime();
            assertThat(response.status()).isEqualTo(200);
            List<FakeOllamaServer.ChatTiming> timings = OLLAMA.chatTimings();
            if (timings.size() != 1 || !response.json().get("mode").asString().equals("generative")) {
                continue; // abstained: the model was not called, nothing to measure
            }
            before[measured] = timings.getFirst().arrivedNanos() - sent;
            after[measured] = received - timings.getFirst().repliedNanos();
            measured++;
        }
        assertThat(measured).isGreaterThan(rounds / 2);
        long[] pre = java.util.Arrays.copyOf(before, measured);
        long[] post = java.util.Arrays.copyOf(after, measured);
        report.line("request → first byte at Ollama: " + BenchmarkReport.percentiles(pre))
                .line("Ollama's last byte → response complete: " + BenchmarkReport.percentiles(post));
        report.write("answer-overhead.txt");
    }

    @Test
    void twentyConcurrentStreamsAtTwentyTokensPerSecond() throws Exception {
        OLLAMA.reset();
        OLLAMA.withDefaultResponder(call -> {
            Matcher matcher = MARKER.matcher(call.lastUserMessage());
            String id = matcher.find() ? matcher.group(1) : "?";
            List<String> tokens = new ArrayList<>();
            // Numbered, so that the service's loop detection does not take 40 equal tokens for a model repeating itself.
            for (int i = 0; i < 40; i++) {
                tokens.add("conversation-" + id + "/" + i + " ");
            }
            tokens.add("[1].");
            return ScriptedReply.tokens(tokens).withTokenDelay(Duration.ofMillis(50));
        });
        BenchmarkReport report = new BenchmarkReport();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        long[] heapAfterRound = new long[5];
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<String>> streams = new ArrayList<>();
                long start = System.nanoTime();
                for (int c = 0; c < 20; c++) {
                    int id = round * 100 + c;
                    streams.add(clients.submit(() -> stream(id)));
                }
                int ok = 0;
                for (int c = 0; c < 20; c++) {
                    String answer = streams.get(c).get();
                    int id = round * 100 + c;
                    Matcher matcher = MARKER.matcher(answer);
                    int own = 0;
                    while (matcher.find()) {
                        assertThat(matcher.group(1)).as("stream %d got another conversation's tokens", id).isEqualTo(StreamCapacityBenchmark.code(id));
                        own++;
                    }
                    assertThat(own).isEqualTo(40);
                    ok++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.gc();
                Thread.sleep(200);
                heapAfterRound[round] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                report.line(String.format(java.util.Locale.ROOT, "round %d: %d/20 streams complete in %.2f s, heap after GC %.1f MB",
                        round + 1, ok, seconds, heapAfterRound[round] / 1e6));
            }
        } finally {
            clients.shutdownNow();
        }
        // Stable: the last round holds no more than the second (after warm-up) plus 20 %.
        assertThat(heapAfterRound[4]).isLessThan((long) (heapAfterRound[1] * 1.2) + 10_000_000);
        report.write("concurrent-streams.txt");
    }

    private String stream(int id) {
        HttpResponse<InputStream> response = SseEvents.open(port, "agent", "/api/capsules/mesure/ask",
                "{\"question\": \"Registre des réclamations et procédure du siège pour la conversation-" + StreamCapacityBenchmark.code(id) + " ?\"}");
        List<SseEvents.Event> events = SseEvents.readAll(response.body());
        SseEvents.Event done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().get("mode").asString()).isEqualTo("generative");
        String streamed = events.stream().filter(e -> e.name().equals("token")).map(e -> e.data().get("text").asString())
                .reduce("", String::concat);
        assertThat(streamed).isEqualTo(done.data().get("answer").asString());
        return streamed;
    }
}
