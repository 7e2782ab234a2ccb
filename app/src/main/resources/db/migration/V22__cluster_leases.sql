-- Leases shared by every application node on one database (issue 17.3): work that must run on one
-- node at a time (re-indexing a capsule, publishing it, changing its definition, evaluating it)
-- holds a named lease for its duration. A row is a lease held; its holder renews it while it works,
-- so that a node that died holding one loses it when it expires. Portable SQL (H2 and PostgreSQL).
CREATE TABLE cluster_leases (
    name         VARCHAR(160) PRIMARY KEY,
    holder       VARCHAR(160) NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
