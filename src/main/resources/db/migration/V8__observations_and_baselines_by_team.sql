-- Which team recorded an observation or created a baseline, and whether it did so for the asset's owner (the owning
-- team or an admin). Another team's observations and baselines are kept and labelled, but never become what the
-- owner's drift checks compare with. Existing rows take the team from their author label ("team/token"); rows made
-- by the bootstrap admin (no team) count as the owner's. Portable SQL: runs on H2 and PostgreSQL.

ALTER TABLE observation ADD COLUMN team VARCHAR(100);
ALTER TABLE observation ADD COLUMN by_owner BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE observation SET team = SUBSTRING(recorded_by FROM 1 FOR POSITION('/' IN recorded_by) - 1)
    WHERE POSITION('/' IN recorded_by) > 1;
UPDATE observation SET by_owner = TRUE
    WHERE team IS NULL OR team = (SELECT owner_team FROM asset WHERE asset.id = observation.asset_id);
CREATE INDEX observation_asset_label_idx ON observation (asset_id, label, observed_at);

ALTER TABLE baseline ADD COLUMN team VARCHAR(100);
ALTER TABLE baseline ADD COLUMN by_owner BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE baseline SET team = SUBSTRING(created_by FROM 1 FOR POSITION('/' IN created_by) - 1)
    WHERE POSITION('/' IN created_by) > 1;
UPDATE baseline SET by_owner = TRUE
    WHERE team IS NULL OR team = (SELECT owner_team FROM asset WHERE asset.id = baseline.asset_id);
