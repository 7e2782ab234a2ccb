package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark of issue 16, not part of the test suite (the class name matches no test pattern):
 *
 * <pre>
 * ./mvnw -pl app -am test -Dtest=OpenAiOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Overhead of the OpenAI-compatible API over the ask endpoint: the same question on the same
 * capsule, the fake Ollama answering instantly, as {@code POST /v1/chat/completions} and as
 * {@code POST /api/capsules/{id}/ask}, both with the same bearer API token and the same HTTP
 * client, alternately (the order swapped every round) in one run, JSON and streamed.
 * {@code -Drounds=N} changes the number of measured rounds (1000 by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpenAiOverheadBenchmark {

    private static final String TOKEN = "cap_benchmark-openai";
    private static final String QUESTION = "Dans quel délai faut-il accuser réception d'une réclamation ?";
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");
    private static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("capsules-bench-openai-");
            Files.writeString(ROOT.resolve("users.yaml"), """
                    users:
                      - username: bench
                        displayName: Banc d'essai
                        passwordHash: "%s"
                        roles: [AGENT]
                        services: [reclamations]
                        apiTokenHashes: ["%s"]
                    """.formatted(new BCryptPasswordEncoder().encode("bench"), sha256(TOKEN)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("capsules.data-dir", ROOT::toString);
        registry.add("capsules.catalog-dir", () -> Path.of("..", "capsules").toAbsolutePath().normalize().toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("logging.level.fr.capsules", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    /** One way in: its path, body and Accept header. */
    private record Route(String path, String body, String accept) {}

    private static final Route ASK = new Route("/api/capsules/reclamations/ask",
            "{\"question\": \"" + QUESTION + "\"}", "application/json");
    private static final Route COMPLETION = new Route("/v1/chat/completions",
            "{\"model\": \"reclamations\", \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}",
            "application/json");
    private static final Route ASK_STREAM = new Route(ASK.path(), ASK.body(), "text/event-stream");
    private static final Route COMPLETION_STREAM = new Route(COMPLETION.path(),
            COMPLETION.body().replace("{\"model\"", "{\"stream\": true, \"model\""), "text/event-stream");

    @Test
    void completionsAgainstAskOnTheSameQuestion() throws Exception {
        OLLAMA.withDefaultResponder(call -> ScriptedReply.text("L'accusé de réception est adressé sous huit jours ouvrés [1]."));
        int rounds = Integer.getInteger("rounds", 1000);
        BenchmarkReport report = new BenchmarkReport()
                .line("capsule reclamations (example catalogue), fake Ollama answering instantly, " + rounds + " rounds each,"
                        + " alternately");
        compare(report, "JSON", ASK, COMPLETION, rounds);
        compare(report, "streamed", ASK_STREAM, COMPLETION_STREAM, rounds);
        report.write("openai-overhead.txt");
    }

    private void compare(BenchmarkReport report, String what, Route ask, Route completion, int rounds) throws Exception {
        for (int i = 0; i < 200; i++) {
            time(ask);
            time(completion);
        }
        long[] asks = new long[rounds];
        long[] completions = new long[rounds];
        long[] differences = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                asks[i] = time(ask);
                completions[i] = time(completion);
            } else {
                completions[i] = time(completion);
                asks[i] = time(ask);
            }
            differences[i] = completions[i] - asks[i];
        }
        long[] sorted = differences.clone();
        Arrays.sort(sorted);
        report.line(what + " POST " + ask.path() + ": " + BenchmarkReport.percentiles(asks))
                .line(what + " POST " + completion.path() + ": " + BenchmarkReport.percentiles(completions))
                .line(String.format(Locale.ROOT, "%s overhead: p50 %+.2f ms, p90 %+.2f ms (difference of the p50s %+.2f ms,"
                                + " of the p90s %+.2f ms)", what, BenchmarkReport.at(sorted, 0.5) / 1e6,
                        BenchmarkReport.at(sorted, 0.9) / 1e6, (p(completions, 0.5) - p(asks, 0.5)) / 1e6,
                        (p(completions, 0.9) - p(asks, 0.9)) / 1e6));
    }

    private static long p(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return BenchmarkReport.at(sorted, p);
    }

    /** The time from sending the request to holding the whole response, in nanoseconds. */
    private long time(Route route) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", route.accept())
                .POST(HttpRequest.BodyPublishers.ofString(route.body()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("huit jours ouvrés");
        return elapsed;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
