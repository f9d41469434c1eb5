-- A dependency may be declared on a producer that has no published contract yet ("lineage only"): it has no
-- version range until the producer publishes, when it takes ^<major> of that first version. Portable SQL: runs on
-- H2 and PostgreSQL.

ALTER TABLE dependency ALTER COLUMN version_range DROP NOT NULL;
