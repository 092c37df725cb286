-- The retaliation tripwire: protected persons' ID numbers as blind indexes, HR
-- officers' adverse decisions, the alerts a match raises, and their review
-- (Circular 03/2020/TT-BNV). Kept in step with
-- migrations/sqlite/0007_retaliation_tripwire.sql.
--
-- No ID number is stored here: only HMAC(server secret, digits)
-- (khien_vault::blind_index, NationalId), which the server secret — kept outside
-- the database — is needed to compute. The numbers themselves are inside the
-- protection request's ciphertext.

-- One row per ID number a protection request gave. Who the person is (self,
-- spouse, parent, child) is under the case key, like the rest of the request.
-- active_until is the last day protection covers; NULL while it lasts.
CREATE TABLE protected_id_numbers (
    id                    TEXT PRIMARY KEY,
    case_id               TEXT NOT NULL REFERENCES cases (id),
    protection_request_id TEXT NOT NULL REFERENCES protection_requests (id),
    blind_index           BYTEA NOT NULL,
    person_ciphertext     BYTEA NOT NULL,
    active_from           TEXT NOT NULL,    -- the request's date in Vietnam
    active_until          TEXT
);
CREATE INDEX protected_id_numbers_blind_index ON protected_id_numbers (blind_index);
CREATE INDEX protected_id_numbers_request ON protected_id_numbers (protection_request_id);

-- Adverse decisions recorded by HR officers. The note is not kept here (see
-- alert_hr_actions): a decision about someone unprotected needs none in Khiên.
CREATE TABLE hr_actions (
    id          TEXT PRIMARY KEY,
    blind_index BYTEA NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('transfer', 'discipline', 'dismissal',
                    'demotion', 'pay_cut', 'poor_rating', 'contract_not_renewed')),
    unit_id     TEXT NOT NULL REFERENCES units (id),  -- the employing unit
    decided_on  TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX hr_actions_recorded_by ON hr_actions (recorded_by, recorded_at);

-- Alerts for the unit that must act. `kind` is a khien_domain::tripwire::AlertKind
-- code, deliberately without a CHECK, so a new kind needs no table rebuild.
-- `details` is a kind's JSON under the case key, for kinds raised where the case
-- key is at hand; hr_action_match keeps only ids (alert_hr_actions).
CREATE TABLE alerts (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    case_id         TEXT NOT NULL REFERENCES cases (id),
    unit_id         TEXT NOT NULL REFERENCES units (id),
    created_at      TEXT NOT NULL,
    details         BYTEA,
    acknowledged_by TEXT REFERENCES users (id),
    acknowledged_at TEXT
);
CREATE INDEX alerts_unit ON alerts (unit_id, acknowledged_at, created_at);

-- What an hr_action_match alert is about. The HR officer's note, if any, is
-- sealed to the alerted unit's public key: the server cannot open it again.
CREATE TABLE alert_hr_actions (
    alert_id               TEXT PRIMARY KEY REFERENCES alerts (id),
    hr_action_id           TEXT NOT NULL REFERENCES hr_actions (id),
    protected_id_number_id TEXT NOT NULL REFERENCES protected_id_numbers (id),
    note_sealed            BYTEA
);

-- The protection officer's review of an alert; the note under the case key.
CREATE TABLE alert_reviews (
    alert_id        TEXT PRIMARY KEY REFERENCES alerts (id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('routine_rotation', 'consent',
                        'resolver_request', 'unrelated_misconduct', 'retaliation_suspected')),
    note_ciphertext BYTEA,
    reviewed_by     TEXT NOT NULL REFERENCES users (id),
    reviewed_at     TEXT NOT NULL
);
