-- Periodic reports: a unit head submits the unit's report for a period (Circular
-- 01/2024/TT-TTCP; the provincial plan implementing Directive 27-CT/TW asks for it
-- "before 15/12, through the Internal Affairs Committee"). The figures are frozen as
-- JSON at submission, beside the unit's narrative. A later submission for the same
-- unit and period is a new revision with its reason; nothing is ever deleted.
-- Kept in step with the other backend's 0014_periodic_reports.sql.

CREATE TABLE report_submissions (
    id           TEXT PRIMARY KEY,
    unit_id      TEXT NOT NULL REFERENCES units (id),
    period       TEXT NOT NULL,            -- '2026-annual', '2026-q1', …
    revision     BIGINT NOT NULL,          -- 1, 2, … per unit and period
    indicators   TEXT NOT NULL,            -- khien_domain::reporting::Indicators as JSON
    narrative    TEXT NOT NULL,            -- what was done, problems, proposals
    reason       TEXT,                     -- why it replaces the previous revision
    submitted_by TEXT NOT NULL REFERENCES users (id),
    submitted_at TEXT NOT NULL,
    CONSTRAINT report_submissions_revision_key UNIQUE (unit_id, period, revision)
);
-- "Who has submitted for this period": the oversight unit's view.
CREATE INDEX report_submissions_period ON report_submissions (period, unit_id);
