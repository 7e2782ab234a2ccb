package fr.capsules.app.llm.ollama;

import fr.capsules.app.llm.ModelUsage;
import fr.capsules.app.llm.OutputDefect;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one streamed {@code /api/chat} body line by line and stops at the first sign that the output is not
 * arriving whole: a line that is not UTF-8 or not a JSON object (LangChain4j's client logs and skips it), a
 * replacement character (Ollama's JSON encoder writes U+FFFD for bytes that are not UTF-8), an {@code error} line,
 * the end of the body before the final line, {@code done_reason: "length"}, or a loop ({@link Repetition}). Tokens
 * go to {@code tokens} as they arrive, on the reading thread. Not thread-safe: one per response.
 */
final class ChatStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * What the body gave.
     *
     * @param text the content received (cut after the first copy of a loop); never null
     * @param defect null when the final line arrived and nothing was wrong
     * @param error the server's error message for {@link OutputDefect#ERROR_LINE}, else null
     * @param doneReason Ollama's {@code done_reason} of the final line, else null
     */
    record Result(String text, OutputDefect defect, String error, String doneReason, ModelUsage usage) {}

    private final Consumer<String> tokens;
    private final Repetition repetition = Repetition.standard();
    private final StringBuilder text = new StringBuilder();
    private int pieces;

    ChatStream(Consumer<String> tokens) {
        this.tokens = tokens;
    }

    /** The text received so far (for a reader that ends the stream from outside). */
    synchronized String textSoFar() {
        return text.toString();
    }

    /**
     * Reads to the final line or the first defect.
     *
     * @throws IOException when reading fails (the connection broke, or was closed from outside)
     */
    Result read(InputStream body) throws IOException {
        Utf8Lines lines = new Utf8Lines(body, MAX_LINE_BYTES);
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            if (line.invalidUtf8()) {
                return end(OutputDefect.INVALID_TEXT);
            }
            if (line.tooLong()) {
                return end(OutputDefect.MALFORMED_LINE);
            }
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JacksonException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return end(line.unterminated() ? OutputDefect.CONNECTION_CUT : OutputDefect.MALFORMED_LINE);
            }
            if (node.hasNonNull("error")) {
                return new Result(textSoFar(), OutputDefect.ERROR_LINE, node.get("error").asString(""), null, usageSoFar());
            }
            JsonNode content = node.path("message").path("content");
            boolean done = node.path("done").asBoolean(false);
            if (!content.isString() && !done) {
                return end(OutputDefect.MALFORMED_LINE);
            }
            String piece = content.isString() ? content.asString() : "";
            if (piece.indexOf('\uFFFD') >= 0) {
                return end(OutputDefect.INVALID_TEXT);
            }
            if (!piece.isEmpty()) {
                synchronized (this) {
                    text.append(piece);
                    pieces++;
                }
                tokens.accept(piece);
                int cut = repetition.loopCut(text);
                if (cut >= 0) {
                    synchronized (this) {
                        text.setLength(cut);
                    }
                    return end(OutputDefect.REPETITION);
                }
            }
            if (done) {
                String reason = node.path("done_reason").asString(null);
                ModelUsage usage = ReportedUsage.parse(node);
                return new Result(textSoFar(), "length".equals(reason) ? OutputDefect.TOKEN_CAP : null, null, reason,
                        usage == null ? ModelUsage.none() : usage);
            }
        }
        return end(OutputDefect.CONNECTION_CUT);
    }

    private Result end(OutputDefect defect) {
        return new Result(textSoFar(), defect, null, null, usageSoFar());
    }

    /**
     * What an output that never reached its final line cost, as far as the client can tell: Ollama sends one token
     * per line, so the lines with content count the tokens generated; the prompt's tokens and the durations are not
     * known (zero).
     */
    synchronized ModelUsage usageSoFar() {
        return new ModelUsage(0, pieces, null, null, null, null);
    }
}
