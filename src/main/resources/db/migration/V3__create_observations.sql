-- What validated batches looked like: counts and the serialised profile, never the records. Portable SQL: runs on
-- H2 and PostgreSQL. The profile is base64 text because the two databases share no binary large-object type.

CREATE TABLE observation (
    id             BIGINT       NOT NULL PRIMARY KEY,
    asset_id       BIGINT       NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    version        VARCHAR(40)  NOT NULL,
    label          VARCHAR(64),
    observed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    total_count    BIGINT       NOT NULL,
    valid_count    BIGINT       NOT NULL,
    invalid_count  BIGINT       NOT NULL,
    error_count    BIGINT       NOT NULL,
    profile_base64 TEXT,
    recorded_by    VARCHAR(300) NOT NULL
);
CREATE INDEX observation_asset_time_idx ON observation (asset_id, observed_at);
