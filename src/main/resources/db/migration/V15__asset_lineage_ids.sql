-- asset_lineage_id: an OpenLineage dataset (namespace and name, as OpenLineage events name it) an asset is known by,
-- so that lineage events can be attributed to assets. Portable SQL: runs on H2 and PostgreSQL.
-- Unique across the registry: a dataset names one asset. id_key is the SHA-256 of namespace, newline and name, as
-- lineage_dataset.dataset_key is (V13): the pair may be 2,000 characters, more than a PostgreSQL index entry takes in
-- non-ASCII text, so the unique index is on the hash; it also serves the lookup that lineage ingestion makes for
-- every dataset of every event. Assets are deleted, not hidden: their rows go with them and
-- the datasets are free to be claimed again.
CREATE TABLE asset_lineage_id (
    asset_id  BIGINT        NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    namespace VARCHAR(1000) NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    id_key    VARCHAR(64)   NOT NULL,
    CONSTRAINT asset_lineage_id_unique UNIQUE (id_key)
);
CREATE INDEX asset_lineage_id_asset_idx ON asset_lineage_id (asset_id);
