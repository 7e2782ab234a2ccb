package fr.capsules.app.audit;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reading the audit trail, for administrators only, whatever the entry point (the API, the
 * administration page). A refusal is a {@link ForbiddenException}, so that it is itself recorded
 * as {@code access-denied} where it is answered.
 */
@Service
public class AuditConsultation {

    private final AuditTrail trail;

    AuditConsultation(AuditTrail trail) {
        this.trail = trail;
    }

    /** The entries matching the query, newest first. */
    public List<AuditEntry> find(AuditQuery query, CapsulesUser caller) {
        requireAdmin(caller);
        return trail.find(query);
    }

    /** Whether the chain of entries is as recorded. */
    public ChainVerification verify(CapsulesUser caller) {
        requireAdmin(caller);
        return trail.verify();
    }

    /** Refuses anyone but an administrator, before any work (e.g. parsing the filters of a page). */
    public void requireAdmin(CapsulesUser caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("seuls les administrateurs peuvent consulter le journal d'audit");
        }
    }
}
