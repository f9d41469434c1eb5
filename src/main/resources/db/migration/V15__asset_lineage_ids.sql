-- asset_lineage_id: an OpenLineage dataset (namespace and name, as OpenLineage events name it) an asset is known by,
-- so that lineage events can be attributed to assets. Portable SQL: runs on H2 and PostgreSQL.
-- Unique across the registry: a dataset names one asset. The unique index also serves the lookup that lineage
-- ingestion makes for every dataset of every event. Assets are deleted, not hidden: their rows go with them and
-- the datasets are free to be claimed again.
CREATE TABLE asset_lineage_id (
    asset_id  BIGINT        NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    namespace VARCHAR(1000) NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    CONSTRAINT asset_lineage_id_unique UNIQUE (namespace, name)
);
CREATE INDEX asset_lineage_id_asset_idx ON asset_lineage_id (asset_id);
