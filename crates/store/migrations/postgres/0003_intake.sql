-- Intake: cases, their key seals, the sealed identity, messages and attachments.
-- Kept in step with migrations/sqlite/0003_intake.sql; a test compares the two
-- migrated schemas. Ids are 16 random bytes as lowercase hex text; timestamps are
-- RFC 3339 UTC text; dates of legal effect are 'YYYY-MM-DD' (Asia/Ho_Chi_Minh).
--
-- Nothing here holds plaintext of a report, an identity or a file name: those are
-- ciphertexts under the case key or the identity key (khien_vault::case_keys).
-- Flags are BIGINT 0/1 so both engines read them the same way.

-- One row (id = 1): where reports with no unit chosen go. NULL: the root unit.
CREATE TABLE intake_settings (
    id                  BIGINT PRIMARY KEY CHECK (id = 1),
    default_intake_unit TEXT REFERENCES units (id),
    updated_at          TEXT NOT NULL
);

CREATE TABLE cases (
    id                TEXT PRIMARY KEY,
    tracking_number   TEXT NOT NULL,            -- KH-2026-7Q4M9X2D, public
    unit_id           TEXT NOT NULL REFERENCES units (id),
    kind              TEXT NOT NULL CHECK (kind IN ('denunciation', 'reflection', 'petition')),
    channel           TEXT NOT NULL CHECK (channel IN ('web', 'hotline', 'letter', 'in_person')),
    anonymous         BIGINT NOT NULL CHECK (anonymous IN (0, 1)),
    wants_protection  BIGINT NOT NULL CHECK (wants_protection IN (0, 1)),
    received_on       TEXT NOT NULL,            -- date of receipt, starts the legal clocks
    received_at       TEXT NOT NULL,            -- web: rounded down to the hour
    receipt_lookup    BYTEA NOT NULL,            -- HMAC(server secret, receipt)
    reporter_kdf      BYTEA NOT NULL,            -- khien_vault::kdf::KdfHeader (params + salt)
    report_ciphertext BYTEA NOT NULL,            -- JSON ReportContent under the case key
    created_by        TEXT REFERENCES users (id), -- the intake officer; NULL for the web
    CONSTRAINT cases_tracking_number_key UNIQUE (tracking_number),
    CONSTRAINT cases_receipt_lookup_key UNIQUE (receipt_lookup)
);
-- A unit's inbox, newest first, paged by (received_at, id).
CREATE INDEX cases_unit_inbox ON cases (unit_id, received_at, id);

-- The case key sealed to each holder: the handling unit's key (holder_id = unit
-- id) and the reporter's Argon2id(receipt) key (holder_id = 'reporter').
CREATE TABLE case_key_seals (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    holder_kind TEXT NOT NULL CHECK (holder_kind IN ('unit', 'reporter')),
    holder_id   TEXT NOT NULL,
    sealed      BYTEA NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, holder_kind, holder_id)
);

-- Who made the report, under the identity key. No row: anonymous.
-- share_count = 0 records that the unit had no custodian, so no shares exist.
CREATE TABLE case_identities (
    case_id         TEXT PRIMARY KEY REFERENCES cases (id),
    ciphertext      BYTEA NOT NULL,              -- JSON ReporterIdentities under the identity key
    share_threshold BIGINT NOT NULL,            -- k (0 when there are no shares)
    share_count     BIGINT NOT NULL             -- n
);

-- The identity key sealed to the reporter (holder_id 'reporter'), to the unit's
-- intake key (holder_id = unit id; destroyed at the acceptance decision), and one
-- Shamir share per custodian (holder_id = user id, share_id = x coordinate).
CREATE TABLE identity_seals (
    case_id      TEXT NOT NULL REFERENCES case_identities (case_id),
    holder_kind  TEXT NOT NULL CHECK (holder_kind IN ('reporter', 'intake', 'custodian')),
    holder_id    TEXT NOT NULL,
    share_id     BIGINT,
    sealed       BYTEA,                          -- NULL once destroyed
    created_at   TEXT NOT NULL,
    destroyed_at TEXT,
    PRIMARY KEY (case_id, holder_kind, holder_id)
);

-- Messages between the reporter and staff, numbered per case.
CREATE TABLE case_messages (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id),
    seq            BIGINT NOT NULL,             -- order within the case
    author_kind    TEXT NOT NULL CHECK (author_kind IN ('reporter', 'staff')),
    author_user_id TEXT REFERENCES users (id),
    created_at     TEXT NOT NULL,               -- reporter: rounded down to the hour
    ciphertext     BYTEA NOT NULL,               -- the body under the case key
    CONSTRAINT case_messages_case_seq_key UNIQUE (case_id, seq)
);

-- Encrypted files: the stream lives in blobs/<blob_id>; name and media type are
-- a JSON document under the case key.
CREATE TABLE attachments (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases (id),
    message_id      TEXT REFERENCES case_messages (id),
    blob_id         TEXT NOT NULL,
    size            BIGINT NOT NULL,            -- plaintext bytes
    meta_ciphertext BYTEA NOT NULL,
    author_kind     TEXT NOT NULL CHECK (author_kind IN ('reporter', 'staff')),
    author_user_id  TEXT REFERENCES users (id),
    created_at      TEXT NOT NULL,
    CONSTRAINT attachments_blob_id_key UNIQUE (blob_id)
);
CREATE INDEX attachments_case_id ON attachments (case_id, created_at);
