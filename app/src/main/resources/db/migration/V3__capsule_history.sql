-- Every version of every capsule the service has run, for the AI register's publication dates.
CREATE TABLE capsule_history (
    capsule_id   VARCHAR(63)  NOT NULL,
    version      INTEGER      NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (capsule_id, version)
);
