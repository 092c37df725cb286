-- What the reminder job looks for across every unit, by index rather than by reading
-- the whole cases table (with 100 000 cases the first pass took 4 s to find the cases
-- whose clock is not computed yet, and 0.3–0.5 s for the cases due by a date; see
-- crates/load-driver/README.md). Kept in step with the other backend's
-- 0015_clock_job_indexes.sql.
CREATE INDEX cases_clock_missing ON cases (received_at) WHERE clock_computed_on IS NULL;
-- The oversight list of overdue cases across units walks this index from the oldest
-- due date too; `unit_id` in it lets that walk keep a subtree's cases without reading
-- a row (crates/store/src/workflow/overdue_below.rs).
CREATE INDEX cases_next_due ON cases (next_due, id, unit_id) WHERE next_due IS NOT NULL;
