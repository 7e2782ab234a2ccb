package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import fr.capsules.app.llm.FakeOllamaServer;
import fr.capsules.app.llm.ScriptedReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, point 4: a thousand open streams on one node. Not part of the test suite (the class name matches no test
 * pattern):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest=StreamCapacityBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * # -Dstreams=N (1,000 by default), -Dstreams.comparison=N (200 by default); figures also in
 * # app/target/benchmarks/stream-capacity.txt
 * </pre>
 *
 * <p>The real service (Spring Boot, Tomcat, security, fair use, the model queue, retrieval on a synthetic capsule,
 * the service's own Ollama stream reader) answers {@code N} questions at once as server-sent events, against the fake
 * Ollama emitting 41 tokens at 20 tokens/s; each conversation's tokens carry its own marker (as in issue 3's
 * harness). Asserted: every stream ends with {@code done}, the streamed text is the final answer, and carries its own
 * conversation's 40 markers and no other's. Measured: time to first token seen by the client, wall time, heap after
 * GC with the streams open and after they ended, live platform and virtual threads at the peak; then the same
 * {@code N} streams opened directly on the fake model server in the same run (the ratio is the service's cost).
 *
 * <p>Fair use is raised for the run (one person, {@code agent}, may have {@code 2N} questions in flight) and the
 * model queue holds {@code N} generations at once, so that neither refuses nor queues: what is measured is the
 * streaming path itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StreamCapacityBenchmark {

    private static final int STREAMS = Integer.getInteger("streams", 1000);
    private static final int COMPARISON = Integer.getInteger("streams.comparison", 200);
    private static final int MARKERS = 40;
    private static final Duration TOKEN_DELAY = Duration.ofMillis(50);
    private static final FakeOllamaServer OLLAMA = FakeOllamaServer.start().withModels("mistral-small3.2");
    // Letters rather than digits: a number in the question would be searched for too (the notes are numbered) and
    // could change the evidence, and so the mode, of one question among a thousand.
    private static final Pattern MARKER = Pattern.compile("conversation-([b-z]+)");
    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));

    private final ExecutorService clientTasks = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(clientTasks)
            .connectTimeout(Duration.ofSeconds(60))
            .build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void capsule(DynamicPropertyRegistry registry) throws Exception {
        Path root = Files.createTempDirectory("capsules-streams-");
        SyntheticCapsule.write(root.resolve("catalog"), "mesure", 100, 10);
        registry.add("capsules.data-dir", () -> root.resolve("data").toString());
        registry.add("capsules.catalog-dir", () -> root.resolve("catalog").toString());
        registry.add("capsules.ollama.base-url", OLLAMA::baseUrl);
        registry.add("capsules.ollama.chat-model", () -> "mistral-small3.2");
        registry.add("capsules.fair-use.questions.in-flight", () -> 2 * Math.max(STREAMS, COMPARISON));
        registry.add("capsules.fair-use.questions.per-minute", () -> 1_000_000);
        registry.add("capsules.model-queue.slots", () -> Math.max(STREAMS, COMPARISON));
        registry.add("capsules.model-queue.waiting", () -> Math.max(STREAMS, COMPARISON));
        registry.add("server.tomcat.accept-count", () -> 1024);
        // A thousand connections opened at once on a loaded machine: the default 3 s would count a slow accept as a
        // model server that does not answer.
        registry.add("capsules.ollama.connect-timeout", () -> "60s");
        registry.add("logging.level.fr.capsules", () -> "WARN");
        // Why a generation failed, if one does (the cause is logged at debug level).
        registry.add("logging.level.fr.capsules.app.ask.Asking", () -> "DEBUG");
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void aThousandConcurrentStreams() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.line("load average before: " + BenchmarkReport.loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        // Warm-up: the service's paths compiled, connections and pools opened.
        round(Target.SERVICE, 20, 0, false);
        round(Target.DIRECT, 20, 100, false);
        round(Target.SERVICE, 50, 200, false);
        round(Target.DIRECT, 50, 300, false);
        long idle = heapAfterGc();
        report.line(String.format(Locale.ROOT, "heap after GC, idle before the runs: %.1f MB; platform threads %d",
                idle / 1e6, threads().getThreadCount()));
        int base = 10_000;
        List<String> failures = new ArrayList<>();
        for (int n : List.of(COMPARISON, STREAMS)) {
            Round service = round(Target.SERVICE, n, base, true);
            base += 10_000;
            Round direct = round(Target.DIRECT, n, base, true);
            base += 10_000;
            failures.addAll(service.failures());
            failures.addAll(direct.failures());
            report.line("");
            report.line(n + " concurrent streams, load average " + BenchmarkReport.loadAverage());
            report.line(service.describe("through the service"));
            report.line(direct.describe("directly on the fake"));
            report.line(String.format(Locale.ROOT, "time to first token, service / direct: p50 %.2f×, p99 %.2f×",
                    (double) BenchmarkReport.at(service.sortedTtft(), 0.50) / BenchmarkReport.at(direct.sortedTtft(), 0.50),
                    (double) BenchmarkReport.at(service.sortedTtft(), 0.99) / BenchmarkReport.at(direct.sortedTtft(), 0.99)));
            report.line(String.format(Locale.ROOT, "heap per open stream (service run, heap with the %d streams open − after): %.1f kB",
                    n, (service.peak().heapAfterGc() - service.heapAfterGc()) / 1e3 / n));
        }
        report.line("");
        report.line("load average after: " + BenchmarkReport.loadAverage());
        report.write("stream-capacity.txt");
        assertThat(failures).as("streams that failed").isEmpty();
    }

    private enum Target { SERVICE, DIRECT }

    /** Forgets the recorded requests; each conversation's 40 tokens carry its marker, then "[1].". */
    private static void resetModel() {
        OLLAMA.reset();
        OLLAMA.withDefaultResponder(call -> {
            Matcher matcher = MARKER.matcher(call.lastUserMessage());
            String id = matcher.find() ? matcher.group(1) : "inconnue";
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < MARKERS; i++) {
                // Numbered, so that the service's loop detection (Repetition) sees no loop.
                tokens.add("conversation-" + id + "/" + i + " ");
            }
            tokens.add("[1].");
            return ScriptedReply.tokens(tokens).withTokenDelay(TOKEN_DELAY);
        });
    }

    /** What the JVM held while the round's streams were all open (every one had its first token). */
    private record Peak(long heapAfterGc, int platformThreads, int peakPlatformThreads, Map<String, Integer> platformByName,
            Map<String, Integer> virtualByRole, int virtualThreads) {}

    private record Round(int streams, long[] ttft, long[] toModel, double seconds, long heapAfterGc, Peak peak, List<String> failures) {
        long[] sortedTtft() {
            long[] sorted = ttft.clone();
            java.util.Arrays.sort(sorted);
            return sorted;
        }

        String describe(String how) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %d/%d complete, %s, in %.2f s; time to first token %s; heap after GC once ended %.1f MB",
                    how, streams - failures.size(), streams,
                    failures.isEmpty() ? "none mixed up" : failures.size() + " failed, e.g. " + failures.getFirst(),
                    seconds, BenchmarkReport.percentiles(ttft), heapAfterGc / 1e6));
            if (toModel != null) {
                text.append(String.format(Locale.ROOT, "%n  of which request sent → request at the model server: %s",
                        BenchmarkReport.percentiles(toModel)));
            }
            if (peak != null) {
                text.append(String.format(Locale.ROOT,
                        "%n  with all %d open: heap after GC %.1f MB; platform threads %d (peak %d), virtual threads %d%n"
                                + "  platform threads by name: %s%n  virtual threads by role: %s",
                        streams, peak.heapAfterGc() / 1e6, peak.platformThreads(), peak.peakPlatformThreads(),
                        peak.virtualThreads(), peak.platformByName(), peak.virtualByRole()));
            }
            return text.toString();
        }
    }

    /** Opens {@code n} streams at once, checks each, and samples the JVM once all have had their first token. */
    private Round round(Target target, int n, int base, boolean sample) throws Exception {
        resetModel();
        threads().resetPeakThreadCount();
        long[] sentAt = new long[n];
        CountDownLatch firstTokens = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] ttft = new long[n];
        List<Future<?>> streams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            int id = base + i;
            streams.add(clientTasks.submit(() -> {
                go.await();
                long sent = System.nanoTime();
                sentAt[index] = sent;
                java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean();
                Runnable firstToken = () -> {
                    if (first.compareAndSet(false, true)) {
                        ttft[index] = System.nanoTime() - sent;
                        firstTokens.countDown();
                    }
                };
                try {
                String text = target == Target.SERVICE ? throughService(id, firstToken) : direct(id, firstToken);
                Matcher matcher = MARKER.matcher(text);
                int own = 0;
                while (matcher.find()) {
                    assertThat(matcher.group(1)).as("stream %d got another conversation's tokens", id).isEqualTo(code(id));
                    own++;
                }
                assertThat(own).as("markers of stream %d", id).isEqualTo(MARKERS);
                return null;
                } finally {
                    if (first.compareAndSet(false, true)) {
                        ttft[index] = System.nanoTime() - sent; // failed before its first token
                        firstTokens.countDown();
                    }
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        Peak peak = null;
        if (sample) {
            Map<String, Integer> waits = new TreeMap<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!firstTokens.await(1, TimeUnit.SECONDS)) {
                assertThat(System.nanoTime()).as("every stream had its first token").isLessThan(deadline);
                if (target == Target.SERVICE) {
                    sampleWaits(waits);
                }
            }
            if (!waits.isEmpty()) {
                StringBuilder text = new StringBuilder();
                waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                        .forEach(e -> text.append(e.getValue()).append('\t').append(e.getKey()).append('\n'));
                Path dir = Path.of("target", "benchmarks");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("stream-capacity-waits-" + n + ".txt"), text);
            }
            peak = peak();
        }
        List<String> failures = new ArrayList<>();
        for (Future<?> stream : streams) {
            try {
                stream.get(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause().getMessage()).replaceAll("\\s+", " "));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] toModel = null;
        if (target == Target.SERVICE) {
            Map<String, Long> arrived = new java.util.HashMap<>();
            for (FakeOllamaServer.ChatTiming timing : OLLAMA.chatTimings()) {
                Matcher matcher = MARKER.matcher(timing.call().lastUserMessage());
                if (matcher.find()) {
                    arrived.put(matcher.group(1), timing.arrivedNanos());
                }
            }
            toModel = new long[n];
            int known = 0;
            for (int i = 0; i < n; i++) {
                Long at = arrived.get(code(base + i));
                if (at != null) {
                    toModel[known++] = at - sentAt[i];
                }
            }
            toModel = java.util.Arrays.copyOf(toModel, Math.max(known, 1));
        }
        return new Round(n, ttft, toModel, seconds, sample ? heapAfterGc() : 0, peak, failures);
    }

    /** Asks through the service as a browser would; returns the streamed text, checked against the final answer. */
    private String throughService(int id, Runnable firstToken) throws IOException, InterruptedException {
        String question = "Registre des réclamations et procédure du siège : quel délai de réponse à l'usager pour la conversation-"
                + code(id) + " ?";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/capsules/mesure/ask"))
                .header("Authorization", BASIC)
                .header("Accept", "text/event-stream")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("status of stream %d", id).isEqualTo(200);
        StringBuilder streamed = new StringBuilder();
        JsonNode done = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    JsonNode data = JSON.readTree(line.substring(5).strip());
                    if (name.equals("token")) {
                        if (streamed.isEmpty()) {
                            firstToken.run();
                        }
                        streamed.append(data.get("text").asString());
                    } else if (name.equals("reset")) {
                        throw new AssertionError("stream " + id + " was reset: " + data);
                    } else if (name.equals("done")) {
                        done = data;
                    }
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        }
        assertThat(done).as("stream %d ended with done", id).isNotNull();
        assertThat(done.get("mode").asString()).as("mode of stream %d", id).isEqualTo("generative");
        assertThat(streamed.toString()).as("stream %d: streamed text is the answer", id).isEqualTo(done.get("answer").asString());
        return streamed.toString();
    }

    /** The same stream asked of the fake model server itself, as the service does ({@code /api/chat}, NDJSON). */
    private String direct(int id, Runnable firstToken) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("model", "mistral-small3.2", "stream", true, "messages",
                List.of(Map.of("role", "user", "content", "Registre des réclamations pour la conversation-" + code(id) + " ?"))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(OLLAMA.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder streamed = new StringBuilder();
        boolean done = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String piece = node.path("message").path("content").asString("");
                if (!piece.isEmpty()) {
                    if (streamed.isEmpty()) {
                        firstToken.run();
                    }
                    streamed.append(piece);
                }
                done |= node.path("done").asBoolean(false);
            }
        }
        assertThat(done).as("direct stream %d reached its final line", id).isTrue();
        return streamed.toString();
    }

    /** A conversation's marker: its number in consonants, four of them. */
    /** A conversation's marker code, in consonants: a number in the question would be searched for too. */
    static String code(int id) {
        StringBuilder code = new StringBuilder();
        for (int i = 0, rest = id; i < 4; i++, rest /= LETTERS.length()) {
            code.append(LETTERS.charAt(rest % LETTERS.length()));
        }
        return code.toString();
    }

    private static Peak peak() throws IOException, InterruptedException {
        ThreadMXBean threads = threads();
        long heap = heapAfterGc();
        Map<String, Integer> platformByName = new TreeMap<>();
        Set<Long> platformIds = new HashSet<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                platformIds.add(info.getThreadId());
                platformByName.merge(info.getThreadName().replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        }
        Map<String, Integer> virtualByRole = new TreeMap<>();
        int virtual = 0;
        JsonNode root = threadDump();
        for (JsonNode container : root.path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                JsonNode tid = thread.path("tid");
                if (platformIds.contains(tid.isNumber() ? tid.asLong() : Long.parseLong(tid.asString()))) {
                    continue;
                }
                virtual++;
                virtualByRole.merge(role(thread.path("stack").toString()), 1, Integer::sum);
            }
        }
        return new Peak(heap, threads.getThreadCount(), threads.getPeakThreadCount(), platformByName, virtualByRole, virtual);
    }

    /**
     * Where the service's threads are before the first tokens: the innermost frame of the service's code and the frame
     * it waits in, counted over the samples (a poor man's profile, written to target/benchmarks).
     */
    private static void sampleWaits(Map<String, Integer> waits) throws IOException {
        for (JsonNode container : threadDump().path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                List<String> stack = new ArrayList<>();
                thread.path("stack").forEach(frame -> stack.add(frame.asString()));
                for (String frame : stack) {
                    if (frame.contains("fr.capsules.app.") && !frame.contains(".bench.") && !FAKE.matcher(frame).find()) {
                        waits.merge(frame.replaceAll("\\(.*", "") + " <- in " + stack.getFirst().replaceAll("\\(.*", ""),
                                1, Integer::sum);
                        break;
                    }
                }
            }
        }
    }

    private static final Pattern FAKE = Pattern.compile(
            "fr\\.capsules\\.app\\.llm\\.(ConnectionRelay|OllamaRoutes|FakeOllamaServer|ChatReplyWriter|ReceivedRequests|JsonExchange|Gate)");

    private static JsonNode threadDump() throws IOException {
        Path dump = Files.createTempDirectory("capsules-threads-").resolve("threads.json");
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
        JsonNode root = JSON.readTree(Files.readString(dump));
        Files.delete(dump);
        Files.delete(dump.getParent());
        return root;
    }

    /** Whose virtual thread this is, from its stack. */
    private static String role(String stack) {
        if (stack.contains("fr.capsules.app.ask")) {
            return "service: answer stream";
        }
        if (stack.contains("fr.capsules.app.llm.ollama")) {
            return "service: model reader";
        }
        if (stack.contains("StreamCapacityBenchmark")) {
            return "benchmark client";
        }
        if (stack.contains("fr.capsules.app.llm.ConnectionRelay") || stack.contains("fr.capsules.app.llm.OllamaRoutes")
                || stack.contains("sun.net.httpserver")) {
            return "fake Ollama";
        }
        if (stack.contains("jdk.internal.net.http")) {
            return "HTTP client tasks";
        }
        return "other";
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static ThreadMXBean threads() {
        return ManagementFactory.getThreadMXBean();
    }
}
