-- What the reminder job looks for across every unit, by index rather than by reading
-- the whole cases table (with 100 000 cases the first pass took 4 s to find the cases
-- whose clock is not computed yet, and 0.3–0.5 s for the cases due by a date; see
-- crates/load-driver/README.md). Kept in step with the other backend's
-- 0015_clock_job_indexes.sql.
CREATE INDEX cases_clock_missing ON cases (received_at) WHERE clock_computed_on IS NULL;
CREATE INDEX cases_next_due ON cases (next_due, id) WHERE next_due IS NOT NULL;
