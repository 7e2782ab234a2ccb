package fr.capsules.app.ask;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends a streamed answer as server-sent events: {@code token} ({@code {"text": …}}), possibly
 * {@code reset} ({@code {"reason": …}}), one {@code citations}, then {@code done} with the full
 * answer. Once a send fails (the client left), the stream counts as closed and the generation is
 * cancelled by its producer.
 */
final class SseAnswerEvents implements AnswerEvents {

    private final SseEmitter emitter;
    private volatile boolean open = true;

    SseAnswerEvents(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void token(String text) {
        send("token", Map.of("text", text));
    }

    @Override
    public void reset(String reason) {
        send("reset", Map.of("reason", reason));
    }

    @Override
    public void citations(List<Citation> citations) {
        send("citations", citations);
    }

    @Override
    public void done(Answer answer) {
        send("done", answer);
    }

    /** An SSE comment line, which event readers ignore; a failed write marks the stream closed. */
    @Override
    public void heartbeat() {
        if (!open) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment(""));
        } catch (IOException | IllegalStateException e) {
            open = false;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
    }

    private void send(String event, Object data) {
        if (!open) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            open = false;
        }
    }
}
