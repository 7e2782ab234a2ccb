package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.index.DocumentRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What referents and administrators do to a capsule's documents: upload, remove, re-index. Each
 * use case checks who asks (the capsule must be visible to them, then they must maintain
 * capsules), does the work through the {@link DocumentLibrary} and records it in the audit trail,
 * so that every entry point (the API, the pages, a command line) gets the same checks and the
 * same records.
 *
 * <p>A capsule the caller may not see is "not found" before anything else is said, as everywhere.
 */
@Service
public class DocumentMaintenance {

    static final String ORIGINAL_REFUSED = "les documents de cette capsule sont pseudonymisés : leurs originaux"
            + " contiennent des données personnelles en clair et ne peuvent être téléchargés que par les référents de la"
            + " capsule et les administrateurs";

    private final Capsules capsules;
    private final DocumentLibrary library;
    private final AuditTrail audit;

    DocumentMaintenance(Capsules capsules, DocumentLibrary library, AuditTrail audit) {
        this.capsules = capsules;
        this.library = library;
        this.audit = audit;
    }

    /**
     * Ingests the uploaded files into the capsule; one result per file, each recorded.
     *
     * @throws EmptyUploadException when no file was sent
     */
    public List<IngestionResult> upload(String capsuleId, List<Upload> uploads, CapsulesUser user) {
        Capsule capsule = maintained(capsuleId, user);
        if (uploads.isEmpty()) {
            throw new EmptyUploadException();
        }
        List<IngestionResult> results = library.upload(capsule, uploads);
        for (IngestionResult r : results) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", r.file());
            details.put("status", r.status().json());
            details.put("documentId", r.documentId());
            details.put("pages", r.pages());
            details.put("chunks", r.chunks());
            details.put("warnings", r.warnings());
            details.put("error", r.error());
            if (!r.counts().isEmpty()) {
                details.put("counts", r.counts());
            }
            record(user, AuditAction.DOCUMENT_UPLOADED, capsule, details);
        }
        return results;
    }

    /**
     * The original file of a document, for anyone who may see the capsule; for a pseudonymised
     * capsule, whose originals hold the personal data in clear, for its referents and the
     * administrators only, each download recorded.
     *
     * @throws ForbiddenException when the capsule is pseudonymised and the caller does not maintain it
     * @throws DocumentNotFoundException when the capsule holds no such document
     */
    public DocumentLibrary.Original original(String capsuleId, String documentId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        boolean pseudonymised = capsule.definition().pseudonymised();
        if (!capsule.mayOpenOriginals(user)) {
            throw new ForbiddenException(pseudonymised ? ORIGINAL_REFUSED : CitedSources.ORIGINALS_FOR_MAINTAINERS);
        }
        DocumentLibrary.Original original = library.original(capsule, documentId);
        if (pseudonymised) {
            record(user, AuditAction.ORIGINAL_DOWNLOADED, capsule, Map.of("documentId", original.record().documentId(),
                    "file", original.record().file(), "sha256", original.record().sha256()));
        }
        return original;
    }

    /**
     * Removes a document and its passages from the capsule.
     *
     * @throws DocumentNotFoundException when the capsule holds no such document
     */
    public DocumentRecord delete(String capsuleId, String documentId, CapsulesUser user) {
        Capsule capsule = maintained(capsuleId, user);
        DocumentRecord removed = library.delete(capsule, documentId);
        record(user, AuditAction.DOCUMENT_DELETED, capsule,
                Map.of("documentId", removed.documentId(), "file", removed.file(), "sha256", removed.sha256()));
        return removed;
    }

    /**
     * Rebuilds the capsule's index from all its documents.
     *
     * @throws EmbeddingsUnavailableException when the embedding model did not answer; the previous
     *     index keeps serving and nothing is recorded
     */
    public List<IngestionResult> reindex(String capsuleId, CapsulesUser user) {
        Capsule capsule = maintained(capsuleId, user);
        List<IngestionResult> results = library.reindex(capsule);
        record(user, AuditAction.CAPSULE_REINDEXED, capsule, Map.of(
                "documents", results.stream().filter(r -> r.status() == IngestionStatus.INDEXED).count(),
                "chunks", results.stream().mapToInt(IngestionResult::chunks).sum(),
                "trigger", "api"));
        return results;
    }

    private Capsule maintained(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        ForbiddenException.requireMaintainer(user);
        return capsule;
    }

    private void record(CapsulesUser user, AuditAction action, Capsule capsule, Map<String, Object> details) {
        audit.record(user.username(), action, capsule.definition().id(), capsule.definition().version(), details);
    }
}
