-- The unit inbox at scale (issue 6; measured with 100 000 generated cases, see
-- crates/load-driver/README.md). Kept in step with the other backend's
-- 0012_inbox_indexes.sql.
--
-- An inbox page is the newest cases first, by (received_at, id), whatever its
-- filters: stage, suspended, overdue or due soon (next_due), assignee. With the
-- filters' columns in the inbox index itself, a filtered page is found by walking
-- the index backwards and testing each entry, reading no table row until the page's
-- cases are known (the query selects their ids first). Without them, `overdue`,
-- `suspended` or `assignee=me` read thousands of rows of a big unit per page. The
-- old index is a prefix of the new one, so it goes.
DROP INDEX cases_unit_inbox;
CREATE INDEX cases_unit_inbox ON cases (unit_id, received_at, id, stage, suspended, next_due, assignee_id);
