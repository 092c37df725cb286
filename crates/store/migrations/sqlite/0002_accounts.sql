-- Staff accounts: the organisation tree, users and their roles, unit keys and
-- sessions. Kept in step with migrations/postgres/0002_accounts.sql; a test compares
-- the two migrated schemas. Ids are 16 random bytes as lowercase hex text.
-- Timestamps are RFC 3339 UTC text, as in 0001.

-- Units form a tree through parent_id. Codes are what people type; ids never change.
CREATE TABLE units (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,       -- Vietnamese, NFC
    kind          TEXT NOT NULL,       -- "party_committee", "inspectorate", …
    parent_id     TEXT REFERENCES units (id),
    head_position TEXT,                -- e.g. "Chánh Thanh tra tỉnh"
    created_at    TEXT NOT NULL,
    CONSTRAINT units_code_key UNIQUE (code)
);
CREATE INDEX units_parent_id ON units (parent_id);

-- Staff users. The password verifier (for checking a login) and the
-- password-wrapped private key (opened into the session) each have their own salt.
-- The TOTP secret is sealed under the server secret (kept outside the database).
CREATE TABLE users (
    id                   TEXT   PRIMARY KEY,
    username             TEXT   NOT NULL,
    unit_id              TEXT   NOT NULL REFERENCES units (id),
    password_hash        BLOB  NOT NULL,   -- khien_vault::staff_login::PasswordVerifier
    totp_secret_sealed   BLOB  NOT NULL,   -- khien_vault::staff_login::seal_totp_secret
    totp_last_step       BIGINT,          -- last 30 s step a code was accepted for
    public_key           BLOB  NOT NULL,   -- X25519
    wrapped_key_password BLOB  NOT NULL,   -- private key under Argon2id(password)
    wrapped_key_recovery BLOB  NOT NULL,   -- private key under the recovery key
    disabled_at          TEXT,            -- set while the account is disabled
    failed_attempts      BIGINT NOT NULL, -- failed logins since the last success or lockout
    locked_until         TEXT,
    created_at           TEXT   NOT NULL,
    password_changed_at  TEXT   NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username)
);
CREATE INDEX users_unit_id ON users (unit_id);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL,               -- "admin", "intake", "handler", …
    PRIMARY KEY (user_id, role)
);

-- Each unit's key pairs: kind "unit" (opens the unit's case keys) and "intake"
-- (opens identities until acceptance). Only the public key is stored in clear.
CREATE TABLE unit_keys (
    unit_id    TEXT NOT NULL REFERENCES units (id),
    kind       TEXT NOT NULL CHECK (kind IN ('unit', 'intake')),
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind)
);

-- A unit private key sealed to one member's public key.
CREATE TABLE unit_key_seals (
    unit_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sealed     BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind, user_id),
    FOREIGN KEY (unit_id, kind) REFERENCES unit_keys (unit_id, kind)
);
CREATE INDEX unit_key_seals_user_id ON unit_key_seals (user_id);

-- A member who should hold a unit key but does not yet: fulfilled by the server
-- while another holder is logged in (only then is the unit key in memory).
CREATE TABLE unit_key_grants (
    unit_id      TEXT NOT NULL,
    kind         TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (unit_id, kind, user_id),
    FOREIGN KEY (unit_id, kind) REFERENCES unit_keys (unit_id, kind)
);

-- Staff sessions. The cookie carries the session id and the key that opens
-- sealed_private_key; the database keeps only SHA-256 of the id.
CREATE TABLE sessions (
    id_hash             BLOB  PRIMARY KEY,
    user_id             TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at          TEXT NOT NULL,
    last_seen_at        TEXT NOT NULL,
    absolute_expires_at TEXT NOT NULL,
    sealed_private_key  BLOB  NOT NULL,
    csrf_token          TEXT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
