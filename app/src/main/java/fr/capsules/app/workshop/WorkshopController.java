package fr.capsules.app.workshop;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleMaintenance;
import fr.capsules.app.capsule.Capsules;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The workshop over HTTP (translation only): reference questions, evaluations, the publication gate
 * and the versions. Reading needs the capsule visible; changing it, a maintainer. A capsule the
 * caller may not see answers 404 throughout.
 */
@RestController
@RequestMapping("/api/capsules/{id}")
class WorkshopController implements DisposableBean {

    private final Capsules capsules;
    private final CapsuleMaintenance maintenance;
    private final ReferenceQuestions questions;
    private final EvaluationRuns runs;
    private final Evaluations evaluations;
    private final CapsuleThresholds thresholds;
    private final Publication publication;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    WorkshopController(Capsules capsules, CapsuleMaintenance maintenance, ReferenceQuestions questions, EvaluationRuns runs,
            Evaluations evaluations, CapsuleThresholds thresholds, Publication publication) {
        this.capsules = capsules;
        this.maintenance = maintenance;
        this.questions = questions;
        this.runs = runs;
        this.evaluations = evaluations;
        this.thresholds = thresholds;
        this.publication = publication;
    }

    @GetMapping("/questions")
    List<ReferenceQuestion> questions(@PathVariable String id, CapsulesUser user) {
        return questions.of(capsules.require(id, user).definition().id());
    }

    @PutMapping("/questions")
    List<ReferenceQuestion> replaceQuestions(@PathVariable String id, @RequestBody(required = false) List<ReferenceQuestion.Submitted> body,
            CapsulesUser user) {
        return questions.replace(maintenance.maintainable(id, user), body, user, "api");
    }

    @PostMapping("/questions/import")
    List<ReferenceQuestion> importQuestions(@PathVariable String id, @RequestBody(required = false) String yaml, CapsulesUser user) {
        return questions.importYaml(maintenance.maintainable(id, user), yaml, user);
    }

    @GetMapping("/questions/export")
    ResponseEntity<String> exportQuestions(@PathVariable String id, CapsulesUser user) {
        Capsule capsule = capsules.require(id, user);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"questions-" + capsule.definition().id() + ".yaml\"")
                .body(questions.exportYaml(capsule.definition().id()));
    }

    @PostMapping("/evaluations")
    Object evaluate(@PathVariable String id, @RequestHeader(name = "Accept", required = false) String accept, CapsulesUser user) {
        Capsule capsule = maintenance.maintainable(id, user);
        boolean stream = accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
        EvaluationRuns.Running run;
        try {
            run = runs.start(capsule, user);
        } catch (EvaluationRunningException e) {
            // A stream joins the run under way; a JSON client is told it runs (409).
            EvaluationRuns.Running current = stream ? runs.running(capsule.definition().id()).orElse(null) : null;
            if (current == null) {
                throw e;
            }
            run = current;
        }
        if (!stream) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/capsules/" + capsule.definition().id() + "/evaluations/" + run.started().id()))
                    .body(new Evaluation.Started(run.started().id(), Evaluation.RUNNING));
        }
        SseEmitter emitter = new SseEmitter(0L);
        EvaluationRuns.Running followed = run;
        EvaluationRuns.Listener listener = new EvaluationRuns.Listener() {
            @Override
            public void progress(EvaluationRuns.Progress progress) {
                send(emitter, "progress", progress);
            }

            @Override
            public void done(Evaluation evaluation) {
                send(emitter, "done", evaluation);
                emitter.complete();
            }
        };
        emitter.onCompletion(() -> followed.unfollow(listener));
        emitter.onTimeout(() -> followed.unfollow(listener));
        emitter.onError(e -> followed.unfollow(listener));
        streams.execute(() -> {
            send(emitter, "started", new Evaluation.Started(followed.started().id(), Evaluation.RUNNING));
            followed.follow(listener);
        });
        return emitter;
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The client left: the run goes on.
        }
    }

    @GetMapping("/evaluations")
    List<Evaluation> evaluations(@PathVariable String id, CapsulesUser user) {
        return evaluations.of(capsules.require(id, user).definition().id(), 50);
    }

    @GetMapping("/evaluations/{evaluationId}")
    Evaluation evaluation(@PathVariable String id, @PathVariable String evaluationId, CapsulesUser user) {
        String capsuleId = capsules.require(id, user).definition().id();
        return evaluations.find(capsuleId, evaluationId)
                .orElseThrow(() -> new WorkshopNotFoundException("la capsule n'a pas d'évaluation " + evaluationId));
    }

    @GetMapping("/thresholds")
    Thresholds thresholds(@PathVariable String id, CapsulesUser user) {
        return thresholds.effective(capsules.require(id, user).definition().id());
    }

    @PutMapping("/thresholds")
    Thresholds setThresholds(@PathVariable String id, @RequestBody Thresholds body, CapsulesUser user) {
        String capsuleId = maintenance.maintainable(id, user).definition().id();
        thresholds.set(capsuleId, body == null ? new Thresholds(null, null, null, null) : body, user.username());
        return thresholds.effective(capsuleId);
    }

    @GetMapping("/publication")
    Publication.GateReport gate(@PathVariable String id, CapsulesUser user) {
        return publication.report(id, user);
    }

    @PostMapping("/publish")
    CapsuleVersion publish(@PathVariable String id, @RequestBody(required = false) Publication.Request body, CapsulesUser user) {
        return publication.publish(id, body, user);
    }

    @GetMapping("/versions")
    List<CapsuleVersion.Summary> versions(@PathVariable String id, CapsulesUser user) {
        return publication.versions(id, user).stream().map(CapsuleVersion::summary).toList();
    }

    @GetMapping("/versions/{version}")
    CapsuleVersion version(@PathVariable String id, @PathVariable int version, CapsulesUser user) {
        return publication.version(id, version, user);
    }

    @GetMapping("/versions/compare")
    VersionComparison compare(@PathVariable String id, @RequestParam int from, @RequestParam int to, CapsulesUser user) {
        return VersionComparison.of(publication.version(id, from, user), publication.version(id, to, user));
    }

    @PostMapping("/versions/{version}/rollback")
    CapsuleVersion rollback(@PathVariable String id, @PathVariable int version, CapsulesUser user) {
        return publication.rollback(id, version, user);
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
