-- The Confluent-compatible API (/apis/ccompat/v7). Portable SQL: runs on H2 and PostgreSQL.
--
-- schema_id: one integer per distinct schema content (format and fingerprint), the id Kafka serializers put in
-- every message. Given out by its own sequence at the first request that needs it, never reused and never
-- changed, so the same on every replica; the schema itself stays in contract.
CREATE SEQUENCE schema_id_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE schema_id (
    id          BIGINT      NOT NULL PRIMARY KEY,
    format      VARCHAR(20) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schema_id_content_unique UNIQUE (format, fingerprint)
);

-- subject: a Confluent subject name an asset answers to, besides <asset>-value (TopicNameStrategy).
-- Unique across the registry: a subject names one asset.
CREATE TABLE subject (
    name     VARCHAR(255) NOT NULL PRIMARY KEY,
    asset_id BIGINT       NOT NULL REFERENCES asset (id) ON DELETE CASCADE
);
CREATE INDEX subject_asset_idx ON subject (asset_id);

-- registry_setting: settings changed through an API at run time, e.g. the Confluent API's global compatibility.
CREATE TABLE registry_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
