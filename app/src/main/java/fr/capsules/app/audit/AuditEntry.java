package fr.capsules.app.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit trail, as recorded; immutable.
 *
 * @param seq position in the chain, 1 for the first entry, without gaps
 * @param recordedAt when it was recorded, to the microsecond
 * @param actor the username, the username tried ({@code login-failed}), {@link AuditTrail#ANONYMOUS}
 *     or {@link AuditTrail#SYSTEM}
 * @param action an {@link AuditAction} code; a string, so that a code unknown to this version still
 *     reads and verifies
 * @param capsuleId the capsule concerned, or {@code null}
 * @param capsuleVersion that capsule's version at the time, or {@code null}
 * @param details what else the action records (keys per {@link AuditAction}); read-only, keys sorted
 * @param previousHash the previous entry's {@code hash}; 64 zeros for the first entry
 * @param hash SHA-256 (hex) of this entry's canonical form, see {@link ChainHashes}
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String action,
        String capsuleId,
        Integer capsuleVersion,
        Map<String, Object> details,
        String previousHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = CanonicalJson.unmodifiable(details == null ? Map.of() : details);
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
