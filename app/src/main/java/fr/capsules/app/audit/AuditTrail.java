package fr.capsules.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: append-only, each entry chained to the previous one by a SHA-256 hash (see
 * {@link ChainHashes}), so that a modified, removed or reordered entry shows in {@link #verify()}.
 * There is deliberately no method to change or remove an entry.
 *
 * <p>Thread-safe. Appends are serialised twice: by a lock in this process (so that threads queue
 * here rather than on a database lock with a timeout) and by locking the chain's head row inside
 * the appending transaction, which also holds across several service instances on one PostgreSQL.
 * {@link #record} joins the caller's transaction when there is one, so that an action and its
 * entry commit or roll back together; callers that do so should record last, because the head row
 * stays locked until their commit.
 */
@Component
public class AuditTrail {

    /** Actor of entries made without an authenticated user. */
    public static final String ANONYMOUS = "anonyme";
    /** Actor of entries made by the service itself (start-up, scheduled work). */
    public static final String SYSTEM = "système";

    private static final int MAX_ACTOR_LENGTH = 64;
    private static final int MAX_CAPSULE_ID_LENGTH = 63;
    private static final String COLUMNS =
            "seq, recorded_at, actor, action, capsule_id, capsule_version, details, previous_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final Clock clock;
    private final ReentrantLock writer = new ReentrantLock(true);

    @Autowired
    public AuditTrail(DataSource dataSource, PlatformTransactionManager transactions) {
        this(dataSource, transactions, Clock.systemUTC());
    }

    AuditTrail(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Verification reads the whole table: in batches (PostgreSQL streams inside a transaction).
        this.jdbc.setFetchSize(1_000);
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Appends one entry, stamped now.
     *
     * @param actor the username; {@code null} or blank is recorded as {@link #ANONYMOUS}; control
     *     characters are replaced and a longer name is cut to 64 characters (it may be an
     *     attacker's input, as for {@code login-failed})
     * @param action what happened, never {@code null}
     * @param capsuleId the capsule concerned, or {@code null}; at most 63 characters
     * @param capsuleVersion that capsule's version, or {@code null}
     * @param details the keys documented on the {@link AuditAction}; {@code null} means none; values
     *     as accepted by {@link CanonicalJson} (strings, numbers, booleans, lists, maps, enums,
     *     UUIDs, {@code java.time} values)
     * @return the entry as stored, with its hash
     * @throws IllegalArgumentException for an unsupported detail value or an over-long capsule id
     * @throws org.springframework.dao.DataAccessException when the database refuses the append
     */
    public AuditEntry record(
            String actor, AuditAction action, String capsuleId, Integer capsuleVersion, Map<String, ?> details) {
        Objects.requireNonNull(action, "action");
        if (capsuleId != null && capsuleId.length() > MAX_CAPSULE_ID_LENGTH) {
            throw new IllegalArgumentException("capsule id longer than 63 characters");
        }
        String who = actorName(actor);
        String detailsJson = CanonicalJson.write(details == null ? Map.of() : details);
        writer.lock();
        try {
            return writes.execute(status -> append(who, action.code(), capsuleId, capsuleVersion, detailsJson));
        } finally {
            writer.unlock();
        }
    }

    private AuditEntry append(String actor, String action, String capsuleId, Integer capsuleVersion, String detailsJson) {
        Head head = jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")));
        long seq = head.lastSeq() + 1;
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHashes.hash(seq, recordedAt, actor, action, capsuleId, capsuleVersion, detailsJson, head.lastHash());
        jdbc.update(
                "INSERT INTO audit_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq,
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC),
                actor,
                action,
                capsuleId,
                capsuleVersion,
                detailsJson,
                head.lastHash(),
                hash);
        int moved = jdbc.update(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq = ?",
                seq,
                hash,
                head.lastSeq());
        if (moved != 1) {
            throw new IllegalStateException("audit chain head moved during an append");
        }
        return new AuditEntry(
                seq, recordedAt, actor, action, capsuleId, capsuleVersion, CanonicalJson.readObject(detailsJson),
                head.lastHash(), hash);
    }

    /** The entries matching the query, newest (highest {@code seq}) first. */
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entries WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.capsuleId() != null) {
            sql.append(" AND capsule_id = ?");
            args.add(query.capsuleId());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            args.add(query.action().code());
        }
        if (query.from() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        args.add(query.limit());
        args.add(query.offset());
        return reads.execute(status -> jdbc.query(sql.toString(), ENTRY, args.toArray()));
    }

    /**
     * Recomputes every hash from the first entry to the head of the chain, in order, and reports
     * the first place where the chain differs from what was recorded. Reads the whole trail, in
     * batches; safe to call while entries are being appended (those appended after the start are
     * not checked).
     */
    public ChainVerification verify() {
        return reads.execute(status -> {
            List<Head> heads = jdbc.query(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1",
                    (rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")));
            if (heads.isEmpty()) {
                return ChainVerification.brokenAt(0, 1, "La tête de chaîne (table audit_chain_head) a été supprimée.");
            }
            Head head = heads.getFirst();
            ChainCheck check = new ChainCheck();
            jdbc.query(
                    "SELECT " + COLUMNS + " FROM audit_entries WHERE seq <= ? ORDER BY seq",
                    (RowCallbackHandler) rs -> check.accept(readEntry(rs)),
                    head.lastSeq());
            return check.result(head.lastSeq(), head.lastHash());
        });
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> readEntry(rs).toEntry();

    private static StoredEntry readEntry(ResultSet rs) throws SQLException {
        return new StoredEntry(
                rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("capsule_id"),
                rs.getObject("capsule_version", Integer.class),
                rs.getString("details"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    static String actorName(String actor) {
        if (actor == null || actor.isBlank()) {
            return ANONYMOUS;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < actor.length(); ) {
            int c = actor.codePointAt(i);
            i += Character.charCount(c);
            if (name.length() + Character.charCount(c) > MAX_ACTOR_LENGTH) {
                break;
            }
            // A NUL or an unpaired surrogate would be refused or altered by the database, and the
            // stored actor would no longer hash as recorded.
            boolean unsafe = Character.isISOControl(c) || (Character.isBmpCodePoint(c) && Character.isSurrogate((char) c));
            name.appendCodePoint(unsafe ? '\uFFFD' : c);
        }
        return name.toString();
    }

    private record Head(long lastSeq, String lastHash) {}
}
