-- Teams, assets, contract versions and API tokens. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE team (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    email       VARCHAR(320) NOT NULL,
    webhook     VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE asset (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL UNIQUE,
    kind                 VARCHAR(20)  NOT NULL,
    owner_team           VARCHAR(100) NOT NULL REFERENCES team (name),
    description          VARCHAR(10000),
    criticality          VARCHAR(10)  NOT NULL,
    compatibility        VARCHAR(30)  NOT NULL,
    strict_compatibility BOOLEAN      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX asset_owner_idx ON asset (owner_team);
CREATE INDEX asset_kind_idx ON asset (kind);

CREATE TABLE asset_tag (
    asset_id BIGINT      NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    tag      VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_id, tag)
);
CREATE INDEX asset_tag_tag_idx ON asset_tag (tag);

CREATE TABLE contract (
    id            BIGINT       NOT NULL PRIMARY KEY,
    asset_id      BIGINT       NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    version       VARCHAR(40)  NOT NULL,
    major         INTEGER      NOT NULL,
    minor         INTEGER      NOT NULL,
    patch         INTEGER      NOT NULL,
    format        VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    schema_text   TEXT         NOT NULL,
    changelog     VARCHAR(10000),
    fields_json   TEXT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(300) NOT NULL,
    CONSTRAINT contract_version_unique UNIQUE (asset_id, major, minor, patch)
);

CREATE TABLE api_token (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    team        VARCHAR(100) REFERENCES team (name),
    role        VARCHAR(10)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE SEQUENCE watershed_seq START WITH 1 INCREMENT BY 50;
