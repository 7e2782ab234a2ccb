-- What the AI register holds beyond the capsule definition, written by an administrator: the legal
-- basis of the processing and the reference of its data-protection impact assessment (DPIA).
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE register_details (
    capsule_id      VARCHAR(63)   NOT NULL PRIMARY KEY,
    legal_basis     VARCHAR(500)  NOT NULL,
    dpia_reference  VARCHAR(200)  NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
