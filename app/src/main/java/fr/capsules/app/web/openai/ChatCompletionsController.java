package fr.capsules.app.web.openai;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Asking;
import fr.capsules.app.ask.Question;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.document.CatalogueProgress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code POST /v1/chat/completions}: the capsule named by {@code model} answers the last user
 * message, as {@code /api/capsules/{id}/ask} would (same lookup, in-service check, question bounds,
 * then {@link Asking}, which owns scope, audit and history), in OpenAI's shape; streamed with
 * {@code "stream": true}. Everything is checked before anything streams, so refusals always come
 * as OpenAI errors ({@link UnsupportedRequests}, and the web edge's advice for the rest).
 */
@RestController
class ChatCompletionsController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);
    private static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", java.nio.charset.StandardCharsets.UTF_8);

    private final Capsules capsules;
    private final Asking asking;
    private final ChatRequests requests;
    private final CatalogueProgress progress;
    // Streams wait on the model; virtual threads keep that cheap.
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    ChatCompletionsController(Capsules capsules, Asking asking, ChatRequests requests, CatalogueProgress progress) {
        this.capsules = capsules;
        this.asking = asking;
        this.requests = requests;
        this.progress = progress;
    }

    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> complete(HttpServletRequest request, CapsulesUser user) {
        ChatRequest chat = requests.read(request);
        Capsule capsule = capsules.require(chat.model(), user);
        capsule.requireInService();
        Question question = requests.question(chat);
        // As the ask endpoint: a capsule still being indexed answers "retry later", before any stream starts.
        progress.requireSearchable(capsule);
        String id = "chatcmpl-" + question.conversationId();
        long created = Instant.now().getEpochSecond();
        if (!chat.stream()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Completions.ChatCompletion.of(id, created, chat.model(), asking.ask(capsule, user, question)));
        }
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        CompletionStream stream = new CompletionStream(emitter, id, created, chat.model());
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        streams.execute(() -> {
            try {
                stream.start();
                asking.stream(capsule, user, question, stream);
                emitter.complete();
            } catch (RuntimeException e) {
                log.error("Streamed completion failed on capsule {}", capsule.id(), e);
                emitter.completeWithError(e);
            }
        });
        return ResponseEntity.ok().contentType(EVENT_STREAM).header("Cache-Control", "no-cache").body(emitter);
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
