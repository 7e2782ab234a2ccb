package fr.capsules.app.llm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays one {@link ScriptedReply} to one chat request, streamed or whole, with the fields and
 * metrics of Ollama's {@code /api/chat} responses (durations in nanoseconds).
 */
final class ChatReplyWriter {

    private static final String NOT_JSON = "<html><body>502 Bad Gateway</body></html>";
    private static final long LOAD_NANOS = 12_345_678L;

    private final JsonExchange exchange;
    private final ChatCall call;
    private final ReceivedRequests received;
    private final long startedNanos = System.nanoTime();

    ChatReplyWriter(JsonExchange exchange, ChatCall call, ReceivedRequests received) {
        this.exchange = exchange;
        this.call = call;
        this.received = received;
    }

    void write(ScriptedReply reply) throws IOException, InterruptedException {
        switch (reply.kind()) {
            case HTTP_ERROR -> exchange.sendError(reply.status(), reply.errorMessage());
            case DISCONNECT -> exchange.abort();
            case HANG -> {
                sleep(reply.hangFor());
                exchange.abort();
            }
            case INVALID_JSON -> {
                if (call.stream()) {
                    stream(() -> exchange.writeLine(NOT_JSON));
                } else {
                    exchange.send(200, "application/json; charset=utf-8", NOT_JSON);
                }
            }
            case TOKENS, ERROR_MID_STREAM, TRUNCATED -> {
                if (call.stream()) {
                    stream(() -> streamTokens(reply));
                } else {
                    whole(reply);
                }
            }
        }
    }

    private void whole(ScriptedReply reply) throws IOException, InterruptedException {
        sleep(reply.firstTokenDelay().plus(reply.tokenDelay().multipliedBy(reply.tokens().size())));
        if (reply.kind() == ScriptedReply.Kind.ERROR_MID_STREAM) {
            exchange.sendError(500, reply.errorMessage());
        } else if (reply.kind() == ScriptedReply.Kind.TRUNCATED) {
            exchange.abort();
        } else {
            // Stamped before the write, which takes microseconds on loopback, so that a reader who
            // already has the service's answer always finds the stamp.
            received.replied(call, System.nanoTime());
            exchange.sendJson(200, finalChunk(reply.content(), reply.tokens().size(), reply.metrics()));
        }
    }

    private void streamTokens(ScriptedReply reply) throws IOException, InterruptedException {
        sleep(reply.firstTokenDelay());
        for (String token : reply.tokens()) {
            sleep(reply.tokenDelay());
            exchange.writeLine(chunk(token).put("done", false));
        }
        if (reply.kind() == ScriptedReply.Kind.ERROR_MID_STREAM) {
            exchange.writeLine(JsonExchange.JSON.createObjectNode().put("error", reply.errorMessage()));
        } else if (reply.kind() == ScriptedReply.Kind.TRUNCATED) {
            // no final line: the body simply ends
        } else {
            received.replied(call, System.nanoTime());
            exchange.writeLine(finalChunk("", reply.tokens().size(), reply.metrics()));
        }
    }

    private interface Lines {
        void write() throws IOException, InterruptedException;
    }

    /**
     * A write that fails means the client went away mid-stream (cancelled, timed out): that is
     * counted, since tests assert that abandoning a stream stops generation.
     */
    private void stream(Lines lines) throws InterruptedException {
        try {
            lines.write();
            exchange.finish();
        } catch (IOException clientGone) {
            received.streamCancelled();
            exchange.abort();
        }
    }

    private ObjectNode chunk(String content) {
        ObjectNode chunk = JsonExchange.JSON.createObjectNode()
                .put("model", call.model())
                .put("created_at", Instant.now().toString());
        chunk.putObject("message").put("role", "assistant").put("content", content);
        return chunk;
    }

    private ObjectNode finalChunk(String content, int evalCount, ScriptedReply.ReportedMetrics scripted) {
        if (scripted != null) {
            return chunk(content)
                    .put("done_reason", "stop")
                    .put("done", true)
                    .put("total_duration", scripted.totalDurationNanos())
                    .put("load_duration", scripted.loadDurationNanos())
                    .put("prompt_eval_count", scripted.promptEvalCount())
                    .put("prompt_eval_duration", scripted.promptEvalDurationNanos())
                    .put("eval_count", scripted.evalCount())
                    .put("eval_duration", scripted.evalDurationNanos());
        }
        long total = System.nanoTime() - startedNanos + LOAD_NANOS;
        int promptTokens = call.messages().stream()
                .mapToInt(m -> ScriptedReply.tokenise(m.content()).size() + 4)
                .sum();
        return chunk(content)
                .put("done_reason", "stop")
                .put("done", true)
                .put("total_duration", total)
                .put("load_duration", LOAD_NANOS)
                .put("prompt_eval_count", promptTokens)
                .put("prompt_eval_duration", promptTokens * 150_000L)
                .put("eval_count", evalCount)
                .put("eval_duration", Math.max(1, total - LOAD_NANOS));
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration);
        }
    }
}
