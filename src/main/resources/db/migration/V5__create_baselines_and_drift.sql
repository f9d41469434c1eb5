-- Drift (issue 9): fixed baseline profiles merged from labelled observations, and the drift checks that found
-- anomalies. Profiles are base64 text and check results JSON text, as elsewhere, because H2 and PostgreSQL share no
-- binary or JSON column type. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE baseline (
    id                BIGINT       NOT NULL PRIMARY KEY,
    asset_id          BIGINT       NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    name              VARCHAR(100),
    label             VARCHAR(64)  NOT NULL,
    window_from       TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to         TIMESTAMP WITH TIME ZONE NOT NULL,
    observation_count INTEGER      NOT NULL,
    record_count      BIGINT       NOT NULL,
    profile_base64    TEXT         NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(300) NOT NULL
);
CREATE INDEX baseline_asset_idx ON baseline (asset_id, created_at);

CREATE TABLE drift_check (
    id            BIGINT       NOT NULL PRIMARY KEY,
    asset_id      BIGINT       NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by    VARCHAR(300) NOT NULL,
    against_kind  VARCHAR(16)  NOT NULL,
    anomaly_count INTEGER      NOT NULL,
    result_json   TEXT         NOT NULL
);
CREATE INDEX drift_check_asset_idx ON drift_check (asset_id, checked_at);
