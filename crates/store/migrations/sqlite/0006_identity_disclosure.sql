-- Identity disclosure by k-of-n custodians (LTC Art. 56). Kept in step with
-- migrations/postgres/0006_identity_disclosure.sql; a test compares the two.
--
-- In clear: who asked, for which case, on which legal ground, when, and which
-- custodians decided what. Encrypted: what the requester and the custodians
-- wrote (under a per-request key sealed to the requester and the custodians),
-- and every share (sealed to one person's public key). The server alone can
-- open none of it (khien_vault::disclosure, khien_vault::reshare).

-- Per unit: how many custodians must agree (k). No row: the default, 2.
-- k = 1 only with an administrator's recorded acceptance (a unit with a single
-- custodian).
CREATE TABLE unit_identity_settings (
    unit_id                      TEXT PRIMARY KEY REFERENCES units (id),
    share_threshold              BIGINT NOT NULL CHECK (share_threshold BETWEEN 1 AND 255),
    single_custodian_accepted_by TEXT REFERENCES users (id),
    single_custodian_accepted_at TEXT,
    updated_by                   TEXT NOT NULL REFERENCES users (id),
    updated_at                   TEXT NOT NULL,
    CHECK (share_threshold > 1 OR single_custodian_accepted_by IS NOT NULL)
);

-- What intake wanted k to be (the unit's setting) when it was lowered to the
-- number of custodians; NULL for cases sealed before this migration. The
-- generation counts re-shares: shares of different generations never combine.
ALTER TABLE case_identities ADD COLUMN threshold_wanted BIGINT;
ALTER TABLE case_identities ADD COLUMN share_generation BIGINT NOT NULL DEFAULT 0;
-- The public key a custodian's share was sealed to (NULL before this migration):
-- a custodian whose keys were reset no longer opens it, and a re-share is due.
ALTER TABLE identity_seals ADD COLUMN sealed_to BLOB;

CREATE TABLE identity_requests (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES case_identities (case_id),
    unit_id              TEXT NOT NULL REFERENCES units (id),     -- the handling unit when asked
    requester_id         TEXT NOT NULL REFERENCES users (id),
    requester_role       TEXT NOT NULL CHECK (requester_role IN ('handler', 'head', 'protection')),
    requester_public_key BLOB NOT NULL,                           -- what shares are re-sealed to
    legal_reason         TEXT NOT NULL CHECK (legal_reason IN ('verification_contact',
                             'protection_measures', 'reward', 'judicial_request', 'reporter_consent')),
    ciphertext           BLOB NOT NULL,                           -- details and purpose, under the request key
    created_at           TEXT NOT NULL,
    expires_at           TEXT NOT NULL,
    last_decision_at     TEXT,
    approved_at          TEXT,                                    -- the k-th approval: the disclosure
    approved_generation  BIGINT,
    refused_at           TEXT,
    first_opened_at      TEXT
);
CREATE INDEX identity_requests_unit ON identity_requests (unit_id, created_at);
CREATE INDEX identity_requests_case ON identity_requests (case_id, requester_id);

-- The request key, sealed to the requester and to each custodian.
CREATE TABLE identity_request_key_seals (
    request_id TEXT NOT NULL REFERENCES identity_requests (id),
    holder_id  TEXT NOT NULL REFERENCES users (id),
    sealed     BLOB NOT NULL,
    PRIMARY KEY (request_id, holder_id)
);

-- One custodian's decision. An approval carries their share sealed to the requester.
CREATE TABLE identity_request_decisions (
    request_id        TEXT NOT NULL REFERENCES identity_requests (id),
    custodian_id      TEXT NOT NULL REFERENCES users (id),
    decision          TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
    reason_ciphertext BLOB NOT NULL,                              -- under the request key
    share_generation  BIGINT NOT NULL,
    resealed_share    BLOB,
    decided_at        TEXT NOT NULL,
    PRIMARY KEY (request_id, custodian_id)
);

-- Re-sharing a case's identity key to its unit's current custodians, by k
-- current holders, without rebuilding the key (khien_vault::reshare).
CREATE TABLE identity_reshares (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES case_identities (case_id),
    from_generation BIGINT NOT NULL,
    old_threshold   BIGINT NOT NULL,                              -- contributions needed
    new_threshold   BIGINT NOT NULL,
    threshold_wanted BIGINT NOT NULL,
    contributions   BIGINT NOT NULL,
    created_at      TEXT NOT NULL,
    completed_at    TEXT,
    cancelled_at    TEXT
);
-- At most one open round per case.
CREATE UNIQUE INDEX identity_reshares_open ON identity_reshares (case_id)
    WHERE completed_at IS NULL AND cancelled_at IS NULL;

-- Who a round re-shares to, with the share id each gets and the key sealed to.
CREATE TABLE identity_reshare_recipients (
    reshare_id   TEXT NOT NULL REFERENCES identity_reshares (id),
    custodian_id TEXT NOT NULL REFERENCES users (id),
    share_id     BIGINT NOT NULL,
    public_key   BLOB NOT NULL,
    PRIMARY KEY (reshare_id, custodian_id)
);

-- One contributor's part for one recipient, sealed to the recipient; bundled
-- into the recipient's share when the round completes.
CREATE TABLE identity_reshare_parts (
    reshare_id     TEXT NOT NULL REFERENCES identity_reshares (id),
    contributor_id TEXT NOT NULL REFERENCES users (id),
    recipient_id   TEXT NOT NULL REFERENCES users (id),
    sealed         BLOB NOT NULL,
    PRIMARY KEY (reshare_id, contributor_id, recipient_id)
);
