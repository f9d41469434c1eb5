-- The JSON Schema dialect each contract version was read as when published. Portable SQL: runs on H2 and PostgreSQL.
--
-- A JSON Schema without $schema is now read as 2020-12 or as the configured fallback (watershed.contracts.
-- fallback-dialect), chosen when it is published; storing the choice keeps a version validating as it was published
-- when the setting changes later. NULL for Avro, and for the versions stored before this migration: those were all
-- read as their $schema or, without one, as 2020-12, which the registry computes when it reads them
-- (JsonSchemaDialects.storedBeforeDetection), as SQL cannot read $schema out of the stored text portably.
ALTER TABLE contract ADD COLUMN dialect VARCHAR(200);
