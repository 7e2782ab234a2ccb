package fr.capsules.app.workshop;

import fr.capsules.app.ServiceStop;
import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.Role;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.capsule.PublicationProperties;
import fr.capsules.app.document.CatalogueProgress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code capsules.publication.check-catalogue} (the demo), once the catalogue is indexed: each
 * catalogue capsule's reference questions (imported from its {@code questions.yaml} when it has none)
 * run through its own publication gate; the outcome is logged, kept as an evaluation, and a capsule
 * that passes and is in service gets its first published version recorded. In the background: the
 * service is ready meanwhile, and a stop of the service ends the check (the run under way is recorded as
 * interrupted by {@link EvaluationRuns}).
 */
@Component
@Order(100)
class CatalogueGateCheck implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogueGateCheck.class);
    /** Who the check runs as, in the audit trail. */
    static final CapsulesUser CATALOGUE = new CapsulesUser("catalogue", "Vérification du catalogue", Set.of(Role.ADMIN), Set.of());

    private final PublicationProperties publication;
    private final Capsules capsules;
    private final CatalogueProgress progress;
    private final ReferenceQuestions questions;
    private final EvaluationRuns runs;
    private final Publication gate;
    private final ServiceStop stop;
    private volatile Thread checking;

    CatalogueGateCheck(PublicationProperties publication, Capsules capsules, CatalogueProgress progress,
            ReferenceQuestions questions, EvaluationRuns runs, Publication gate, ServiceStop stop) {
        this.stop = stop;
        this.publication = publication;
        this.capsules = capsules;
        this.progress = progress;
        this.questions = questions;
        this.runs = runs;
        this.gate = gate;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (publication.checkCatalogue()) {
            checking = Thread.ofVirtual().name("catalogue-gate-check").start(this::checkAll);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread thread = checking;
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /** The outcome per capsule, in order; also logged. */
    List<String> checkAll() {
        List<String> outcomes = new ArrayList<>();
        try {
            while (!progress.indexing().isEmpty()) {
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            return stopped(outcomes);
        }
        for (Capsule capsule : capsules.all()) {
            if (Thread.currentThread().isInterrupted() || stop.requested()) {
                return stopped(outcomes);
            }
            if (capsule.catalogFolder() == null || capsule.definition().status() == CapsuleStatus.RETIRED
                    || !Files.isRegularFile(capsule.catalogFolder().resolve(ReferenceQuestions.CATALOGUE_FILE))) {
                continue;
            }
            String id = capsule.definition().id();
            try {
                if (questions.of(id).isEmpty()) {
                    questions.importYaml(capsule, null, CATALOGUE);
                }
                Evaluation evaluation = runs.runAndWait(capsule, CATALOGUE);
                Publication.GateReport report = gate.report(id, CATALOGUE);
                String outcome = report.publishable()
                        ? "Capsule " + id + " : porte de publication passée (" + evaluation.metrics().questions() + " questions, hitAt5 "
                                + evaluation.metrics().hitAt5() + ", " + evaluation.metrics().millis() + " ms)"
                        : "Capsule " + id + " : porte de publication NON passée — " + String.join(" ; ", report.failedChecks());
                if (report.publishable() && capsule.definition().status() == CapsuleStatus.PUBLISHED) {
                    gate.recordCatalogueVersion(capsule, evaluation);
                }
                outcomes.add(outcome);
                if (report.publishable()) {
                    log.info(outcome);
                } else {
                    log.warn(outcome);
                }
            } catch (InterruptedException e) {
                return stopped(outcomes);
            } catch (RuntimeException e) {
                outcomes.add("Capsule " + id + " : vérification impossible — " + e.getMessage());
                log.warn("Capsule {} : vérification de la porte de publication impossible", id, e);
            }
        }
        return outcomes;
    }

    private static List<String> stopped(List<String> outcomes) {
        Thread.currentThread().interrupt();
        outcomes.add("Vérification du catalogue interrompue par l'arrêt du service");
        log.info("Vérification des portes de publication du catalogue interrompue par l'arrêt du service");
        return outcomes;
    }
}
