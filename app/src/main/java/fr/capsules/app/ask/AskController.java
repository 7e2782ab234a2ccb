package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.document.CatalogueProgress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Asking a capsule a question: JSON by default, server-sent events with
 * {@code Accept: text/event-stream}. The question and access are checked before anything
 * streams, so refusals are always RFC 9457 problems.
 */
@RestController
class AskController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AskController.class);

    private final Capsules capsules;
    private final Asking asking;
    private final RetrievalProperties properties;
    private final CatalogueProgress progress;
    // Streams wait on the model; virtual threads keep that cheap.
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    AskController(Capsules capsules, Asking asking, RetrievalProperties properties, CatalogueProgress progress) {
        this.capsules = capsules;
        this.asking = asking;
        this.properties = properties;
        this.progress = progress;
    }

    @PostMapping("/api/capsules/{id}/ask")
    Object ask(
            @PathVariable String id,
            @RequestBody(required = false) Question.AskRequest request,
            @RequestHeader(name = "Accept", required = false) String accept,
            @RequestParam(required = false) String version,
            CapsulesUser user) {
        Capsule capsule = capsules.require(id, user, version);
        capsule.requireInService();
        Question question = Question.of(request, properties);
        // Checked here too, so that a stream never starts on a capsule that must answer "retry later".
        progress.requireSearchable(capsule);
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return asking.ask(capsule, user, question);
        }
        SseEmitter emitter = new SseEmitter(0L);
        SseAnswerEvents events = new SseAnswerEvents(emitter);
        emitter.onCompletion(events::close);
        emitter.onTimeout(events::close);
        emitter.onError(e -> events.close());
        streams.execute(() -> {
            try {
                asking.stream(capsule, user, question, events);
                emitter.complete();
            } catch (RuntimeException e) {
                log.error("Streamed answer failed on capsule {}", capsule.id(), e);
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
