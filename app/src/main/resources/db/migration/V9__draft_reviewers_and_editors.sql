-- Need-to-know on drafts: the people a draft is assigned to for validation (who may then see it), and every
-- person who edited its content (none of whom may validate it when the capsule asks for four eyes).
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE draft_reviewers (
    draft_id     VARCHAR(36)  NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    username     VARCHAR(64)  NOT NULL,
    name         VARCHAR(120) NOT NULL,
    PRIMARY KEY (draft_id, username)
);

CREATE INDEX draft_reviewers_by_username ON draft_reviewers (username);

-- JSON list of logins, in order of first edit; null before any edit.
ALTER TABLE drafts ADD COLUMN editors TEXT;
