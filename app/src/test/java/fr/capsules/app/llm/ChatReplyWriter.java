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
    /** The port of the connection a stream is being written on, -1 before streaming. */
    private int streamingFrom = -1;

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
                Thread.sleep(reply.hangFor());
                exchange.abort();
            }
            case INVALID_JSON -> {
                if (call.stream()) {
                    stream(() -> exchange.writeLine(NOT_JSON));
                } else {
                    exchange.send(200, "application/json; charset=utf-8", NOT_JSON);
                }
            }
            case MALFORMED_LINE, INVALID_UTF8, ENDLESS -> {
                if (call.stream()) {
                    stream(() -> streamFaulty(reply));
                } else {
                    whole(reply);
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
            exchange.sendJson(200, finalChunk(reply.content(), reply.tokens().size(), reply.metrics())
                    .put("done_reason", reply.doneReason()));
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
            exchange.writeLine(finalChunk("", reply.tokens().size(), reply.metrics()).put("done_reason", reply.doneReason()));
        }
    }

    private void streamFaulty(ScriptedReply reply) throws IOException, InterruptedException {
        sleep(reply.firstTokenDelay());
        for (String token : reply.tokens()) {
            sleep(reply.tokenDelay());
            exchange.writeLine(chunk(token).put("done", false));
        }
        int written = reply.tokens().size();
        if (reply.kind() == ScriptedReply.Kind.ENDLESS) {
            for (int i = 0; i < 1_000_000; i++) {
                for (String token : reply.after()) {
                    sleep(reply.tokenDelay());
                    exchange.writeLine(chunk(token).put("done", false));
                }
            }
            return;
        }
        sleep(reply.tokenDelay());
        if (reply.kind() == ScriptedReply.Kind.MALFORMED_LINE) {
            exchange.writeLine("{\"model\":\"" + call.model() + "\",\"message\":{\"role\":\"assistant\",\"content\":\"mot");
        } else {
            String line = JsonExchange.JSON.writeValueAsString(chunk("d\u00e9lai ").put("done", false));
            byte[] bytes = (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // "é" is 0xC3 0xA9; 0xC3 followed by "(" is not UTF-8.
            int at = indexOf(bytes, (byte) 0xA9);
            bytes[at] = '(';
            exchange.writeRaw(bytes);
        }
        written++;
        for (String token : reply.after()) {
            sleep(reply.tokenDelay());
            exchange.writeLine(chunk(token).put("done", false));
            written++;
        }
        received.replied(call, System.nanoTime());
        exchange.writeLine(finalChunk("", written, reply.metrics()).put("done_reason", reply.doneReason()));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("no such byte");
    }

    private interface Lines {
        void write() throws IOException, InterruptedException;
    }

    /**
     * A write that fails means the client went away mid-stream (cancelled, timed out): that is
     * counted, since tests assert that abandoning a stream stops generation.
     */
    private void stream(Lines lines) throws InterruptedException {
        int port = exchange.remotePort();
        if (!received.streamStarted(port)) {
            exchange.abort();
            return;
        }
        streamingFrom = port;
        try {
            lines.write();
            // Everything is written: a client that closes now has not abandoned anything.
            received.streamEnded(port);
            exchange.finish();
        } catch (IOException clientGone) {
            received.streamCancelled(port);
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

    /** Waits, in short slices during a stream so that a client's departure ends it at once. */
    private void sleep(Duration duration) throws InterruptedException, IOException {
        long end = System.nanoTime() + duration.toNanos();
        while (true) {
            if (streamingFrom >= 0 && received.clientHasLeft(streamingFrom)) {
                throw new IOException("the client closed the connection");
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Duration.ofNanos(Math.min(left, 10_000_000L)));
        }
    }
}
