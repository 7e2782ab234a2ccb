package fr.capsules.app.draft;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.Asking;
import fr.capsules.app.ask.Provenances;
import fr.capsules.app.ask.RetrievalProperties;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleKind;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.export.ExportFormat;
import fr.capsules.app.export.ExportedFile;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.app.provenance.Provenance;
import fr.capsules.app.usage.Metering;
import fr.capsules.app.usage.RowOutput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The life of drafts: created from a question (text) or from findings (table), edited, validated
 * or rejected by people who may see the capsule. Access is checked here once per call: a draft of
 * a capsule the caller may not see is "not found", exactly like one that does not exist.
 */
@Service
public class DraftReview {

    private final Capsules capsules;
    private final Drafts drafts;
    private final Asking asking;
    private final TableDrafter tables;
    private final RetrievalProperties bounds;
    private final DraftExports exports;
    private final AuditTrail audit;
    private final Metering metering;
    private final Provenances provenances;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    DraftReview(Capsules capsules, Drafts drafts, Asking asking, TableDrafter tables, RetrievalProperties bounds,
            DraftExports exports, AuditTrail audit, Metering metering, PlatformTransactionManager transactions,
            Provenances provenances) {
        this.capsules = capsules;
        this.drafts = drafts;
        this.asking = asking;
        this.tables = tables;
        this.bounds = bounds;
        this.exports = exports;
        this.audit = audit;
        this.metering = metering;
        this.provenances = provenances;
        // A change and its audit entry are written together or not at all; the model is called
        // before, outside any transaction.
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a creation request carries: a question for text capsules, findings for table ones. */
    public record Request(String question, String input) {}

    public Draft create(String capsuleId, Request request, CapsulesUser user) {
        return create(capsuleId, request, user, (index, row) -> {});
    }

    /** Creates a draft, telling {@code rows} of each table row as soon as it is drafted. */
    public Draft create(String capsuleId, Request request, CapsulesUser user, TableDrafter.RowListener rows) {
        Capsule capsule = capsules.require(capsuleId, user);
        capsule.requireInService();
        Draft draft;
        List<RowOutput> outputs = List.of();
        if (capsule.definition().kind() == CapsuleKind.TABLE && request.input() != null) {
            TableDrafter.TableDraft table = tables.draft(capsule, user, request.input(), rows);
            // A table draft's "question" is its subject, read from the findings' context (establishment, date).
            draft = Draft.generated(capsule.definition().id(), capsule.definition().version(), capsule.definition().name(),
                    table.model(), table.title(), table.content(), List.of(), table.warnings(), user, now(),
                    tableProvenance(capsule, table));
            outputs = table.rowOutputs();
        } else if (request.question() != null) {
            Answer answer = asking.answer(capsule, user, request.question(), bounds);
            draft = Draft.generated(capsule.definition().id(), capsule.definition().version(), capsule.definition().name(),
                    answer.model(), request.question(), DraftContent.text(answer.answer()), answer.citations(),
                    answer.warnings(), user, now(), answer.provenance());
        } else {
            throw new InvalidRequestException(capsule.definition().kind() == CapsuleKind.TABLE
                    ? "envoyez les constats dans le champ « input » (un par ligne), ou une question dans « question »"
                    : "envoyez la question dans le champ « question »");
        }
        Draft created = draft;
        List<RowOutput> createdRows = outputs;
        transaction.executeWithoutResult(status -> {
            drafts.insert(created);
            metering.draftCreated(capsule.definition(), user, created.id(), created.model(), createdRows, created.createdAt());
            Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of(
                    "kind", created.kind().json(),
                    "model", created.model() == null ? "" : created.model(),
                    "rows", created.content().rows().size(),
                    "citedDocuments", created.citations().stream().map(c -> c.documentId()).distinct().toList()));
            details.putAll(provenanceDetails(created.provenance()));
            record(user, AuditAction.DRAFT_CREATED, created, details);
        });
        return draft;
    }

    /** A table's provenance: the version serving the capsule, the model if it drafted any row ("sans modèle" else). */
    private Provenance tableProvenance(Capsule capsule, TableDrafter.TableDraft table) {
        return provenances.writtenBy(provenances.served(capsule), table.model());
    }

