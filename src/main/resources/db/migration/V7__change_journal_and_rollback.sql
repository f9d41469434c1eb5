-- Change timeline and rollback (issue 9). Portable SQL: runs on H2 and PostgreSQL.

-- notification_event is now the change journal: every event is stored, whether or not anyone is told about it.
-- event_asset links an event to the assets whose inputs it changed: the subject for a contract, validation or drift
-- event, the consumer for a dependency event (after a removal the producer is no longer upstream of anything that
-- reads through that edge, so it cannot be found through the graph), the deleted asset and its direct consumers for a
-- deletion. The timeline of X reads the events linked to X or to anything upstream of X; occurred_at is copied here
-- so that one index answers "these assets, this window".
CREATE TABLE event_asset (
    event_id    VARCHAR(36)  NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
    asset       VARCHAR(300) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, asset)
);
CREATE INDEX event_asset_asset_idx ON event_asset (asset, occurred_at);
CREATE INDEX notification_event_subject_idx ON notification_event (subject, occurred_at);

-- Events stored before this migration are linked to their subject; their consumers live only inside the JSON data,
-- which portable SQL cannot read.
INSERT INTO event_asset (event_id, asset, occurred_at)
SELECT id, subject, occurred_at FROM notification_event;

-- A contract version published by a rollback names the version whose schema it restores.
ALTER TABLE contract ADD COLUMN rolled_back_to VARCHAR(40);
