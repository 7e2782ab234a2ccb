package fr.capsules.app.workshop;

import fr.capsules.app.ServiceStop;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.Asking;
import fr.capsules.app.ask.Question;
import fr.capsules.app.ask.Retrieval;
import fr.capsules.app.ask.RetrievalProperties;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.PublicationProperties;
import fr.capsules.app.document.CatalogueProgress;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.LanguageModel;
import fr.capsules.ingest.index.PassageHit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import fr.capsules.app.cluster.Lease;
import fr.capsules.app.cluster.LeaseHeldException;
import fr.capsules.app.cluster.Leases;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * Runs a capsule's reference questions on the capsule as it is now, one run at a time per capsule,
 * in the background: retrieval (rank of the expected document, by the capsule's own search),
 * abstention and the answer (by the ask path itself, {@link Asking}, so that the decision measured is
 * the one agents get), then the thresholds. Listeners receive each question's progress and the end.
 */
@Service
public class EvaluationRuns implements DisposableBean, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);
    /** Passages read to rank documents: enough for the first ten documents in practice. */
    private static final int SEARCHED_PASSAGES = 50;

    private final ReferenceQuestions questions;
    private final Fingerprints fingerprints;
    private final Evaluations evaluations;
    private final CapsuleThresholds thresholds;
    private final PublicationProperties publication;
    private final Retrieval retrieval;
    private final Asking asking;
    private final RetrievalProperties retrievalProperties;
    private final CatalogueProgress progress;
    private final LanguageModel model;
    private final CapsuleModels models;
    private final AuditTrail audit;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** The leases of the runs under way here, by capsule: one run per capsule across all nodes. */
    private final Map<String, Lease> leased = new ConcurrentHashMap<>();
    private final Leases leases;
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
    /** When the service stops, a run stops before its next question and is recorded as interrupted. */
    private final ServiceStop stop;

    EvaluationRuns(ReferenceQuestions questions, Fingerprints fingerprints, Evaluations evaluations, CapsuleThresholds thresholds,
            PublicationProperties publication, Retrieval retrieval, Asking asking, RetrievalProperties retrievalProperties,
            CatalogueProgress progress, LanguageModel model, CapsuleModels models, AuditTrail audit, Leases leases, ServiceStop stop) {
        this.leases = leases;
        this.stop = stop;
        this.questions = questions;
        this.fingerprints = fingerprints;
        this.evaluations = evaluations;
        this.thresholds = thresholds;
        this.publication = publication;
        this.retrieval = retrieval;
        this.asking = asking;
        this.retrievalProperties = retrievalProperties;
        this.progress = progress;
        this.model = model;
        this.models = models;
        this.audit = audit;
    }

    /** One question done: {@code done} of {@code total}. */
    public record Progress(String evaluationId, int done, int total, String questionId, String question, boolean passed) {}

    /** Who follows a run. */
    public interface Listener {
        void progress(Progress progress);

        void done(Evaluation evaluation);
    }

    /** A run under way. */
    public static final class Running {
        private final Evaluation started;
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Evaluation> end = new CompletableFuture<>();

        private Running(Evaluation started) {
            this.started = started;
        }

        public Evaluation started() {
            return started;
        }

        /** The finished evaluation, when it ends. */
        public CompletableFuture<Evaluation> end() {
            return end;
        }

        /** Adds a listener; one that comes after the end is told the end at once. */
        public void follow(Listener listener) {
            listeners.add(listener);
            if (end.isDone()) {
                listeners.remove(listener);
                listener.done(end.join());
            }
        }

        public void unfollow(Listener listener) {
            listeners.remove(listener);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        // Runs another node is carrying out (it holds their lease) are not abandoned.
        stop.unlessStopping("Évaluations interrompues par un arrêt précédent", log, () -> {
            int abandoned = evaluations.abandonRunning(capsuleId -> !leases.isHeld(leaseName(capsuleId)));
            if (abandoned > 0) {
                log.warn("{} évaluation(s) interrompue(s) par l'arrêt du service marquée(s) en échec", abandoned);
            }
        });
    }

    private static String leaseName(String capsuleId) {
        return "evaluation:" + capsuleId;
    }

    private void releaseLease(String capsuleId) {
        Lease lease = leased.remove(capsuleId);
        if (lease != null) {
            lease.close();
        }
    }

    /**
     * Fails the runs left "running" by a node that died: those whose lease expired (not renewed
     * for {@code capsules.cluster.lease-ttl}) and that no run here carries out.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void abandonOrphans() {
        int abandoned = evaluations.abandonRunning(capsuleId -> !running.containsKey(capsuleId) && !leases.isHeld(leaseName(capsuleId)));
        if (abandoned > 0) {
            log.warn("{} évaluation(s) interrompue(s) par l'arrêt d'un nœud du service marquée(s) en échec", abandoned);
        }
    }

    /** The run under way on the capsule, if any. */
    public Optional<Running> running(String capsuleId) {
        return Optional.ofNullable(running.get(capsuleId));
    }

    /**
     * Starts a run of the capsule's reference questions as {@code user} (who must maintain it: checked by the
     * caller).
     *
     * @throws InvalidRequestException when the capsule has no reference question
     * @throws EvaluationRunningException when a run of the capsule is under way
     * @throws fr.capsules.app.document.CapsuleIndexingException while the capsule is being indexed
     */
    public Running start(Capsule capsule, CapsulesUser user) {
        String capsuleId = capsule.definition().id();
        List<ReferenceQuestion> reference = questions.of(capsuleId);
        if (reference.isEmpty()) {
            throw new InvalidRequestException("la capsule n'a aucune question de référence à évaluer : écrivez-en (au moins "
                    + publication.minQuestionsFor(capsule.definition().kind()) + " pour publier) ou importez son questions.yaml");
        }
        progress.requireSearchable(capsule);
        Fingerprints.Fingerprint fingerprint = fingerprints.of(capsule);
        Evaluation started = new Evaluation(UUID.randomUUID().toString(), capsuleId, capsule.definition().version(),
                fingerprint.corpusHash(), fingerprint.contentHash(), Evaluation.RUNNING, user.username(), Instant.now(), null,
                null, null, null, null, thresholds.effective(capsuleId), List.of(), List.of(), null);
        Running run = new Running(started);
        Running already = running.putIfAbsent(capsuleId, run);
        if (already != null) {
            throw new EvaluationRunningException(already.started().id(), already.started().startedBy());
        }
        try {
            leased.put(capsuleId, leases.tryAcquire(leaseName(capsuleId)));
        } catch (LeaseHeldException e) {
            running.remove(capsuleId, run);
            throw new EvaluationRunningException(evaluations.running(capsuleId).map(Evaluation::id).orElse("?"),
                    evaluations.running(capsuleId).map(Evaluation::startedBy).orElse("?") + " sur le nœud " + e.holderNode());
        }
        try {
            evaluations.insert(started);
            runs.execute(() -> execute(capsule, user, reference, run));
        } catch (RuntimeException e) {
            running.remove(capsuleId, run);
            releaseLease(capsuleId);
            throw e;
        }
        return run;
    }

    /**
     * Runs and waits for the end (start-up checks, benchmarks).
     *
     * @throws InterruptedException when the waiting thread is interrupted (the run goes on)
     */
    public Evaluation runAndWait(Capsule capsule, CapsulesUser user) throws InterruptedException {
        try {
            return start(capsule, user).end().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("évaluation de la capsule " + capsule.definition().id() + " en échec", e.getCause());
        }
    }

    private void execute(Capsule capsule, CapsulesUser user, List<ReferenceQuestion> reference, Running run) {
        Evaluation started = run.started();
        Evaluation finished;
        long begin = System.nanoTime();
        try {
            Thresholds applied = started.thresholds();
            List<Evaluation.QuestionResult> results = new ArrayList<>();
            String answeringModel = null;
            for (ReferenceQuestion q : reference) {
                if (stop.requested()) {
                    throw new ServiceStopping();
                }
                Evaluation.QuestionResult result;
                try {
                    List<String> found = retrieval.search(capsule, q.question(), SEARCHED_PASSAGES).stream()
                            .map(PassageHit::file).distinct().toList();
                    Answer answer = asking.ask(capsule, user, Question.forEvaluation(q.question(), retrievalProperties));
                    if (answer.model() != null) {
                        answeringModel = answer.model();
                    }
                    result = EvaluationScoring.judge(q, found, answer, publication.passRank(), applied);
                } catch (RuntimeException e) {
                    if (stop.requested()) {
                        throw new ServiceStopping();
                    }
                    log.warn("Évaluation {} : question « {} » non évaluée", started.id(), q.question(), e);
                    result = EvaluationScoring.failed(q, "la question n'a pas pu être posée : " + e.getMessage());
                }
                results.add(result);
                Progress step = new Progress(started.id(), results.size(), reference.size(), q.id(), q.question(), result.passed());
                run.listeners.forEach(l -> notify(l, step));
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            Evaluation.Metrics metrics = EvaluationScoring.metrics(results, millis, publication.passRank());
            List<String> failed = EvaluationScoring.failedChecks(metrics, applied, results, publication.passRank());
            Evaluation previous = evaluations.lastFinished(started.capsuleId()).orElse(null);
            String modelName = models.modelOf(capsule.definition());
            finished = new Evaluation(started.id(), started.capsuleId(), started.capsuleVersion(), started.corpusHash(),
                    started.contentHash(), Evaluation.FINISHED, started.startedBy(), started.startedAt(), Instant.now(),
                    failed.isEmpty(), answeringModel, answeringModel == null ? null : model.digest(modelName).orElse(null),
                    metrics, applied, results, failed, EvaluationScoring.compare(previous, results, metrics.hitAt5()));
            evaluations.finish(finished);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("evaluationId", finished.id());
            details.put("passed", finished.passed());
            details.put("contentHash", finished.contentHash());
            details.put("hitAt5", metrics.hitAt5());
            details.put("questions", metrics.questions());
            details.put("model", answeringModel);
            audit.record(user.username(), AuditAction.CAPSULE_EVALUATED, started.capsuleId(), started.capsuleVersion(), details);
        } catch (RuntimeException | Error e) {
            if (stop.requested()) {
                log.info("Évaluation {} de la capsule {} interrompue par l'arrêt du service", started.id(), started.capsuleId());
                finished = failed(started, "l'évaluation a été interrompue par l'arrêt du service ; relancez-la");
            } else {
                log.error("Évaluation {} de la capsule {} en échec", started.id(), started.capsuleId(), e);
                finished = failed(started, "l'évaluation s'est interrompue sur une erreur du service ; relancez-la");
            }
        } finally {
            running.remove(started.capsuleId(), run);
            releaseLease(started.capsuleId());
        }
        Evaluation end = finished;
        run.end.complete(end);
        run.listeners.forEach(l -> {
            try {
                l.done(end);
            } catch (RuntimeException e) {
                log.debug("Listener of evaluation {} failed", end.id(), e);
            }
        });
    }

    /** Records the run as failed for {@code reason}; what cannot be recorded is left to the next start-up. */
    private Evaluation failed(Evaluation started, String reason) {
        Evaluation failed = new Evaluation(started.id(), started.capsuleId(), started.capsuleVersion(), started.corpusHash(),
                started.contentHash(), Evaluation.FAILED, started.startedBy(), started.startedAt(), Instant.now(), false,
                null, null, null, started.thresholds(), List.of(), List.of(reason), null);
        try {
            evaluations.finish(failed);
        } catch (RuntimeException e) {
            log.error("Évaluation {} : échec non enregistré (il le sera au prochain démarrage)", started.id(), e);
        }
        return failed;
    }

    /** The service stops while a run is under way. */
    private static final class ServiceStopping extends RuntimeException {
        ServiceStopping() {
            super(null, null, false, false);
        }
    }

    private static void notify(Listener listener, Progress step) {
        try {
            listener.progress(step);
        } catch (RuntimeException e) {
            log.debug("Listener of evaluation {} failed", step.evaluationId(), e);
        }
    }

    /**
     * Stops the runs under way before their next question and waits a little for them to record that
     * they were interrupted (the database is still open: it closes after this bean).
     */
    @Override
    public void destroy() throws InterruptedException {
        runs.shutdown();
        if (!runs.awaitTermination(5, TimeUnit.SECONDS)) {
            runs.shutdownNow();
        }
        if (!runs.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("Évaluations encore en cours à l'arrêt du service : elles seront marquées en échec au prochain démarrage");
        }
    }
}
