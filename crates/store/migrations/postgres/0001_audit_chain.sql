-- The audit chain: an append-only, hash-chained record of every write and of every
-- read of sensitive data. Kept in step with migrations/sqlite/0001_audit_chain.sql;
-- a test compares the two migrated schemas.
--
-- Timestamps are UTC, RFC 3339 text with microseconds ("2026-11-26T05:02:25.123456Z"),
-- so they sort as text and read the same on both backends.

CREATE TABLE audit_entries (
    seq          BIGINT PRIMARY KEY,     -- 1, 2, 3 … with no gaps
    recorded_at  TEXT   NOT NULL,
    actor        TEXT   NOT NULL,        -- "system", "user:<id>", "reporter" – never a name
    action       TEXT   NOT NULL,        -- e.g. "case.accepted"
    object       TEXT   NOT NULL,        -- e.g. "case:<id>"
    details      TEXT   NOT NULL,        -- JSON with no secrets and no identities
    details_hash BYTEA  NOT NULL,        -- SHA-256 of details
    prev_hash    BYTEA  NOT NULL,        -- hash of entry seq-1 (32 zero bytes for seq 1)
    hash         BYTEA  NOT NULL         -- SHA-256 over all of the above
);

-- One row: the newest entry. Writers lock it first, which serialises appends.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash BYTEA  NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

-- Signed checkpoints: every N entries and at shutdown, the head is signed with the
-- installation's Ed25519 key, which lives in the data directory, not in the database.
CREATE TABLE audit_checkpoints (
    seq        BIGINT PRIMARY KEY,
    hash       BYTEA  NOT NULL,
    signed_at  TEXT   NOT NULL,
    public_key BYTEA  NOT NULL,
    signature  BYTEA  NOT NULL
);
