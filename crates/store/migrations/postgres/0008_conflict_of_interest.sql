-- Conflict of interest and repeated reports: blind indexes only. Kept in step
-- with migrations/sqlite/0008_conflict_of_interest.sql; a test compares the
-- two migrated schemas.
--
-- A blind index is HMAC(server secret, normalised value) (khien_vault::blind_index):
-- equal values give equal indexes, and a stolen database alone reveals neither
-- a name nor an ID number. Indexes of different kinds never collide (each kind
-- has its own HMAC label), so one column holds them all.

-- What a staff member registered about themselves: their national ID number
-- (kind 'national_id') and their name with their unit's name (kind 'name_unit').
-- Registering again replaces the row.
CREATE TABLE staff_identity_indexes (
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('national_id', 'name_unit')),
    blind_index   BYTEA NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
CREATE INDEX staff_identity_indexes_blind_index ON staff_identity_indexes (blind_index);

-- Each accused person of a case: name + organisation (as typed, and as the
-- unit it was matched to), written at intake in the case's own transaction.
CREATE TABLE case_accused_indexes (
    case_id     TEXT NOT NULL REFERENCES cases (id),
    blind_index BYTEA NOT NULL,
    PRIMARY KEY (case_id, blind_index)
);
CREATE INDEX case_accused_indexes_blind_index ON case_accused_indexes (blind_index);
