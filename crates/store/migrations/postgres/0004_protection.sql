-- Protection of denouncers: a reporter's requests for protection and reports
-- of retaliation. Kept in step with migrations/sqlite/0004_protection.sql.
-- The request or report itself is JSON under the case key; in clear are only
-- the case, the urgency flag (BIGINT 0/1) and the time (rounded to the hour).

CREATE TABLE protection_requests (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id),
    seq        BIGINT NOT NULL,   -- order within the case (times are only to the hour)
    urgent     BIGINT NOT NULL CHECK (urgent IN (0, 1)),
    created_at TEXT NOT NULL,
    ciphertext BYTEA NOT NULL,
    CONSTRAINT protection_requests_case_seq_key UNIQUE (case_id, seq)
);

CREATE TABLE retaliation_reports (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id),
    seq        BIGINT NOT NULL,   -- order within the case (times are only to the hour)
    created_at TEXT NOT NULL,
    ciphertext BYTEA NOT NULL,
    CONSTRAINT retaliation_reports_case_seq_key UNIQUE (case_id, seq)
);
