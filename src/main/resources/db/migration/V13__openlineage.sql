-- OpenLineage ingestion (issue 18). Portable SQL: runs on H2 and PostgreSQL.
--
-- Datasets and jobs are keyed by the SHA-256 of their namespace and name: the pair may be 2,000 characters long,
-- more than an index entry should carry, and the hash is the same on every replica.

-- The raw events, each stored once (event_key: the hash of what identifies it, so a replay finds it), deleted after
-- watershed.lineage.retention. A run's earlier events are read again when it completes.
CREATE TABLE lineage_event (
    event_key     VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_kind    VARCHAR(10)   NOT NULL,
    event_type    VARCHAR(10),
    event_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id        VARCHAR(255),
    job_namespace VARCHAR(1000),
    job_name      VARCHAR(1000),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    body          TEXT          NOT NULL
);
CREATE INDEX lineage_event_run_idx ON lineage_event (run_id);
CREATE INDEX lineage_event_received_idx ON lineage_event (received_at);

-- Every dataset seen, with its latest schema facet and what that schema was last checked against (check_key: the
-- contract version and the schema, hashed), so that the same violation is announced once, not on every run.
CREATE TABLE lineage_dataset (
    dataset_key    VARCHAR(64)   NOT NULL PRIMARY KEY,
    namespace      VARCHAR(1000) NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    schema_json    TEXT,
    schema_seen_at TIMESTAMP WITH TIME ZONE,
    check_key      VARCHAR(64)
);

-- Other identifiers of a dataset, from its symlinks facet: an asset declaring any of them matches the dataset.
CREATE TABLE lineage_dataset_alias (
    dataset_key VARCHAR(64)   NOT NULL REFERENCES lineage_dataset (dataset_key) ON DELETE CASCADE,
    alias_key   VARCHAR(64)   NOT NULL,
    namespace   VARCHAR(1000) NOT NULL,
    name        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (dataset_key, alias_key)
);
CREATE INDEX lineage_dataset_alias_idx ON lineage_dataset_alias (alias_key);

-- Which jobs read (INPUT) or wrote (OUTPUT) a dataset; last_completed: the latest completed run that did.
CREATE TABLE lineage_dataset_job (
    dataset_key    VARCHAR(64)   NOT NULL REFERENCES lineage_dataset (dataset_key) ON DELETE CASCADE,
    job_key        VARCHAR(64)   NOT NULL,
    job_namespace  VARCHAR(1000) NOT NULL,
    job_name       VARCHAR(1000) NOT NULL,
    job_role       VARCHAR(6)    NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_completed TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (dataset_key, job_key, job_role)
);

-- Data seen flowing from an input to an output dataset through a job, over its completed runs (each counted once:
-- last_run_id), with the input fields the outputs' column lineage named.
CREATE TABLE lineage_flow (
    input_key     VARCHAR(64)   NOT NULL REFERENCES lineage_dataset (dataset_key) ON DELETE CASCADE,
    output_key    VARCHAR(64)   NOT NULL REFERENCES lineage_dataset (dataset_key) ON DELETE CASCADE,
    job_key       VARCHAR(64)   NOT NULL,
    job_namespace VARCHAR(1000) NOT NULL,
    job_name      VARCHAR(1000) NOT NULL,
    first_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    runs          BIGINT        NOT NULL,
    last_run_id   VARCHAR(255)  NOT NULL,
    fields_json   TEXT          NOT NULL,
    PRIMARY KEY (input_key, output_key, job_key)
);

-- One row, locked by every ingestion: events are few next to reads, and one lock across replicas keeps two events
-- about the same dataset from racing to insert it. version counts the events stored, so that what is computed from
-- observed lineage (findings) is recomputed when it moves, on every replica.
CREATE TABLE lineage_ingest_lock (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO lineage_ingest_lock (id, version) VALUES (1, 0);
