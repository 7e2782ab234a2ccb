-- Passages a referent excluded from a capsule (issue 12: text addressed to a model, hidden in a
-- document, or otherwise unfit to reach a prompt). Excluded passages stay in the index but are
-- never returned by search nor sent to a model. A passage is named by its document id (from the
-- file's SHA-256, stable across re-indexing) and its 0-based rank. Portable SQL (H2 and PostgreSQL).
CREATE TABLE passage_exclusions (
    capsule_id   VARCHAR(63)  NOT NULL,
    passage_id   VARCHAR(80)  NOT NULL,
    document_id  VARCHAR(40)  NOT NULL,
    excluded_by  VARCHAR(64)  NOT NULL,
    excluded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(500),
    PRIMARY KEY (capsule_id, passage_id)
);
