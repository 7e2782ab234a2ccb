package fr.capsules.app.pseudonym;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.pseudonymize.PseudonymTable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Reading a capsule's pseudonym table, which gives personal data back: for administrators and the
 * capsule's referents only ({@link Capsule#isMaintainedBy}), each reading recorded in the audit
 * trail. A capsule the caller may not see is "not found", as everywhere; one they may see but not
 * maintain is refused with a French reason.
 */
@Service
public class PseudonymConsultation {

    static final String REFUSED = "seuls les administrateurs et les référents de cette capsule peuvent lire sa table"
            + " de correspondance des pseudonymes, qui contient des données personnelles";

    private final Capsules capsules;
    private final PseudonymTables tables;
    private final AuditTrail audit;

    PseudonymConsultation(Capsules capsules, PseudonymTables tables, AuditTrail audit) {
        this.capsules = capsules;
        this.tables = tables;
        this.audit = audit;
    }

    /**
     * The capsule's pseudonyms and what they replaced, numbered order within each category.
     *
     * @throws fr.capsules.app.capsule.CapsuleNotFoundException when the caller may not see the capsule
     * @throws ForbiddenException when the caller is neither an administrator nor one of its referents
     * @throws PseudonymTableUnavailableException when the table cannot be opened (no key, wrong key)
     */
    public List<PseudonymTable.Entry> read(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        if (!capsule.isMaintainedBy(user)) {
            throw new ForbiddenException(REFUSED);
        }
        List<PseudonymTable.Entry> entries = tables.load(capsule.id()).entries();
        audit.record(user.username(), AuditAction.PSEUDONYMS_READ, capsule.definition().id(),
                capsule.definition().version(), Map.of("entries", entries.size()));
        return entries;
    }
}
