package fr.capsules.app.document;

import fr.capsules.app.ServiceStop;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.pseudonym.PseudonymTables;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexBusyException;
import fr.capsules.ingest.index.IndexUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, indexes the catalogue's documents that are not indexed yet: everything on the first
 * start, only new files afterwards (already indexed files are recognised by their hash). Logs one
 * line per capsule and one per file that was not indexed. Each capsule stays "being indexed" in
 * {@link CatalogueProgress} until its turn is over.
 */
@Component
class CatalogueIndexing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueIndexing.class);

    private final Capsules capsules;
    private final DocumentLibrary library;
    private final IngestionProperties properties;
    private final CatalogueProgress progress;
    private final PseudonymTables pseudonyms;
    private final ServiceStop stop;

    CatalogueIndexing(Capsules capsules, DocumentLibrary library, IngestionProperties properties,
            CatalogueProgress progress, PseudonymTables pseudonyms, ServiceStop stop) {
        this.stop = stop;
        this.capsules = capsules;
        this.library = library;
        this.properties = properties;
        this.progress = progress;
        this.pseudonyms = pseudonyms;
    }

    /** A stop meanwhile ends it quietly: what is not indexed yet is indexed at the next start. */
    @Override
    public void run(ApplicationArguments args) {
        stop.unlessStopping("Indexation du catalogue", log, this::indexCatalogue);
    }

    private void indexCatalogue() {
        capsules.all().forEach(this::reconcile);
        if (!properties.indexOnStartup()) {
            return;
        }
        for (Capsule capsule : capsules.all()) {
            if (stop.requested()) {
                return;
            }
            try {
                checkWhenFree(capsule);
            } catch (IndexUnavailableException e) {
                // A distributed index down at start: the service starts all the same, says so in its health
                // (component "index"), answers 503 meanwhile, and indexes the catalogue at its next start.
                log.error("Capsule {} : catalogue non indexé, le cluster de recherche ne répond pas / catalogue not"
                        + " indexed, the index cluster does not answer: {}", capsule.id(), e.getMessage());
            } finally {
                progress.finished(capsule.definition().id());
            }
        }
    }

    /** The capsule's stored files in line with its index after an abrupt stop; an index that no longer opens is rebuilt next. */
    private void reconcile(Capsule capsule) {
        try {
            library.reconcile(capsule);
        } catch (IndexMismatchException e) {
            // Rebuilt from the capsule's documents just after (rebuiltAfterSettingsChange).
        } catch (IndexUnavailableException e) {
            log.error("Capsule {} : fichiers conservés non vérifiés, le cluster de recherche ne répond pas / stored files not"
                    + " checked against the index, the index cluster does not answer: {}", capsule.id(), e.getMessage());
        }
    }

    /**
     * Indexes the capsule's catalogue documents, or rebuilds its index when its settings changed. Another
     * application node sharing the index may be doing the same at that moment (both started together):
     * this one waits for it to finish (its lease), then checks, and finds the documents already there.
     */
    private void checkWhenFree(Capsule capsule) {
        long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
        while (true) {
            try {
                if (!rebuiltAfterSettingsChange(capsule) && capsule.catalogDocuments().isPresent()) {
                    report(capsule, library.indexCatalogue(capsule));
                }
                return;
            } catch (IndexBusyException e) {
                if (System.nanoTime() - deadline > 0) {
                    log.error("Capsule {} : catalogue non vérifié, son index est resté occupé par un autre nœud ({})",
                            capsule.id(), e.getMessage());
                    return;
                }
                log.info("Capsule {} : index occupé par un autre nœud, nouvel essai dans quelques secondes", capsule.id());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How long the check of one capsule waits for another node's indexing of it. */
    private static final java.time.Duration BUSY_PATIENCE = java.time.Duration.ofMinutes(15);

    /**
     * An index built with other settings (another embedding model, vectors switched on or off) is
     * never used silently: it is rebuilt from the capsule's documents, and the log says why.
     */
    private boolean rebuiltAfterSettingsChange(Capsule capsule) {
        try {
            return !library.list(capsule).isEmpty() && rebuiltAfterPseudonymisationChange(capsule);
        } catch (IndexMismatchException e) {
            log.warn("Capsule {} : {} — reconstruction de l'index à partir de ses documents", capsule.id(), e.getMessage());
            try {
                report(capsule, library.reindex(capsule));
            } catch (EmbeddingsUnavailableException unavailable) {
                log.error("Capsule {} : {}", capsule.id(), unavailable.getMessage());
            }
            return true;
        }
    }

    /**
     * An index built in clear for a capsule now pseudonymised (or the reverse) is rebuilt from the
     * capsule's documents; without a key the clear index keeps serving and the log says why (the
     * start-up check has said how to configure one).
     */
    private boolean rebuiltAfterPseudonymisationChange(Capsule capsule) {
        boolean wanted = capsule.definition().pseudonymised();
        boolean built = pseudonyms.indexedPseudonymised(capsule.id()).orElse(false);
        if (built == wanted) {
            return false;
        }
        if (wanted && !pseudonyms.hasKey()) {
            log.error("Capsule {} : index construit sans pseudonymisation, non reconstruit faute de clé"
                    + " / index built without pseudonymisation, not rebuilt: no key configured", capsule.id());
            return false;
        }
        log.warn("Capsule {} : index construit {} alors que la capsule {} — reconstruction de l'index à partir de ses"
                + " documents", capsule.id(), built ? "avec pseudonymisation" : "sans pseudonymisation",
                wanted ? "est pseudonymisée" : "ne l'est plus");
        try {
            report(capsule, library.reindex(capsule));
        } catch (EmbeddingsUnavailableException unavailable) {
            log.error("Capsule {} : {}", capsule.id(), unavailable.getMessage());
        }
        return true;
    }

    private void report(Capsule capsule, List<IngestionResult> results) {
        Map<IngestionStatus, Long> counts =
                results.stream().collect(Collectors.groupingBy(IngestionResult::status, Collectors.counting()));
        log.info(
                "Capsule {} : {} nouveau(x) document(s) indexé(s), {} déjà présent(s), {} refusé(s), {} en échec",
                capsule.id(),
                counts.getOrDefault(IngestionStatus.INDEXED, 0L),
                counts.getOrDefault(IngestionStatus.DUPLICATE, 0L),
                counts.getOrDefault(IngestionStatus.REJECTED, 0L),
                counts.getOrDefault(IngestionStatus.FAILED, 0L));
        results.stream()
                .filter(r -> r.status() == IngestionStatus.REJECTED || r.status() == IngestionStatus.FAILED)
                .forEach(r -> log.warn("Capsule {} : {} {} — {}", capsule.id(), r.file(), r.status().json(), r.error()));
        results.stream()
                .filter(r -> r.status() == IngestionStatus.INDEXED && !r.warnings().isEmpty())
                .forEach(r -> log.info("Capsule {} : {} — {}", capsule.id(), r.file(), String.join(" ; ", r.warnings())));
    }
}
