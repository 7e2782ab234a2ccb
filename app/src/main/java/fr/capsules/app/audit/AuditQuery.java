package fr.capsules.app.audit;

import java.time.Instant;

/**
 * A selection of audit entries, newest first. Every filter is optional ({@code null} = any) and
 * filters combine with "and".
 *
 * @param actor exact username (case-sensitive)
 * @param capsuleId exact capsule id
 * @param action one action
 * @param from entries recorded at or after this instant (inclusive)
 * @param to entries recorded strictly before this instant (exclusive), so that consecutive ranges
 *     {@code [a, b)}, {@code [b, c)} never count an entry twice
 * @param limit at most this many entries, 1 to {@value #MAX_LIMIT} ({@value #DEFAULT_LIMIT} by
 *     default)
 * @param offset entries to skip first (≥ 0), for paging
 * @throws InvalidAuditQueryException for a limit or offset out of range, or {@code from} not
 *     before {@code to}
 */
public record AuditQuery(
        String actor, String capsuleId, AuditAction action, Instant from, Instant to, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("limit doit être compris entre 1 et 10 000 (reçu : " + limit + ").");
        }
        if (offset < 0) {
            throw new InvalidAuditQueryException("offset doit être positif ou nul (reçu : " + offset + ").");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("from doit précéder to (to est exclu de la période).");
        }
    }

    /** Every entry, newest first, up to the default limit. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    public AuditQuery byActor(String actor) {
        return new AuditQuery(actor, capsuleId, action, from, to, limit, offset);
    }

    public AuditQuery byCapsule(String capsuleId) {
        return new AuditQuery(actor, capsuleId, action, from, to, limit, offset);
    }

    public AuditQuery byAction(AuditAction action) {
        return new AuditQuery(actor, capsuleId, action, from, to, limit, offset);
    }

    /** Entries recorded in {@code [from, to)}; either bound may be {@code null}. */
    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(actor, capsuleId, action, from, to, limit, offset);
    }

    public AuditQuery page(int limit, int offset) {
        return new AuditQuery(actor, capsuleId, action, from, to, limit, offset);
    }
}
