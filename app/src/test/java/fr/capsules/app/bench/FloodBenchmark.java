package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Issue 13, fair use: one person floods the service with questions (16 at a time, without pause) while another asks
 * one question after the other; the other's latency is measured quiet, then during the flood. The fake model server
 * takes {@link #MODEL_TIME} per answer, and the model queue has {@link #SLOTS} slots (a small model server). Run with
 * the per-person limits ({@link FairUseOnBenchmark}) and without them ({@link FairUseOffBenchmark}, the plain queue),
 * outside the test suite (the class names match no test pattern):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest='FairUseO*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class FloodBenchmark {

    static final Duration MODEL_TIME = Duration.ofMillis(150);
    static final int SLOTS = 2;
    static final int FLOODERS = 16;
    static final int MEASURED = 40;
    static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");
    private static final String QUESTION = "Quels outils d'IA ai-je le droit d'utiliser sur des documents internes ?";

    @LocalServerPort
    int port;

    static void common(DynamicPropertyRegistry registry, String inFlight) throws java.io.IOException {
        Path data = Files.createTempDirectory("capsules-flood-bench-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.model-queue.slots", () -> String.valueOf(SLOTS));
        registry.add("capsules.model-queue.waiting", () -> "1000");
        registry.add("capsules.model-queue.max-wait", () -> "120s");
        registry.add("capsules.fair-use.questions.in-flight", () -> inFlight);
        registry.add("capsules.fair-use.questions.per-minute", () -> "1000000");
    }

    abstract String name();

    private int ask(HttpClient http, String username) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/capsules/charte-ia/ask"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + QUESTION + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long[] measure(HttpClient http) throws Exception {
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            assertThat(ask(http, "dpo")).isEqualTo(200);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    @Test
    void anotherPersonsLatencyDuringAFlood() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Seuls les outils validés par la DSI sont autorisés [1].")
                .withFirstTokenDelay(MODEL_TIME));
        try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            for (int i = 0; i < 10; i++) {
                ask(http, "dpo");
            }
            long[] quiet = measure(http);

            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long[] flood;
            try (ExecutorService flooders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int f = 0; f < FLOODERS; f++) {
                    flooders.execute(() -> {
                        while (flooding.get()) {
                            try {
                                if (ask(http, "agent") == 429) {
                                    refused.incrementAndGet();
                                    Thread.sleep(20);
                                } else {
                                    accepted.incrementAndGet();
                                }
                            } catch (Exception e) {
                                return;
                            }
                        }
                    });
                }
                Thread.sleep(1000);
                flood = measure(http);
                flooding.set(false);
            }
            BenchmarkReport report = new BenchmarkReport()
                    .line("Flood benchmark, " + name() + ": model " + MODEL_TIME.toMillis() + " ms per answer, " + SLOTS
                            + " model slots, " + FLOODERS + " concurrent flooding requests from one person")
                    .line("  other person, quiet:        " + BenchmarkReport.percentiles(quiet))
                    .line("  other person, during flood: " + BenchmarkReport.percentiles(flood))
                    .line("  flooder: " + accepted.get() + " questions answered, " + refused.get() + " refused (429)");
            report.write("flood-" + name() + ".txt");
        }
    }
}
