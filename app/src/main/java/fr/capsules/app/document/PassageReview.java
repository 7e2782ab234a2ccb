package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.ingest.index.DocumentRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A referent's decision on a passage flagged at ingestion (or any other): exclude it from the
 * capsule, or restore it. Only referents and administrators who can see the capsule may decide;
 * each decision is recorded in the audit trail in the same transaction. Excluded passages stay in
 * the index and are filtered out of every search ({@code ask.Retrieval}).
 */
@Service
public class PassageReview {

    static final int MAX_REASON = 500;

    private final Capsules capsules;
    private final CapsuleIndexes indexes;
    private final PassageExclusions exclusions;
    private final AuditTrail audit;

    PassageReview(Capsules capsules, CapsuleIndexes indexes, PassageExclusions exclusions, AuditTrail audit) {
        this.capsules = capsules;
        this.indexes = indexes;
        this.exclusions = exclusions;
        this.audit = audit;
    }

    /**
     * Excludes passage {@code number} (1-based, as the document's warnings name it).
     *
     * @throws DocumentNotFoundException when the capsule holds no such document
     * @throws PassageNotFoundException when the document has no such passage
     */
    @Transactional
    public PassageExclusion exclude(String capsuleId, String documentId, int number, String reason, CapsulesUser user) {
        Capsule capsule = maintained(capsuleId, user);
        DocumentRecord document = passageOf(capsule, documentId, number);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidRequestException("motif trop long (" + why.length() + " caractères ; limite " + MAX_REASON + ")");
        }
        PassageExclusion exclusion = exclusions.add(new PassageExclusion(capsule.definition().id(),
                PassageExclusion.passageId(document.documentId(), number), document.documentId(), number, user.username(),
                Instant.now(), why));
        Map<String, Object> details = details(document, number);
        if (why != null) {
            details.put("reason", why);
        }
        audit.record(user.username(), AuditAction.PASSAGE_EXCLUDED, capsule.definition().id(), capsule.definition().version(),
                details);
        return exclusion;
    }

    /** Puts an excluded passage back; a passage that was not excluded is left as it is and nothing is recorded. */
    @Transactional
    public boolean restore(String capsuleId, String documentId, int number, CapsulesUser user) {
        Capsule capsule = maintained(capsuleId, user);
        DocumentRecord document = passageOf(capsule, documentId, number);
        boolean removed = exclusions.remove(capsule.definition().id(), PassageExclusion.passageId(document.documentId(), number));
        if (removed) {
            audit.record(user.username(), AuditAction.PASSAGE_RESTORED, capsule.definition().id(),
                    capsule.definition().version(), details(document, number));
        }
        return removed;
    }

    /** The capsule's excluded passages, for those who maintain it. */
    public List<PassageExclusion> excluded(String capsuleId, CapsulesUser user) {
        return exclusions.of(maintained(capsuleId, user).definition().id());
    }

    private DocumentRecord passageOf(Capsule capsule, String documentId, int number) {
        DocumentRecord document = indexes.read(capsule.id(), index -> index.document(documentId))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        if (number < 1 || number > document.chunks()) {
            throw new PassageNotFoundException(documentId, number, document.chunks());
        }
        return document;
    }

    private static Map<String, Object> details(DocumentRecord document, int number) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", document.documentId());
        details.put("file", document.file());
        details.put("passage", number);
        return details;
    }

    private Capsule maintained(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        ForbiddenException.requireMaintainer(user);
        return capsule;
    }
}
