-- Who oversees whom (crates/store/src/oversight): an oversight body's jurisdiction,
-- set by an administrator. No row: the unit oversees its own subtree. A row with
-- whole_province = 1 covers every root of the tree; otherwise its
-- jurisdiction_subtrees rows name the roots it covers. Kept in step with the other
-- backend's 0016_jurisdictions.sql.
CREATE TABLE jurisdictions (
    unit_id        TEXT   PRIMARY KEY REFERENCES units (id),
    whole_province BIGINT NOT NULL CHECK (whole_province IN (0, 1)),
    set_by         TEXT   NOT NULL,   -- "user:<id>" or "cli", as in the audit chain
    set_at         TEXT   NOT NULL
);
CREATE TABLE jurisdiction_subtrees (
    unit_id TEXT NOT NULL REFERENCES jurisdictions (unit_id) ON DELETE CASCADE,
    root_id TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (unit_id, root_id)
);
