-- Whether a batch drifted, so that it is not the next one compared with. Portable SQL: runs on H2 and PostgreSQL.
--
-- NULL: never found drifted (every observation stored before this migration, too). DRIFTED: a drift check of it
-- found anomalies; it is skipped as the previous observation of its label and left out of new baselines until
-- accepted. ACCEPTED: someone said the shift is real (POST .../observations/{id}/accept); it counts again.
ALTER TABLE observation ADD COLUMN drift_status VARCHAR(16);
