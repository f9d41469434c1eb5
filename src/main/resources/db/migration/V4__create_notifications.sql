-- Notifications (issue 6): subscriptions, and a transactional outbox. An event and its deliveries are written in
-- the transaction of the change they describe; dispatchers on any replica claim due deliveries with a conditional
-- UPDATE (claimed_by, claimed_until) and send them outside any transaction. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE subscription (
    id          BIGINT        NOT NULL PRIMARY KEY,
    team        VARCHAR(100)  NOT NULL,
    asset       VARCHAR(300),
    events      VARCHAR(1000) NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    target      VARCHAR(2000) NOT NULL,
    secret      VARCHAR(300),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(300)  NOT NULL
);
CREATE INDEX subscription_team_idx ON subscription (team);
CREATE INDEX subscription_asset_idx ON subscription (asset);

CREATE TABLE notification_event (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    type        VARCHAR(64)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data        TEXT          NOT NULL
);

CREATE TABLE delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)   NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
    team            VARCHAR(100)  NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    target          VARCHAR(2000) NOT NULL,
    secret          VARCHAR(300),
    reason          TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX delivery_due_idx ON delivery (status, next_attempt_at);
CREATE INDEX delivery_team_idx ON delivery (team);

CREATE TABLE delivery_attempt (
    id           BIGINT        NOT NULL PRIMARY KEY,
    delivery_id  BIGINT        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    http_status  INTEGER,
    error        VARCHAR(2000)
);
CREATE INDEX delivery_attempt_delivery_idx ON delivery_attempt (delivery_id);

CREATE TABLE inbox_notification (
    id          BIGINT        NOT NULL PRIMARY KEY,
    team        VARCHAR(100)  NOT NULL,
    event_id    VARCHAR(36)   NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
    reason      TEXT          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX inbox_notification_team_idx ON inbox_notification (team, read_at);
