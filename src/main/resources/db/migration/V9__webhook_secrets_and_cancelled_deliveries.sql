-- Issue 13: webhook secrets at rest, and deliveries that stop when their subscription is deleted. Portable SQL: runs
-- on H2 and PostgreSQL.
--
-- A delivery no longer carries a copy of its subscription's secret: it names its subscription, and the sender reads
-- (and decrypts) the secret from there at each attempt. Deleting a subscription cancels its pending deliveries.
-- Encrypting the secrets that are still plain text is not possible in SQL: the registry does it at every start,
-- after Flyway (adapter.persistence.SecretsAtRest), and marks each ciphertext with the prefix 'v1:'.

-- Room for 'v1:' + base64 of IV, ciphertext and tag of a secret of up to 300 characters.
ALTER TABLE subscription ALTER COLUMN secret SET DATA TYPE VARCHAR(2000);

ALTER TABLE delivery ADD COLUMN subscription_id BIGINT;

-- Existing deliveries find their subscription by team, channel and target (one event is never sent twice to the same
-- target of a team). A signed webhook came from a subscription; a team's own webhook was unsigned. An email to the
-- team's own address came from the team channel.
UPDATE delivery SET subscription_id = (
        SELECT MIN(s.id) FROM subscription s
        WHERE s.team = delivery.team AND s.channel = delivery.channel AND s.target = delivery.target)
    WHERE (channel = 'WEBHOOK' AND secret IS NOT NULL)
       OR (channel = 'EMAIL' AND NOT EXISTS (
            SELECT 1 FROM team t WHERE t.name = delivery.team AND t.email = delivery.target));

-- Signed deliveries whose subscription was deleted before this version kept retrying: cancel them.
UPDATE delivery SET status = 'CANCELLED'
    WHERE status = 'PENDING' AND channel = 'WEBHOOK' AND secret IS NOT NULL AND subscription_id IS NULL;

ALTER TABLE delivery DROP COLUMN secret;

CREATE INDEX delivery_subscription_idx ON delivery (subscription_id, status);

-- Errors recorded before this version named Java exceptions ("ConnectException: ..."); the delivery log now says what
-- happened in words.
UPDATE delivery_attempt SET error = 'timed out' WHERE error LIKE 'Http%TimeoutException%';
UPDATE delivery_attempt SET error = 'could not connect' WHERE error LIKE 'ConnectException%';
UPDATE delivery_attempt SET error = 'could not send (recorded by an older version)' WHERE error LIKE '%Exception%';
