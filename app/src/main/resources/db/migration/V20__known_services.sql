-- The services people were seen to belong to when they signed in (through the identity provider,
-- whose groups cannot be listed in advance), so that a capsule's scope is chosen among services
-- that exist. Portable SQL (H2 and PostgreSQL).
CREATE TABLE known_services (
    service        VARCHAR(63)  NOT NULL PRIMARY KEY,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
