package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import fr.capsules.ingest.Bombs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * Issue 13, parsing in a sandbox: a referent uploads hostile files without pause (a PDF whose stream
 * inflates to 1.1 GB, a DOCX whose document part inflates to 600 MB, two at a time) while another person
 * asks one question after the other; the other's latency is measured quiet, then during the hostile
 * uploads. The fake model server takes {@link #MODEL_TIME} per answer. Run with the parsing in child JVMs
 * ({@link HostileUploadSandboxBenchmark}, the default) and in the service's JVM ({@link
 * HostileUploadInProcessBenchmark}), outside the test suite (the class names match no test pattern):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl ingest,app test -Dtest='HostileUpload*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class HostileUploadBenchmark {

    static final Duration MODEL_TIME = Duration.ofMillis(150);
    static final int UPLOADERS = 2;
    static final int MEASURED = 40;
    static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");
    private static final String QUESTION = "Quels outils d'IA ai-je le droit d'utiliser sur des documents internes ?";

    @LocalServerPort
    int port;

    static void common(DynamicPropertyRegistry registry, boolean sandbox) throws java.io.IOException {
        Path data = Files.createTempDirectory("capsules-hostile-bench-");
        registry.add("capsules.data-dir", data::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.fair-use.questions.in-flight", () -> "1000");
        registry.add("capsules.fair-use.questions.per-minute", () -> "1000000");
        registry.add("capsules.ingestion.parse-sandbox", () -> String.valueOf(sandbox));
    }

    abstract String name();

    private int ask(HttpClient http) throws Exception {
        String basic = Base64.getEncoder().encodeToString("dpo:demo".getBytes(StandardCharsets.UTF_8));
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
            assertThat(ask(http)).isEqualTo(200);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    @Test
    void anotherPersonsLatencyDuringHostileUploads() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("Seuls les outils validés par la DSI sont autorisés [1].")
                .withFirstTokenDelay(MODEL_TIME));
        ApiClient referent = ApiClient.as(port, "referent", "demo");
        String capsule = "essai-bombes-" + System.nanoTime() % 1_000_000;
        ApiClient.Response created = referent.postJson("/api/capsules", Map.of(
                "id", capsule, "name", "Capsule d'essai", "purpose", "Recevoir des fichiers hostiles.",
                "referent", "Romain Référent", "scope", Map.of("generic", true, "services", List.of()), "kind", "chat"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<Part> bombs = List.of(Part.of("bombe.pdf", Bombs.pdf(1100L * 1024 * 1024)),
                Part.of("bombe.docx", Bombs.docx(600L * 1024 * 1024)));
        try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            for (int i = 0; i < 10; i++) {
                ask(http);
            }
            long[] quiet = measure(http);

            AtomicBoolean uploading = new AtomicBoolean(true);
            AtomicInteger files = new AtomicInteger();
            AtomicInteger failedTooLarge = new AtomicInteger();
            long[] hostile;
            long start = System.nanoTime();
            try (ExecutorService uploaders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int u = 0; u < UPLOADERS; u++) {
                    int first = u;
                    uploaders.execute(() -> {
                        for (int n = first; uploading.get(); n++) {
                            ApiClient.Response response = referent.upload("/api/capsules/" + capsule + "/documents",
                                    List.of(bombs.get(n % bombs.size())));
                            files.incrementAndGet();
                            if (response.body().contains("too-large")) {
                                failedTooLarge.incrementAndGet();
                            }
                        }
                    });
                }
                Thread.sleep(1000);
                hostile = measure(http);
                uploading.set(false);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            BenchmarkReport report = new BenchmarkReport()
                    .line("Hostile upload benchmark, " + name() + ": model " + MODEL_TIME.toMillis() + " ms per answer, "
                            + UPLOADERS + " uploads of bombs at a time (PDF 1.1 GB, DOCX 600 MB once inflated)")
                    .line("  other person, quiet:                 " + BenchmarkReport.percentiles(quiet))
                    .line("  other person, during hostile uploads: " + BenchmarkReport.percentiles(hostile))
                    .line(String.format(java.util.Locale.ROOT, "  hostile files: %d uploaded in %.0f s, %d failed as too-large",
                            files.get(), seconds, failedTooLarge.get()));
            report.write("hostile-upload-" + name().replace(' ', '-') + ".txt");
        }
    }
}
