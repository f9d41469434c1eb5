-- Facts the findings and the cost/benefit report need: which asset replicates (or is the fallback for) which, and
-- what a consumer declares about its use of a producer: the train/evaluation split key, the fields it learns to
-- predict, and what the data costs and is worth. Usage EVALUATION fits the existing data_usage column.
-- Portable SQL: runs on H2 and PostgreSQL.

ALTER TABLE asset ADD COLUMN replica_of VARCHAR(200);
-- A replica outlives the asset it replicated; it then simply stops being a replica.
ALTER TABLE asset ADD CONSTRAINT asset_replica_of_fk FOREIGN KEY (replica_of) REFERENCES asset (name)
    ON DELETE SET NULL;
ALTER TABLE asset ADD CONSTRAINT asset_replica_not_self CHECK (replica_of IS NULL OR replica_of <> name);

ALTER TABLE dependency ADD COLUMN split_key VARCHAR(500);
ALTER TABLE dependency ADD COLUMN target_fields_json TEXT;
ALTER TABLE dependency ADD COLUMN cost_amount DOUBLE PRECISION;
ALTER TABLE dependency ADD COLUMN cost_unit VARCHAR(50);
ALTER TABLE dependency ADD COLUMN benefit_value DOUBLE PRECISION;
ALTER TABLE dependency ADD COLUMN benefit_metric VARCHAR(100);

-- The unstable-dependency finding reads recent major versions across the estate.
CREATE INDEX contract_created_at_idx ON contract (created_at);