    /** The provenance facts of audit entries on drafts and exports: version served, model digest or its absence. */
    static Map<String, Object> provenanceDetails(Provenance provenance) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("publishedVersion", provenance.capsuleVersion());
        if (provenance.modelDigest() != null) {
            details.put("modelDigest", provenance.modelDigest());
        }
        if (provenance.modelAbsence() != null) {
            details.put("modelAbsence", provenance.modelAbsence());
        }
        return details;
    }

    /** A table draft from an uploaded file of findings. */
    public Draft createFromFile(String capsuleId, String fileName, byte[] content, CapsulesUser user,
            TableDrafter.RowListener rows) {
        Capsule capsule = capsules.require(capsuleId, user);
        capsule.requireInService();
        if (capsule.definition().kind() != CapsuleKind.TABLE) {
            throw new InvalidRequestException("cette capsule rédige des réponses, pas des tableaux : posez une question");
        }
        TableDrafter.TableDraft table = tables.draftFile(capsule, user, fileName, content, rows);
        Draft draft = Draft.generated(capsule.definition().id(), capsule.definition().version(), capsule.definition().name(),
                table.model(), table.title(), table.content(), List.of(), table.warnings(), user, now(),
                tableProvenance(capsule, table));
        transaction.executeWithoutResult(status -> {
            drafts.insert(draft);
            metering.draftCreated(capsule.definition(), user, draft.id(), draft.model(), table.rowOutputs(), draft.createdAt());
            Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of("kind", draft.kind().json(), "rows",
                    draft.content().rows().size(), "inputFile", fileName == null ? "" : fileName));
            details.putAll(provenanceDetails(draft.provenance()));
            record(user, AuditAction.DRAFT_CREATED, draft, details);
        });
        return draft;
    }

    /** Refuses, before any work, a capsule the user may not see or that is retired. */
    public void requireDraftable(String capsuleId, CapsulesUser user) {
        capsules.require(capsuleId, user).requireInService();
    }

    /**
     * The draft, when the person may see it: they may see its capsule, and are its author, one of the people it is
     * assigned to, an admin, or a member of a capsule that shares its drafts with its service. Anything else is "not
     * found", exactly like a draft that does not exist.
     */
    public Draft get(String id, CapsulesUser user) {
        Draft draft = drafts.find(id).orElseThrow(() -> new DraftNotFoundException(id));
        capsules.find(draft.capsuleId())
                .filter(c -> c.isVisibleTo(user))
                .filter(c -> draft.isShownTo(user, c.definition().validation().sharedWithService()))
                .orElseThrow(() -> new DraftNotFoundException(id));
        return draft;
    }

    /**
     * The drafts the person may see ({@link #get}), newest first; optionally one capsule, one status: all those of
     * the capsules that share their drafts (all of every capsule for an admin), and in the others the person's own
     * and those assigned to them.
     */
    public List<Draft> list(String capsuleId, String status, CapsulesUser user) {
        List<Capsule> visible = capsuleId == null || capsuleId.isBlank()
                ? capsules.visibleTo(user)
                : List.of(capsules.require(capsuleId, user));
        List<String> whole = visible.stream()
                .filter(c -> user.isAdmin() || c.definition().validation().sharedWithService())
                .map(c -> c.definition().id()).toList();
        List<String> own = visible.stream().map(c -> c.definition().id()).filter(id -> !whole.contains(id)).toList();
        return drafts.list(whole, own, user.username(), status == null || status.isBlank() ? null : DraftStatus.parse(status),
                500);
    }

    public Draft edit(String id, DraftContent content, CapsulesUser user) {
        Draft current = get(id, user);
        Draft next = current.edit(current.normalise(content), user, now());
        save(next, user, AuditAction.DRAFT_EDITED, Map.of("revision", next.revision(), "editShare", next.editShare()));
        return next;
    }

    /**
     * Validates the draft as it is now, the caller having acknowledged the given warnings; the audit entry records
     * the content's hash ({@link ContentHash}) and each acknowledged warning.
     *
     * @param acknowledged ids of the warnings the caller acknowledged ({@link DraftWarning#id()}); null for none
     * @throws IllegalDraftTransitionException when a warning of the draft is not among them (409, naming each)
     */
    public Draft validate(String id, List<String> acknowledged, CapsulesUser user) {
        Draft current = get(id, user);
        boolean distinct = capsules.find(current.capsuleId())
                .map(c -> c.definition().validation().fourEyes())
                .orElse(true);
        Draft next = current.validate(user, now(), distinct, acknowledged == null ? Set.of()
                : acknowledged.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        save(next, user, AuditAction.DRAFT_VALIDATED, Map.of(
                "revision", next.revision(),
                "editShare", next.editShare(),
                "contentSha256", ContentHash.of(next.content()),
                "acknowledgedWarnings", next.acknowledgements().stream().map(DraftReview::audited).toList()));
        return next;
    }

    /** An acknowledged warning in the audit trail: id, scope, where and what (who and when are the entry's). */
    private static Map<String, Object> audited(Acknowledgement acknowledgement) {
        DraftWarning warning = acknowledgement.warning();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("id", warning.id());
        details.put("scope", warning.scope().json());
        if (warning.row() != null) {
            details.put("row", warning.row());
        }
        if (warning.column() != null) {
            details.put("column", warning.column());
        }
        details.put("message", warning.message());
        return details;
    }

    public Draft reject(String id, String reason, CapsulesUser user) {
        Draft next = get(id, user).reject(user, now(), reason);
        save(next, user, AuditAction.DRAFT_REJECTED, Map.of("reason", next.rejectionReason()));
        return next;
    }

    /** The validated draft as a file; refused (409) before validation. */
    public ExportedFile export(String id, String format, CapsulesUser user) {
        ExportFormat parsed = DraftExports.format(format);
        Draft draft = get(id, user);
        ExportedFile file = exports.export(draft, parsed);
        Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of(
                "format", parsed.extension(), "sha256", file.sha256(), "fileName", file.fileName(),
                "validatedBy", draft.validatedBy().username(), "validatedAt", draft.validatedAt().toString()));
        details.putAll(provenanceDetails(draft.provenance()));
        record(user, AuditAction.DRAFT_EXPORTED, draft, details);
        return file;
    }

    private void save(Draft next, CapsulesUser user, AuditAction action, Map<String, ?> details) {
        transaction.executeWithoutResult(status -> {
            drafts.update(next);
            metering.draftReviewed(next.id(), next.status().json(), next.editShare(),
                    next.validatedAt() == null ? null : Duration.between(next.createdAt(), next.validatedAt()));
            record(user, action, next, details);
        });
    }

    private void record(CapsulesUser user, AuditAction action, Draft draft, Map<String, ?> more) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("draftId", draft.id());
        details.putAll(more);
        audit.record(user.username(), action, draft.capsuleId(), draft.capsuleVersion(), details);
    }

    private Instant now() {
        // The database keeps microseconds: truncate so that what is returned equals what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
