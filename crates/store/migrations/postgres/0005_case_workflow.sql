-- The case workflow: the case file's events after receipt, the clock columns the
-- inbox and the reminder job read without any key, staff notifications, and the
-- documents issued along the way. Kept in step with migrations/sqlite/0005_case_workflow.sql.
--
-- The receipt itself is the `cases` row; events here start at seq 1 with the
-- first act after it. Each event is stored twice: whole under the case key, and
-- redacted (free text replaced, khien_domain::case_file::CaseEvent::redacted) in
-- clear, so the server can fold it for deadlines without opening the case.

CREATE TABLE case_events (
    case_id       TEXT NOT NULL REFERENCES cases (id),
    seq           BIGINT NOT NULL,          -- 1, 2, … in the order recorded
    kind          TEXT NOT NULL,            -- the event's tag ('accepted', …)
    on_date       TEXT NOT NULL,            -- the day it was recorded
    effective_on  TEXT NOT NULL,            -- the day the act bears (decided_on)
    unit_id       TEXT NOT NULL REFERENCES units (id), -- the unit that recorded it
    actor_user_id TEXT REFERENCES users (id),
    recorded_at   TEXT NOT NULL,
    public_event  TEXT NOT NULL,            -- redacted event JSON
    ciphertext    BYTEA NOT NULL,            -- whole event JSON under the case key
    PRIMARY KEY (case_id, seq)
);
-- "Cases my unit forwarded": the trail the sending unit keeps.
CREATE INDEX case_events_unit_kind ON case_events (unit_id, kind);

-- Derived from the fold on every append (and refreshed by the clock job):
ALTER TABLE cases ADD COLUMN stage TEXT NOT NULL DEFAULT 'received';
ALTER TABLE cases ADD COLUMN suspended BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN next_due TEXT;            -- earliest open deadline
ALTER TABLE cases ADD COLUMN next_due_kind TEXT;       -- its DeadlineKind code
ALTER TABLE cases ADD COLUMN assignee_id TEXT REFERENCES users (id);
ALTER TABLE cases ADD COLUMN clock_computed_on TEXT;   -- NULL: never computed
CREATE INDEX cases_unit_due ON cases (unit_id, next_due);
CREATE INDEX cases_unit_stage ON cases (unit_id, stage, received_at);

-- Where reminders are emailed; optional.
ALTER TABLE users ADD COLUMN email TEXT;

-- Reminders and escalations, in the app and by email; at most one per person,
-- case, deadline and point.
CREATE TABLE staff_notifications (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    case_id       TEXT NOT NULL REFERENCES cases (id),
    kind          TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue', 'escalation')),
    deadline_kind TEXT NOT NULL,
    due           TEXT NOT NULL,
    point         TEXT NOT NULL,            -- '3wd', '0wd', 'overdue', 'superior'…
    created_at    TEXT NOT NULL,
    emailed_at    TEXT,
    read_at       TEXT,
    CONSTRAINT staff_notifications_once UNIQUE (user_id, case_id, deadline_kind, due, point)
);
CREATE INDEX staff_notifications_user ON staff_notifications (user_id, read_at, created_at);

-- Document numbers (Số: 05/QĐ-…): per unit, year and type, never repeated.
CREATE TABLE document_counters (
    unit_id     TEXT NOT NULL REFERENCES units (id),
    year        BIGINT NOT NULL,
    doc_type    TEXT NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (unit_id, year, doc_type)
);

-- Issued documents: the DOCX under the case key; the number in clear (it is the
-- register's entry, printed on the paper).
CREATE TABLE case_documents (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id),
    event_seq  BIGINT,                      -- the event it belongs to
    unit_id    TEXT NOT NULL REFERENCES units (id),
    doc_type   TEXT NOT NULL,
    year       BIGINT NOT NULL,
    serial     BIGINT NOT NULL,
    number     TEXT NOT NULL,               -- '05/QĐ-TTT'
    created_by TEXT REFERENCES users (id),
    created_at TEXT NOT NULL,
    ciphertext BYTEA NOT NULL,
    CONSTRAINT case_documents_serial_key UNIQUE (unit_id, year, doc_type, serial)
);
CREATE INDEX case_documents_case ON case_documents (case_id, created_at);
