-- The referent's workshop (issue 11): reference questions, evaluation runs, thresholds and published versions.
-- Lists and nested values are kept as JSON text, read and written by the workshop package only.
CREATE TABLE reference_questions (
    capsule_id          VARCHAR(63)   NOT NULL,
    list_index          INTEGER       NOT NULL,
    id                  VARCHAR(36)   NOT NULL,
    question            VARCHAR(2000) NOT NULL,
    expected_documents  TEXT          NOT NULL,
    expected_facts      TEXT          NOT NULL,
    answerable          BOOLEAN       NOT NULL,
    PRIMARY KEY (capsule_id, list_index)
);

CREATE TABLE evaluations (
    id              VARCHAR(36)   PRIMARY KEY,
    capsule_id      VARCHAR(63)   NOT NULL,
    capsule_version INTEGER       NOT NULL,
    corpus_hash     VARCHAR(64)   NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    started_by      VARCHAR(64)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    passed          BOOLEAN,
    model           VARCHAR(100),
    result          TEXT
);
CREATE INDEX evaluations_by_capsule ON evaluations (capsule_id, started_at);

CREATE TABLE capsule_thresholds (
    capsule_id  VARCHAR(63) PRIMARY KEY,
    thresholds  TEXT        NOT NULL,
    updated_by  VARCHAR(64) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per publication: the snapshot a rollback publishes again.
CREATE TABLE capsule_versions (
    capsule_id      VARCHAR(63)  NOT NULL,
    version         INTEGER      NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(64)  NOT NULL,
    content_hash    VARCHAR(64)  NOT NULL,
    corpus_hash     VARCHAR(64)  NOT NULL,
    model           VARCHAR(100),
    model_digest    VARCHAR(100),
    evaluation_id   VARCHAR(36),
    override_reason VARCHAR(1000),
    rolled_back_from INTEGER,
    definition      TEXT         NOT NULL,
    manifest        TEXT         NOT NULL,
    PRIMARY KEY (capsule_id, version)
);
