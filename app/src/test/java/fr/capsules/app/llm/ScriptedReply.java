package fr.capsules.app.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What {@link FakeOllamaServer} answers to one {@code POST /api/chat}, in the shape real Ollama uses.
 *
 * <p>Tests queue replies with {@link FakeOllamaServer#enqueue(ScriptedReply...)}; each chat request
 * consumes one. The same reply serves both modes: streamed as NDJSON token lines when the client
 * asked for {@code "stream": true} (Ollama's default), or as one JSON object otherwise.
 *
 * <p>Instances are immutable, so one reply may be queued several times and shared between threads;
 * {@link #withTokenDelay} and {@link #withFirstTokenDelay} return copies.
 */
public final class ScriptedReply {

    enum Kind { TOKENS, HTTP_ERROR, ERROR_MID_STREAM, TRUNCATED, INVALID_JSON, HANG, DISCONNECT, MALFORMED_LINE, INVALID_UTF8,
        ENDLESS }

    private final Kind kind;
    private final List<String> tokens;
    private final Duration tokenDelay;
    private final Duration firstTokenDelay;
    private final int status;
    private final String errorMessage;
    private final Duration hangFor;
    private final ReportedMetrics metrics;
    private final String doneReason;
    private final List<String> after;

    /**
     * The figures the final object reports, instead of the ones the fake computes (prompt tokens
     * counted from the messages, durations from the clock).
     */
    public record ReportedMetrics(int promptEvalCount, int evalCount, long promptEvalDurationNanos,
            long evalDurationNanos, long loadDurationNanos, long totalDurationNanos) {}

    private ScriptedReply(Kind kind, List<String> tokens, Duration tokenDelay, Duration firstTokenDelay,
            int status, String errorMessage, Duration hangFor) {
        this(kind, tokens, tokenDelay, firstTokenDelay, status, errorMessage, hangFor, null);
    }

    private ScriptedReply(Kind kind, List<String> tokens, Duration tokenDelay, Duration firstTokenDelay,
            int status, String errorMessage, Duration hangFor, ReportedMetrics metrics) {
        this(kind, tokens, tokenDelay, firstTokenDelay, status, errorMessage, hangFor, metrics, "stop", List.of());
    }

    private ScriptedReply(Kind kind, List<String> tokens, Duration tokenDelay, Duration firstTokenDelay,
            int status, String errorMessage, Duration hangFor, ReportedMetrics metrics, String doneReason, List<String> after) {
        this.doneReason = doneReason;
        this.after = List.copyOf(after);
        this.kind = kind;
        this.tokens = List.copyOf(tokens);
        this.tokenDelay = Objects.requireNonNull(tokenDelay);
        this.firstTokenDelay = Objects.requireNonNull(firstTokenDelay);
        this.status = status;
        this.errorMessage = errorMessage;
        this.hangFor = hangFor;
        this.metrics = metrics;
    }

    private static ScriptedReply of(Kind kind, List<String> tokens) {
        return new ScriptedReply(kind, tokens, Duration.ZERO, Duration.ZERO, 200, null, Duration.ZERO);
    }

    /** The assistant answers {@code text}, streamed as word-and-following-space tokens. */
    public static ScriptedReply text(String text) {
        return of(Kind.TOKENS, tokenise(text));
    }

    /** The assistant answers exactly these tokens, one NDJSON line each when streaming. */
    public static ScriptedReply tokens(List<String> tokens) {
        return of(Kind.TOKENS, tokens);
    }

    /**
     * The answer to a {@code format} request (JSON mode or a JSON schema): Ollama sends structured
     * output as ordinary message content, so this is {@link #text} under a name that says why.
     */
    public static ScriptedReply json(String json) {
        return text(json);
    }

    /** A well-formed, finished answer whose content is empty ({@code "done": true}). */
    public static ScriptedReply emptyContent() {
        return of(Kind.TOKENS, List.of());
    }

    /** No answer but an HTTP error with Ollama's body {@code {"error": errorMessage}}. */
    public static ScriptedReply httpError(int status, String errorMessage) {
        return new ScriptedReply(Kind.HTTP_ERROR, List.of(), Duration.ZERO, Duration.ZERO, status,
                Objects.requireNonNull(errorMessage), Duration.ZERO);
    }

    /**
     * HTTP 200, {@code tokensBefore} token lines ({@code "mot1 "}, {@code "mot2 "}…), then the line
     * {@code {"error": errorMessage}} and the end of the body: what Ollama does when generation fails
     * once streaming has begun (runner crash, out of memory). A non-streaming request gets HTTP 500
     * with the same error body, as Ollama cannot send a partial object.
     */
    public static ScriptedReply errorMidStream(int tokensBefore, String errorMessage) {
        List<String> before = IntStream.rangeClosed(1, tokensBefore).mapToObj(i -> "mot" + i + " ").toList();
        return new ScriptedReply(Kind.ERROR_MID_STREAM, before, Duration.ZERO, Duration.ZERO, 500,
                Objects.requireNonNull(errorMessage), Duration.ZERO);
    }

    /**
     * HTTP 200, {@code tokensBefore} token lines, then the body ends cleanly but without the final
     * {@code "done": true} line, as when a proxy or a dying runner cuts the stream. A non-streaming
     * request gets its connection closed without a response.
     */
    public static ScriptedReply truncatedStream(int tokensBefore) {
        List<String> before = IntStream.rangeClosed(1, tokensBefore).mapToObj(i -> "mot" + i + " ").toList();
        return of(Kind.TRUNCATED, before);
    }

    /** HTTP 200 whose body (or first NDJSON line) is not JSON, as from a misbehaving proxy. */
    public static ScriptedReply invalidJson() {
        return of(Kind.INVALID_JSON, List.of());
    }

    /**
     * Reads the request, then sends nothing at all (not even headers) for {@code duration}, then
     * drops the connection: exercises client timeouts. Server shutdown interrupts the wait.
     */
    public static ScriptedReply hang(Duration duration) {
        return new ScriptedReply(Kind.HANG, List.of(), Duration.ZERO, Duration.ZERO, 0, null, duration);
    }

    /** Reads the request, then closes the connection without any HTTP response. */
    public static ScriptedReply disconnect() {
        return of(Kind.DISCONNECT, List.of());
    }

    /**
     * A copy whose final line says {@code done_reason} is {@code reason}: {@code "length"} is what Ollama sends when
     * the answer reached {@code num_predict}.
     */
    public ScriptedReply withDoneReason(String reason) {
        return new ScriptedReply(kind, tokens, tokenDelay, firstTokenDelay, status, errorMessage, hangFor, metrics,
                Objects.requireNonNull(reason), after);
    }

    /**
     * {@code before} as token lines, then a line that is not JSON ({@code {"model": "…", "message": {"content": "mot}}
     * cut in the middle, as from a buggy proxy), then {@code after} and the final line: a client that skips the bad
     * line loses words without noticing.
     */
    public static ScriptedReply malformedLineBetween(String before, String after) {
        return new ScriptedReply(Kind.MALFORMED_LINE, tokenise(before), Duration.ZERO, Duration.ZERO, 200, null, Duration.ZERO,
                null, "stop", tokenise(after));
    }

    /**
     * {@code before} as token lines, then a token line whose content holds bytes that are not UTF-8 ({@code 0xC3 0x28},
     * a broken "é"), then {@code after} and the final line.
     */
    public static ScriptedReply invalidUtf8Between(String before, String after) {
        return new ScriptedReply(Kind.INVALID_UTF8, tokenise(before), Duration.ZERO, Duration.ZERO, 200, null, Duration.ZERO,
                null, "stop", tokenise(after));
    }

    /**
     * {@code opening} as token lines, then {@code phrase} over and over, never ending (until the client leaves, the
     * server closes, or a million tokens): a model caught in a loop.
     */
    public static ScriptedReply endless(String opening, String phrase) {
        return new ScriptedReply(Kind.ENDLESS, tokenise(opening), Duration.ZERO, Duration.ZERO, 200, null, Duration.ZERO,
                null, "stop", tokenise(phrase));
    }

    /** These tokens, then the line {@code {"error": errorMessage}} instead of the final line (see {@link #errorMidStream}). */
    public ScriptedReply thenErrorLine(String errorMessage) {
        return new ScriptedReply(Kind.ERROR_MID_STREAM, tokens, tokenDelay, firstTokenDelay, 500,
                Objects.requireNonNull(errorMessage), hangFor, metrics, doneReason, after);
    }

    /** These tokens, then the body ends without the final line (see {@link #truncatedStream}). */
    public ScriptedReply thenCut() {
        return new ScriptedReply(Kind.TRUNCATED, tokens, tokenDelay, firstTokenDelay, status, errorMessage, hangFor, metrics,
                doneReason, after);
    }

    /** A copy waiting {@code delay} before each token (50 ms is 20 tokens per second). */
    public ScriptedReply withTokenDelay(Duration delay) {
        return new ScriptedReply(kind, tokens, delay, firstTokenDelay, status, errorMessage, hangFor, metrics, doneReason, after);
    }

    /**
     * A copy waiting {@code delay} before the response starts, as while Ollama loads the model:
     * streaming headers are only sent with the first token, like Ollama does.
     */
    public ScriptedReply withFirstTokenDelay(Duration delay) {
        return new ScriptedReply(kind, tokens, tokenDelay, delay, status, errorMessage, hangFor, metrics, doneReason, after);
    }

    /** A copy whose final object reports exactly these figures (Ollama's counts and nanoseconds). */
    public ScriptedReply withMetrics(ReportedMetrics reported) {
        return new ScriptedReply(kind, tokens, tokenDelay, firstTokenDelay, status, errorMessage, hangFor,
                Objects.requireNonNull(reported), doneReason, after);
    }

    /** The whole content the tokens add up to. */
    public String content() {
        return String.join("", tokens);
    }

    Kind kind() {
        return kind;
    }

    List<String> tokens() {
        return tokens;
    }

    Duration tokenDelay() {
        return tokenDelay;
    }

    Duration firstTokenDelay() {
        return firstTokenDelay;
    }

    int status() {
        return status;
    }

    String errorMessage() {
        return errorMessage;
    }

    Duration hangFor() {
        return hangFor;
    }

    ReportedMetrics metrics() {
        return metrics;
    }

    String doneReason() {
        return doneReason;
    }

    /** The tokens after the faulty line, or the phrase an endless reply repeats. */
    List<String> after() {
        return after;
    }

    /** "Selon le document" becomes "Selon ", "le ", "document": whitespace stays with the word before. */
    static List<String> tokenise(String text) {
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split("(?<=\\s)(?=\\S)")) {
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.TOKENS ? "[" + content() + "]" : errorMessage == null ? "" : "[" + errorMessage + "]");
    }
}
