package fr.capsules.app.audit;

import java.time.Instant;

/** A row of {@code audit_entries} as stored, details still in their canonical text. */
record StoredEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String action,
        String capsuleId,
        Integer capsuleVersion,
        String detailsJson,
        String previousHash,
        String hash) {

    String recomputedHash() {
        return ChainHashes.hash(seq, recordedAt, actor, action, capsuleId, capsuleVersion, detailsJson, previousHash);
    }

    AuditEntry toEntry() {
        return new AuditEntry(
                seq, recordedAt, actor, action, capsuleId, capsuleVersion, CanonicalJson.readObject(detailsJson),
                previousHash, hash);
    }
}
