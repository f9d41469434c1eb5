-- Dependencies between assets, and the estate change counter replicas compare to notice that their in-memory
-- dependency graph is behind. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE dependency (
    id               BIGINT        NOT NULL PRIMARY KEY,
    producer         VARCHAR(200)  NOT NULL REFERENCES asset (name),
    consumer         VARCHAR(200)  NOT NULL REFERENCES asset (name),
    version_range    VARCHAR(200)  NOT NULL,
    resolved_version VARCHAR(40),
    fields_json      TEXT          NOT NULL,
    data_usage       VARCHAR(10)   NOT NULL,
    note             VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(300)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dependency_pair_unique UNIQUE (producer, consumer),
    CONSTRAINT dependency_not_self CHECK (producer <> consumer)
);
CREATE INDEX dependency_consumer_idx ON dependency (consumer);

-- One row. Every write that changes assets, contracts or dependencies increments it in its own transaction.
CREATE TABLE estate_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO estate_version (id, version) VALUES (1, 0);
