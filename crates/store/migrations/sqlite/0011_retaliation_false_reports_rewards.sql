-- What follows a case: retaliation reports as linked cases, conclusions posted on
-- the public page, reviews of reports found false, and reward proposals. Kept in
-- step with migrations/postgres/0011_retaliation_false_reports_rewards.sql.
--
-- In clear: ids, units, dates, codes and amounts. Free text staff write (notes,
-- grounds) is under the case key. The one exception is published_conclusions:
-- what the law has the unit post publicly (LTC Art. 40; NĐ31 Art. 6), copied out
-- at publication so that the public page needs no key. It never holds the
-- denouncer's identity or the report's content.

-- A retaliation case (a denunciation of its own) and the case it is about.
-- original_case_id is NULL when a colleague reported without a tracking number.
-- The case goes to the superior of accused_unit_id; inspection_unit_id is the
-- party inspection committee that sees it (NULL: the tree has none).
CREATE TABLE retaliation_links (
    case_id            TEXT PRIMARY KEY REFERENCES cases (id),
    original_case_id   TEXT REFERENCES cases (id),
    accused_unit_id    TEXT NOT NULL REFERENCES units (id),
    inspection_unit_id TEXT REFERENCES units (id),
    source             TEXT NOT NULL CHECK (source IN ('reporter', 'colleague')),
    created_at         TEXT NOT NULL              -- rounded down to the hour
);
CREATE INDEX retaliation_links_original ON retaliation_links (original_case_id);
CREATE INDEX retaliation_links_inspection ON retaliation_links (inspection_unit_id);

-- A conclusion as posted on the portal (one per Published event).
CREATE TABLE published_conclusions (
    case_id               TEXT NOT NULL REFERENCES cases (id),
    published_seq         BIGINT NOT NULL,          -- the Published event's place in the file
    unit_id               TEXT NOT NULL REFERENCES units (id),
    finding               TEXT NOT NULL CHECK (finding IN ('correct', 'partly_correct', 'false')),
    measures              TEXT NOT NULL,            -- JSON array of the conclusion's measures
    amount_to_recover_vnd BIGINT NOT NULL,
    persons_to_discipline BIGINT NOT NULL,
    concluded_on          TEXT NOT NULL,
    published_from        TEXT NOT NULL,
    published_until       TEXT NOT NULL,
    recorded_at           TEXT NOT NULL,
    PRIMARY KEY (case_id, published_seq)
);
CREATE INDEX published_conclusions_from ON published_conclusions (published_from);

-- "Was the false report deliberate?" (LTC Art. 8(10), 35(2)(c), 44(1)(c)): one per
-- conclusion that found the denunciation false or flagged it. Deciding it never
-- ends protection.
CREATE TABLE false_report_reviews (
    id                  TEXT PRIMARY KEY,
    case_id             TEXT NOT NULL REFERENCES cases (id),
    conclusion_seq      BIGINT NOT NULL,          -- the Concluded event's place
    finding             TEXT NOT NULL CHECK (finding IN ('correct', 'partly_correct', 'false')),
    concluded_on        TEXT NOT NULL,
    opened_at           TEXT NOT NULL,
    deliberate          BIGINT CHECK (deliberate IN (0, 1)),   -- NULL until decided
    decided_by          TEXT REFERENCES users (id),
    decided_at          TEXT,
    decision_note       BLOB,                     -- under the case key
    handling            TEXT CHECK (handling IN ('discipline', 'fine', 'prosecution')),
    legal_basis         TEXT,                     -- khien_domain::outcomes::HandlingBasis code
    handling_by         TEXT REFERENCES users (id),
    handling_at         TEXT,
    handling_note       BLOB,                     -- under the case key
    CONSTRAINT false_report_reviews_conclusion_key UNIQUE (case_id, conclusion_seq)
);

-- Reward proposals (LTC Art. 62; Joint Circular 01/2015/TTLT-TTCP-BNV). Amounts
-- in đồng, computed with the base salary in force when proposed (kept here).
-- For the reporter: their answer, and when they consented to their identity being
-- disclosed for the reward (the disclosure itself goes through the custodians).
CREATE TABLE reward_proposals (
    id                            TEXT PRIMARY KEY,
    case_id                       TEXT NOT NULL REFERENCES cases (id),
    beneficiary                   TEXT NOT NULL CHECK (beneficiary IN ('reporter', 'unit')),
    beneficiary_unit_id           TEXT REFERENCES units (id),
    form                          TEXT NOT NULL CHECK (form IN ('bravery_order',
                                      'prime_minister_certificate', 'ministerial_certificate')),
    bonus_multiple                BIGINT CHECK (bonus_multiple IN (60, 40, 20)),
    recovered_vnd                 BIGINT NOT NULL,
    base_salary_vnd               BIGINT NOT NULL,
    bonus_vnd                     BIGINT NOT NULL,
    recovery_share_max_vnd        BIGINT NOT NULL,
    grounds                       BLOB NOT NULL,    -- under the case key
    proposed_by                   TEXT NOT NULL REFERENCES users (id),
    proposed_at                   TEXT NOT NULL,
    status                        TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
    decided_by                    TEXT REFERENCES users (id),
    decided_at                    TEXT,
    decision_note                 BLOB,             -- under the case key
    reporter_response             TEXT CHECK (reporter_response IN ('accepted', 'declined')),
    reporter_responded_at         TEXT,             -- rounded down to the hour
    identity_release_consented_at TEXT              -- rounded down to the hour
);
CREATE INDEX reward_proposals_case ON reward_proposals (case_id, proposed_at);
