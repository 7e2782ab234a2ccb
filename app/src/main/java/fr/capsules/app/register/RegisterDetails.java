package fr.capsules.app.register;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.audit.AuditAction;
import fr.capsules.app.audit.AuditTrail;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleNotFoundException;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.app.kernel.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's fields an administrator writes for each capsule: the legal basis of the processing
 * and the reference of its impact assessment. A change and its audit entry commit together.
 */
@Component
public class RegisterDetails {

    static final int MAX_LEGAL_BASIS = 500;
    static final int MAX_DPIA_REFERENCE = 200;

    /** What an administrator wrote, and when. */
    public record Details(String legalBasis, String dpiaReference, String updatedBy, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final Capsules capsules;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    RegisterDetails(JdbcClient jdbc, Capsules capsules, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.capsules = capsules;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What is recorded for the capsule, if anything. */
    public Optional<Details> of(String capsuleId) {
        return jdbc.sql("SELECT legal_basis, dpia_reference, updated_by, updated_at FROM register_details WHERE capsule_id = ?")
                .param(capsuleId)
                .query((rs, row) -> new Details(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Records the legal basis and the DPIA reference of a capsule (administrators only); blank values
     * are stored as empty, meaning "not yet documented".
     */
    public Details save(String capsuleId, String legalBasis, String dpiaReference, CapsulesUser admin) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("seul un administrateur renseigne la base légale et l'analyse d'impact du registre");
        }
        Capsule capsule = capsules.find(capsuleId).orElseThrow(() -> new CapsuleNotFoundException(capsuleId, false));
        String basis = checked(legalBasis, MAX_LEGAL_BASIS, "legalBasis", "la base légale");
        String dpia = checked(dpiaReference, MAX_DPIA_REFERENCE, "dpiaReference", "la référence de l'analyse d'impact");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE register_details SET legal_basis = ?, dpia_reference = ?, updated_by = ?, updated_at = ?"
                            + " WHERE capsule_id = ?")
                    .params(basis, dpia, admin.username(), now, capsuleId).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO register_details (capsule_id, legal_basis, dpia_reference, updated_by, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .params(capsuleId, basis, dpia, admin.username(), now).update();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("legalBasis", basis);
            details.put("dpiaReference", dpia);
            audit.record(admin.username(), AuditAction.REGISTER_UPDATED, capsuleId, capsule.definition().version(), details);
        });
        return new Details(basis, dpia, admin.username(), now.toInstant());
    }

    private static String checked(String value, int max, String field, String what) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new InvalidRequestException(
                    "« " + field + " » : " + what + " dépasse " + max + " caractères (" + text.length() + ") ; résumez-la"
                            + " et renvoyez vers le document complet");
        }
        return text;
    }
}
