-- The audit trail: append-only, hash-chained. Portable SQL: runs on the embedded H2 (PostgreSQL
-- mode) and on PostgreSQL.
--
-- seq is assigned by the application (not an identity column) so that the chain order is explicit
-- and a gap is visible. Each hash covers the entry's fields and the previous entry's hash; see
-- fr.capsules.app.audit.ChainHashes for the exact canonical form.

CREATE TABLE audit_entries (
    seq              BIGINT       PRIMARY KEY,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(64)  NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    capsule_id       VARCHAR(63),
    capsule_version  INTEGER,
    details          TEXT         NOT NULL,
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL,
    CONSTRAINT audit_entries_seq_positive CHECK (seq > 0)
);

-- Every filter is followed by "newest first" (ORDER BY seq DESC): seq ends each index.
CREATE INDEX audit_entries_by_actor ON audit_entries (actor, seq);
CREATE INDEX audit_entries_by_capsule ON audit_entries (capsule_id, seq);
CREATE INDEX audit_entries_by_action ON audit_entries (action, seq);
CREATE INDEX audit_entries_by_time ON audit_entries (recorded_at);

-- The head of the chain, one row. Writers lock it (SELECT ... FOR UPDATE) before appending, which
-- serialises appends across threads and service instances alike: locking the last entry instead
-- would not work on an empty table, and PostgreSQL does not re-run an ORDER BY ... LIMIT after
-- waiting on a lock. It also lets the verification notice entries removed from the end.
CREATE TABLE audit_chain_head (
    id         SMALLINT PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
