package fr.capsules.app.web.openai;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerEvents;
import fr.capsules.app.ask.Citation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed answer as OpenAI streams it: {@code data: {chunk}} lines, then {@code data: [DONE]}.
 * The first chunk carries the role and the AI label, then one chunk per token; when the model fails
 * mid-way, a notice says the extractive answer that follows replaces what was shown (a client
 * cannot take text back); the last content chunk carries the warnings and sources, and the final
 * chunk {@code finish_reason: "stop"} and the {@code capsules} extension, whose {@code answer} is
 * authoritative. Once a send fails (the client left), the stream counts as closed and the ask use
 * case cancels the generation.
 */
final class CompletionStream implements AnswerEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ResponseBodyEmitter emitter;
    private final String id;
    private final long created;
    private final String model;
    private volatile boolean open = true;

    CompletionStream(ResponseBodyEmitter emitter, String id, long created, String model) {
        this.emitter = emitter;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** The first chunk: the assistant's role and the AI label, before anything of the answer. */
    void start() {
        chunk(new Completions.Delta("assistant", AnswerMarkdown.head()), null, null);
    }

    @Override
    public void token(String text) {
        chunk(new Completions.Delta(null, text), null, null);
    }

    @Override
    public void reset(String reason) {
        chunk(new Completions.Delta(null, "\n\n⚠ Réponse interrompue (" + reason + ") : ce qui précède est à ignorer,"
                + " la réponse ci-dessous le remplace.\n\n"), null, null);
    }

    @Override
    public void citations(List<Citation> citations) {
        // Sent with the sources at the end, where the product shows them.
    }

    @Override
    public void done(Answer answer) {
        String tail = AnswerMarkdown.tail(answer);
        if (!tail.isEmpty()) {
            chunk(new Completions.Delta(null, tail), null, null);
        }
        chunk(new Completions.Delta(null, null), "stop", Completions.CapsulesExtension.of(answer));
        send(DONE);
    }

    /** An SSE comment line (clients ignore it): a client that left is noticed while the model is still silent. */
    @Override
    public void heartbeat() {
        send(": \n\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
    }

    private void chunk(Completions.Delta delta, String finishReason, Completions.CapsulesExtension capsules) {
        String json = JSON.writeValueAsString(Completions.Chunk.of(id, created, model, delta, finishReason, capsules));
        send(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void send(byte[] bytes) {
        if (!open) {
            return;
        }
        try {
            emitter.send(bytes, MediaType.APPLICATION_OCTET_STREAM);
        } catch (IOException | IllegalStateException e) {
            open = false;
        }
    }
}
