package fr.capsules.app.llm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A fake Ollama on a free loopback port, speaking Ollama's HTTP API ({@code /api/version},
 * {@code /api/tags}, {@code /api/show}, {@code /api/chat} streamed or not, {@code /api/embed}) closely
 * enough for LangChain4j's own Ollama clients, so the service is tested through its real HTTP path.
 *
 * <pre>{@code
 * try (FakeOllamaServer ollama = FakeOllamaServer.start().withModels("mistral-small3.2")) {
 *     ollama.enqueue(ScriptedReply.text("Selon le document [1], oui.").withTokenDelay(Duration.ofMillis(50)));
 *     // point the service at ollama.baseUrl(), ask, then:
 *     assertThat(ollama.lastChatCall().systemPrompt()).contains("[1]");
 * }
 * }</pre>
 *
 * <p>Chat requests take their reply from a FIFO queue of {@link ScriptedReply}; once it is empty, from
 * the default responder (a short French answer citing "[1]"). Every request is recorded, even those
 * answered with an error. Installed at start: chat model {@value #DEFAULT_CHAT_MODEL} and embedding
 * model {@value #DEFAULT_EMBEDDING_MODEL} ({@value #DEFAULT_DIMENSION} dimensions); names without
 * a tag mean {@code :latest}, as in Ollama.
 *
 * <p>Thread-safe: configure, script and inspect from any thread, before or while requests run.
 * Each request runs on its own thread, so slow streams never hold back other requests.
 */
public final class FakeOllamaServer implements AutoCloseable {

    public static final String DEFAULT_CHAT_MODEL = "mistral-small3.2:latest";
    public static final String DEFAULT_EMBEDDING_MODEL = "all-minilm:latest";
    public static final int DEFAULT_DIMENSION = 384;

    /** What the default responder says; it cites passage [1] like the service's prompts ask. */
    public static final String DEFAULT_ANSWER =
            "D'après les documents fournis, la réponse se trouve dans la source [1].";

    /** Connections waiting to be accepted, at both doors: a thousand streams may open at once. */
    static final int BACKLOG = 1024;

    private final InstalledModels models = new InstalledModels();
    private final ReceivedRequests received = new ReceivedRequests();
    private final Queue<ScriptedReply> queue = new ConcurrentLinkedQueue<>();
    private final Gate embeddings = new Gate();
    private volatile Function<ChatCall, ScriptedReply> defaultResponder = FakeOllamaServer::defaultReply;
    private final ExecutorService executor;
    private final HttpServer http;
    private final ConnectionRelay relay;

    private FakeOllamaServer() throws IOException {
        models.replaceChatModels(DEFAULT_CHAT_MODEL);
        models.putEmbeddingModel(DEFAULT_EMBEDDING_MODEL, DEFAULT_DIMENSION);
        // A virtual thread per request: a thousand concurrent delayed streams (StreamCapacityBenchmark) must not
        // queue behind each other nor cost a platform thread each. Virtual threads are daemons, so a test forgetting
        // close() cannot hang the JVM.
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        http.createContext("/", new OllamaRoutes(models, received, this::nextReply, embeddings));
        http.setExecutor(executor);
        http.start();
        relay = new ConnectionRelay(http.getAddress().getPort(), received::connectionOpened, received::clientLeft);
    }

    /** Starts a server on {@code 127.0.0.1} and a free port. */
    public static FakeOllamaServer start() {
        try {
            return new FakeOllamaServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Ollama", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without trailing slash: the base URL Ollama clients expect. */
    public String baseUrl() {
        return "http://127.0.0.1:" + relay.port();
    }

    /** Installs exactly these chat models (replacing the previous chat models; embedding models stay). */
    public FakeOllamaServer withModels(String... chatModels) {
        models.replaceChatModels(chatModels);
        return this;
    }

    /** Installs (or redefines) an embedding model producing vectors of {@code dimension} floats. */
    public FakeOllamaServer withEmbeddingModel(String name, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        models.putEmbeddingModel(name, dimension);
        return this;
    }

    /**
     * Pulls new weights under the same name: {@code /api/tags} reports {@code digest} (64 hexadecimal digits, as
     * Ollama does) for {@code name} from now on; {@link #reset()} restores the digest derived from the name.
     */
    public FakeOllamaServer withDigest(String name, String digest) {
        models.setDigest(name, digest);
        return this;
    }

    /** The digest {@code /api/tags} reports now for the installed model {@code name}. */
    public String digestOf(String name) {
        return models.find(name).map(models::digest).orElseThrow(() -> new IllegalArgumentException("not installed: " + name));
    }

    /** Uninstalls a model: afterwards, requests naming it get Ollama's 404. */
    public FakeOllamaServer withoutModel(String name) {
        models.remove(name);
        return this;
    }

    /** Queues replies for the next chat requests, in order, one per request. */
    public FakeOllamaServer enqueue(ScriptedReply... replies) {
        for (ScriptedReply reply : replies) {
            queue.add(Objects.requireNonNull(reply));
        }
        return this;
    }

    /** Replaces the responder used when the queue is empty; it is called on the request's thread. */
    public FakeOllamaServer withDefaultResponder(Function<ChatCall, ScriptedReply> responder) {
        defaultResponder = Objects.requireNonNull(responder);
        return this;
    }

    /**
     * From now on, when the queue is empty, answers each chat request with the prompt it carried, as
     * a model that repeats its input would: the system message, then each other message, separated
     * by blank lines. Lets a test read through the service's own answer what reached the model.
     */
    public FakeOllamaServer echoingPrompts() {
        return withDefaultResponder(FakeOllamaServer::echo);
    }

    static ScriptedReply echo(ChatCall call) {
        return ScriptedReply.text(String.join("\n\n", call.messages().stream().map(ChatCall.Message::content).toList()));
    }

    /** Chat requests received so far, in arrival order (an immutable copy). */
    public List<ChatCall> chatCalls() {
        return received.chats();
    }

    /**
     * When a chat request arrived and when its reply's last byte was written, in {@link
     * System#nanoTime()} units, for the overhead benchmark (same JVM as the service).
     */
    public record ChatTiming(ChatCall call, long arrivedNanos, long repliedNanos) {}

    public List<ChatTiming> chatTimings() {
        return received.timings();
    }

    /** The latest chat request; {@link AssertionError} when none was received. */
    public ChatCall lastChatCall() {
        List<ChatCall> calls = received.chats();
        if (calls.isEmpty()) {
            throw new AssertionError("the fake Ollama received no chat request");
        }
        return calls.getLast();
    }

    /** Waits until at least {@code count} chat requests arrived; {@link AssertionError} on timeout. */
    public List<ChatCall> awaitChatCalls(int count, Duration timeout) {
        return received.awaitChats(count, timeout);
    }

    public List<EmbedCall> embedCalls() {
        return received.embeds();
    }

    /** The model names asked of {@code /api/show}, in order. */
    public List<String> showCalls() {
        return received.shows();
    }

    /** How many times {@code /api/tags} was called. */
    public int tagsCalls() {
        return received.tagsCount();
    }

    /**
     * Streams the client abandoned before their end: it closed the connection (seen at once, the fake's front door
     * being a relay that watches each connection, {@link ConnectionRelay}) or a write failed.
     */
    public int cancelledStreams() {
        return received.cancelledStreams();
    }

    /** Waits until at least {@code count} streams were abandoned; {@link AssertionError} on timeout. */
    public int awaitCancelledStreams(int count, Duration timeout) {
        return received.awaitCancelledStreams(count, timeout);
    }

    /**
     * Holds every {@code /api/embed} request (recorded at once, answered only after
     * {@link #releaseEmbeddings}): an indexing that stays in progress for as long as a test needs.
     */
    public FakeOllamaServer holdEmbeddings() {
        embeddings.close();
        return this;
    }

    /** Answers the held {@code /api/embed} requests and the next ones at once. */
    public FakeOllamaServer releaseEmbeddings() {
        embeddings.open();
        return this;
    }

    /**
     * Forgets queued replies and recorded requests and restores the default responder and the digests derived from the
     * names; models stay.
     */
    public FakeOllamaServer reset() {
        embeddings.open();
        queue.clear();
        received.clear();
        defaultResponder = FakeOllamaServer::defaultReply;
        models.resetDigests();
        return this;
    }

    /** Stops at once: streams and hangs in progress are cut, as if Ollama was killed. */
    @Override
    public void close() {
        relay.close();
        http.stop(0);
        executor.shutdownNow();
    }

    private ScriptedReply nextReply(ChatCall call) {
        ScriptedReply scripted = queue.poll();
        return scripted != null ? scripted : defaultResponder.apply(call);
    }

    /** Structured-output requests get valid JSON, so a service parsing it does not fail on the default. */
    private static ScriptedReply defaultReply(ChatCall call) {
        if (call.format() != null) {
            return ScriptedReply.json(JsonExchange.JSON.createObjectNode()
                    .put("answer", DEFAULT_ANSWER).toString());
        }
        return ScriptedReply.text(DEFAULT_ANSWER);
    }
}
