-- Conversations, drafts and their versions. Portable SQL: runs on the embedded H2 (PostgreSQL
-- mode) and on PostgreSQL.

CREATE TABLE conversations (
    id          VARCHAR(36)  PRIMARY KEY,
    owner       VARCHAR(64)  NOT NULL,
    capsule_id  VARCHAR(63)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE conversation_turns (
    conversation_id  VARCHAR(36) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    turn             INTEGER     NOT NULL,
    question         TEXT        NOT NULL,
    answer           TEXT        NOT NULL,
    mode             VARCHAR(16) NOT NULL,
    model            VARCHAR(100),
    capsule_version  INTEGER     NOT NULL,
    cited_documents  TEXT        NOT NULL,
    asked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, turn)
);

CREATE TABLE drafts (
    id               VARCHAR(36)  PRIMARY KEY,
    capsule_id       VARCHAR(63)  NOT NULL,
    capsule_version  INTEGER      NOT NULL,
    capsule_name     VARCHAR(120) NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    model            VARCHAR(100),
    question         TEXT,
    ai_content       TEXT         NOT NULL,
    content          TEXT         NOT NULL,
    citations        TEXT         NOT NULL,
    warnings         TEXT         NOT NULL,
    edit_share       DOUBLE PRECISION NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_by_name  VARCHAR(120) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_by        VARCHAR(64),
    edited_at        TIMESTAMP WITH TIME ZONE,
    validated_by     VARCHAR(64),
    validated_by_name VARCHAR(120),
    validated_at     TIMESTAMP WITH TIME ZONE,
    rejected_by      VARCHAR(64),
    rejected_at      TIMESTAMP WITH TIME ZONE,
    rejection_reason TEXT,
    revision         INTEGER      NOT NULL
);

CREATE INDEX drafts_by_capsule ON drafts (capsule_id, status);

CREATE TABLE draft_versions (
    draft_id    VARCHAR(36) NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    revision    INTEGER     NOT NULL,
    content     TEXT        NOT NULL,
    author      VARCHAR(64) NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (draft_id, revision)
);
