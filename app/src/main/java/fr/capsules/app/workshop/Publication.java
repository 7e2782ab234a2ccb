package fr.capsules.app.workshop;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleConflictException;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.CapsuleMaintenance;
import fr.capsules.app.capsule.CapsuleStatus;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.capsule.PublicationProperties;
import fr.capsules.app.document.DocumentLibrary;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.llm.CapsuleModels;
import fr.capsules.app.llm.LanguageModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import fr.capsules.app.cluster.Lease;
import fr.capsules.app.cluster.LeaseHeldException;
import fr.capsules.app.cluster.Leases;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The publication gate and the published versions: a capsule is published only when it has enough
 * reference questions and the last evaluation of exactly its current content passed the thresholds
 * that apply to it (or an administrator overrides, with a reason); each publication is kept as an
 * immutable snapshot that a rollback publishes again. One publication or rollback at a time per
 * capsule: a second one meanwhile is refused (409), never queued behind the first.
 */
@Service
public class Publication {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);
    static final int MAX_REASON_CHARS = 1000;

    private final Capsules capsules;
    private final CapsuleMaintenance maintenance;
    private final ReferenceQuestions questions;
    private final Fingerprints fingerprints;
    private final Evaluations evaluations;
    private final EvaluationRuns runs;
    private final CapsuleThresholds thresholds;
    private final CapsuleVersions versions;
    private final DocumentLibrary documents;
    private final PublicationProperties publication;
    private final LanguageModel model;
    private final CapsuleModels models;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Leases leases;

    Publication(Capsules capsules, CapsuleMaintenance maintenance, ReferenceQuestions questions, Fingerprints fingerprints,
            Evaluations evaluations, EvaluationRuns runs, CapsuleThresholds thresholds, CapsuleVersions versions,
            DocumentLibrary documents, PublicationProperties publication, LanguageModel model, CapsuleModels models,
            Leases leases) {
        this.leases = leases;
        this.capsules = capsules;
        this.maintenance = maintenance;
        this.questions = questions;
        this.fingerprints = fingerprints;
        this.evaluations = evaluations;
        this.runs = runs;
        this.thresholds = thresholds;
        this.versions = versions;
        this.documents = documents;
        this.publication = publication;
        this.model = model;
        this.models = models;
    }

    /** {@code POST …/publish}: {@code override} (administrators) with its {@code reason}. */
    public record Request(Boolean override, String reason) {
        boolean overrides() {
            return Boolean.TRUE.equals(override);
        }
    }

    /** Where the capsule stands before publication: each check and whether it passes. */
    public record GateReport(boolean publishable, List<String> failedChecks, int questions, int minQuestions,
            Evaluation lastEvaluation, boolean evaluationOfCurrentContent, Thresholds thresholds, String contentHash,
            String corpusHash, Integer publishedVersion, boolean currentContentPublished) {}

    /** The gate's checks on the capsule as it is now, for a caller who may see it. */
    public GateReport report(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        return report(capsule, fingerprints.of(capsule));
    }

    private GateReport report(Capsule capsule, Fingerprints.Fingerprint now) {
        String id = capsule.definition().id();
        List<String> failed = new ArrayList<>();
        int count = questions.of(id).size();
        int min = publication.minQuestionsFor(capsule.definition().kind());
        if (count < min) {
            failed.add("questions de référence : " + count + " (au moins " + min + " exigées avant publication)");
        }
        Optional<Evaluation> last = evaluations.lastFinished(id);
        Thresholds applied = thresholds.effective(id);
        boolean ofCurrent = last.map(e -> e.contentHash().equals(now.contentHash())).orElse(false);
        if (runs.running(id).isPresent()) {
            failed.add("une évaluation est en cours : attendez son résultat");
        } else if (last.isEmpty()) {
            failed.add("aucune évaluation : lancez l'évaluation des questions de référence");
        } else if (!ofCurrent) {
            failed.add("la dernière évaluation (" + last.get().finishedAt() + ") porte sur un autre contenu : documents,"
                    + " consignes, réglages ou questions ont changé depuis ; relancez l'évaluation");
        } else {
            Evaluation e = last.get();
            failed.addAll(EvaluationScoring.failedChecks(e.metrics(), applied, e.questions(), publication.passRank())
                    .stream().map(c -> "évaluation : " + c).toList());
        }
        Optional<CapsuleVersion> published = versions.latest(id);
        boolean alreadyPublished = capsule.definition().status() == CapsuleStatus.PUBLISHED
                && published.map(v -> v.contentHash().equals(now.contentHash())).orElse(false);
        return new GateReport(failed.isEmpty(), List.copyOf(failed), count, min, last.orElse(null), ofCurrent, applied,
                now.contentHash(), now.corpusHash(), published.map(CapsuleVersion::version).orElse(null), alreadyPublished);
    }

    /**
     * Publishes the capsule as it is now, as a new version.
     *
     * @throws PublicationRefusedException naming each failed check
     * @throws CapsuleConflictException when another publication of the capsule is under way, or its current content is
     *     already the published version
     * @throws ForbiddenException when a non-administrator asks to override
     */
    public CapsuleVersion publish(String capsuleId, Request request, CapsulesUser user) {
        maintenance.maintainable(capsuleId, user);
        Request asked = request == null ? new Request(false, null) : request;
        String reason = null;
        if (asked.overrides()) {
            if (!user.isAdmin()) {
                throw new ForbiddenException("seul un administrateur peut publier sans que l'évaluation soit passée");
            }
            reason = asked.reason() == null ? "" : asked.reason().strip();
            if (reason.isEmpty() || reason.length() > MAX_REASON_CHARS) {
                throw new InvalidRequestException("indiquez la raison de la publication sans évaluation passée (reason, 1 à "
                        + MAX_REASON_CHARS + " caractères) : elle est gardée au journal d'audit et au registre");
            }
        }
        String overrideReason = reason;
        return exclusively(capsuleId, () -> {
            Capsule capsule = maintenance.maintainable(capsuleId, user);
            Fingerprints.Fingerprint now = fingerprints.of(capsule);
            GateReport gate = report(capsule, now);
            if (gate.currentContentPublished()) {
                throw new CapsuleConflictException("le contenu actuel de la capsule est déjà publié (version "
                        + gate.publishedVersion() + ") : rien à publier");
            }
            if (!gate.publishable() && overrideReason == null) {
                throw new PublicationRefusedException(gate.failedChecks());
            }
            Evaluation evaluation = gate.evaluationOfCurrentContent() ? gate.lastEvaluation() : null;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("evaluationId", evaluation == null ? null : evaluation.id());
            details.put("contentHash", now.contentHash());
            details.put("corpusHash", now.corpusHash());
            if (overrideReason != null) {
                details.put("override", true);
                details.put("reason", overrideReason);
                details.put("failedChecks", gate.failedChecks());
            }
            return recordPublication(capsule, capsule.definition(), now, evaluation == null ? null : evaluation.id(),
                    overrideReason, null, details, user);
        });
    }

    /**
     * Publishes an earlier version again, as a new version: its definition, and its corpus rebuilt from the kept
     * originals.
     *
     * @throws WorkshopNotFoundException when the capsule has no such version
     * @throws fr.capsules.app.document.MissingOriginalsException when originals of that corpus were deleted; nothing
     *     was changed
     */
    public CapsuleVersion rollback(String capsuleId, int version, CapsulesUser user) {
        maintenance.maintainable(capsuleId, user);
        return exclusively(capsuleId, () -> {
            Capsule capsule = maintenance.maintainable(capsuleId, user);
            CapsuleVersion target = versions.find(capsuleId, version)
                    .orElseThrow(() -> new WorkshopNotFoundException("la capsule n'a pas de version publiée " + version));
            Fingerprints.Fingerprint before = fingerprints.of(capsule);
            if (!before.corpusHash().equals(target.corpusHash())) {
                Map<String, String> wanted = new LinkedHashMap<>();
                target.manifest().forEach(e -> wanted.put(e.sha256(), e.file()));
                documents.restore(capsule, wanted);
            }
            Fingerprints.Fingerprint restored = fingerprints.of(capsule);
            if (!restored.corpusHash().equals(target.corpusHash())) {
                log.warn("Capsule {} : le corpus restauré de la version {} diffère de son manifeste ({} ≠ {})", capsuleId,
                        version, restored.corpusHash(), target.corpusHash());
            }
            CapsuleDefinition definition = target.definition();
            // The content hash of the definition as it will be: same answer-shaping fields as the snapshot.
            Fingerprints.Fingerprint after = new Fingerprints.Fingerprint(restored.manifest(), restored.corpusHash(),
                    fingerprints.contentHash(definition, restored.corpusHash(), questions.of(capsuleId)));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rolledBackFrom", version);
            details.put("evaluationId", target.evaluationId());
            details.put("contentHash", after.contentHash());
            details.put("corpusHash", after.corpusHash());
            return recordPublication(capsule, definition, after, target.evaluationId(), null, version, details, user);
        });
    }

    private CapsuleVersion recordPublication(Capsule capsule, CapsuleDefinition definition, Fingerprints.Fingerprint content,
            String evaluationId, String overrideReason, Integer rolledBackFrom, Map<String, Object> details, CapsulesUser user) {
        String modelName = models.modelOf(definition);
        String digest = model.digest(modelName).orElse(null);
        details.put("model", modelName);
        details.put("modelDigest", digest);
        CapsuleVersion[] written = new CapsuleVersion[1];
        maintenance.publish(capsule.definition().id(), definition, user, details, published -> {
            keepCorpus(capsule, published.version(), content);
            CapsuleVersion v = new CapsuleVersion(published.version(), "published", Instant.now(), user.username(),
                    content.contentHash(), content.corpusHash(), modelName, digest, evaluationId, overrideReason, rolledBackFrom,
                    published, content.manifest(), null);
            versions.insert(published.id(), v);
            written[0] = v;
        });
        // The new version serves from now on (its row is committed): the previous one is released.
        releaseEarlierCorpora(capsule, written[0].version());
        return written[0];
    }

    /**
     * Keeps the corpus as it is now as the snapshot the audience is served until the next publication, and checks
     * it is the corpus the gate saw: a document added or removed meanwhile refuses the publication (409).
     */
    private void keepCorpus(Capsule capsule, int version, Fingerprints.Fingerprint content) {
        java.util.Optional<List<fr.capsules.ingest.index.DocumentRecord>> snapshot = documents.keepPublished(capsule, version);
        if (snapshot.isEmpty()) {
            log.warn("Capsule {} : le moteur d'index configuré ne garde pas d'instantané des versions publiées ; la version {}"
                    + " est servie depuis l'index de travail, dont les changements de documents seront visibles de tous"
                    + " (docs/VERSIONS.md)", capsule.definition().id(), version);
        }
        snapshot.ifPresent(kept -> {
            String keptHash = Fingerprints.corpusHash(kept.stream()
                    .map(d -> new Fingerprints.ManifestEntry(d.documentId(), d.file(), d.sha256())).toList());
            if (!keptHash.equals(content.corpusHash())) {
                throw new CapsuleConflictException("les documents de la capsule ont changé pendant la publication :"
                        + " relancez l'évaluation puis la publication");
            }
        });
    }

    private void releaseEarlierCorpora(Capsule capsule, int version) {
        try {
            documents.releasePublishedExcept(capsule, version);
        } catch (RuntimeException e) {
            // Harmless: the earlier snapshots are no longer served; the next publication releases them.
            log.warn("Capsule {} : les versions antérieures à {} n'ont pas pu être libérées", capsule.definition().id(),
                    version, e);
        }
    }

    /**
     * Records the catalogue capsule's current version as published, when the gate passed and no version of the
     * capsule was recorded yet: a catalogue capsule is in service from the start, its first snapshot is what a later
     * rollback comes back to.
     */
    void recordCatalogueVersion(Capsule capsule, Evaluation evaluation) {
        String id = capsule.definition().id();
        exclusively(id, () -> {
            if (versions.latest(id).isEmpty() && versions.find(id, capsule.definition().version()).isEmpty()) {
                Fingerprints.Fingerprint now = fingerprints.of(capsule);
                String modelName = models.modelOf(capsule.definition());
                keepCorpus(capsule, capsule.definition().version(), now);
                versions.insert(id, new CapsuleVersion(capsule.definition().version(), "published", Instant.now(),
                        CatalogueGateCheck.CATALOGUE.username(), now.contentHash(), now.corpusHash(), modelName,
                        model.digest(modelName).orElse(null), evaluation.id(), null, null, capsule.definition(), now.manifest(),
                        null));
            }
            return null;
        });
    }

    /** The capsule's published versions, latest first, each with its status now. */
    public List<CapsuleVersion> versions(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        List<CapsuleVersion> all = versions.of(capsuleId);
        List<CapsuleVersion> marked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String status = i > 0 ? "superseded"
                    : switch (capsule.definition().status()) {
                        case PUBLISHED -> "published";
                        case RETIRED -> "retired";
                        case DRAFT -> "superseded";
                    };
            marked.add(all.get(i).withStatus(status));
        }
        return marked;
    }

    /** One published version in full. */
    public CapsuleVersion version(String capsuleId, int version, CapsulesUser user) {
        return versions(capsuleId, user).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new WorkshopNotFoundException("la capsule n'a pas de version publiée " + version));
    }

    private <T> T exclusively(String capsuleId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(capsuleId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw alreadyPublishing();
        }
        try {
            // The same across application nodes sharing the database.
            Lease lease;
            try {
                lease = leases.tryAcquire("publication:" + capsuleId);
            } catch (LeaseHeldException e) {
                throw alreadyPublishing();
            }
            try (lease) {
                return work.get();
            }
        } finally {
            lock.unlock();
        }
    }

    private static CapsuleConflictException alreadyPublishing() {
        return new CapsuleConflictException("une publication de cette capsule est déjà en cours (par un autre référent) :"
                + " rechargez la page pour voir son résultat");
    }
}
