-- Protection requests decided and carried out (LTC Arts 49–58; Circular
-- 145/2020/TT-BCA Art. 5). Kept in step with
-- migrations/postgres/0010_protection_measures.sql.
--
-- What is in clear: how and when a request was made, whether it still awaits
-- its written confirmation, the protection officer's assessment, a decision's
-- outcome and dates, why and when measures ended, the reporter's check-in
-- answers, and which staff member was alerted. What the decision says (the
-- deciding body, the measures, who carries them out, a refusal's reasons) and
-- every note are under the case key.

-- How the request was made: 'online' (written, by the reporter), or
-- 'in_person' / 'phone' (recorded by an officer, to be confirmed in writing,
-- LTC Art. 50(2)). received_on is the day it was made (NULL: the date of
-- created_at in Vietnam). corruption_or_waste and complex pick the police's
-- time limit (BIGINT 0/1).
ALTER TABLE protection_requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'online'
    CHECK (channel IN ('online', 'in_person', 'phone'));
ALTER TABLE protection_requests ADD COLUMN received_on TEXT;
ALTER TABLE protection_requests ADD COLUMN recorded_by TEXT REFERENCES users (id);
ALTER TABLE protection_requests ADD COLUMN confirmed_in_writing_on TEXT;
ALTER TABLE protection_requests ADD COLUMN corruption_or_waste BIGINT NOT NULL DEFAULT 1
    CHECK (corruption_or_waste IN (0, 1));
ALTER TABLE protection_requests ADD COLUMN complex BIGINT NOT NULL DEFAULT 0
    CHECK (complex IN (0, 1));

-- One decision per request: measures (from starts_on, check-ins every
-- check_in_days) or a refusal. Measures run until ended_on (the last day they
-- cover), which also ends the tripwire's protection of the request's persons.
CREATE TABLE protection_decisions (
    id             TEXT PRIMARY KEY,
    request_id     TEXT NOT NULL REFERENCES protection_requests (id),
    case_id        TEXT NOT NULL REFERENCES cases (id),
    outcome        TEXT NOT NULL CHECK (outcome IN ('measures', 'refusal')),
    decided_on     TEXT NOT NULL,
    starts_on      TEXT,
    check_in_days  BIGINT,
    decided_by     TEXT NOT NULL REFERENCES users (id),
    recorded_at    TEXT NOT NULL,
    ciphertext     BLOB NOT NULL,
    ended_on       TEXT,
    end_reason     TEXT CHECK (end_reason IN ('conclusion_or_termination', 'grounds_ceased',
                       'asked_in_writing')),
    end_note       BLOB,
    ended_by       TEXT REFERENCES users (id),
    ended_at       TEXT,
    CONSTRAINT protection_decisions_request_key UNIQUE (request_id)
);
CREATE INDEX protection_decisions_case ON protection_decisions (case_id);

-- The reporter's answers to "are you safe?": one per question (period 0 from
-- the day measures start, then one per interval). answered_at is to the hour.
CREATE TABLE protection_check_ins (
    id              TEXT PRIMARY KEY,
    decision_id     TEXT NOT NULL REFERENCES protection_decisions (id),
    case_id         TEXT NOT NULL REFERENCES cases (id),
    period          BIGINT NOT NULL,
    answer          TEXT NOT NULL CHECK (answer IN ('fine', 'worried', 'threatened', 'harmed')),
    answered_at     TEXT NOT NULL,
    note_ciphertext BLOB,
    CONSTRAINT protection_check_ins_period_key UNIQUE (decision_id, period)
);
CREATE INDEX protection_check_ins_case ON protection_check_ins (case_id, answered_at);

-- Emergency alarms in each protection officer's and head's notifications:
-- raised with the alert, raised again by every run of the reminder job while
-- nobody has acknowledged it.
CREATE TABLE alarm_notifications (
    alert_id        TEXT NOT NULL REFERENCES alerts (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    first_raised_at TEXT NOT NULL,
    last_raised_at  TEXT NOT NULL,
    times_raised    BIGINT NOT NULL,
    PRIMARY KEY (alert_id, user_id)
);
CREATE INDEX alarm_notifications_user ON alarm_notifications (user_id, last_raised_at);
