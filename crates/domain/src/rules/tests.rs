//! Tests of the shipped rule packs: they parse, cover time without overlap or gap, carry the
//! figures of DOMAIN.md §1.1, flag the unverified ones, and give the right due dates.

use crate::rules::article_numbers::translation_fault;
use crate::rules::{Complexity, Period, RulePack, RulePacks, RulesError, due_date};
use chrono::NaiveDate;
use khien_calendar::Calendar;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const SHIPPED: [&str; 2] = [
    include_str!("../../data/rule-packs/ltc-2018.toml"),
    include_str!("../../data/rule-packs/ltc-2026-07.toml"),
];

#[test]
fn every_shipped_pack_parses() {
    for text in SHIPPED {
        RulePack::from_toml_str(text).unwrap();
    }
    assert_eq!(RulePacks::builtin().packs().len(), SHIPPED.len());
}

#[test]
fn shipped_packs_neither_overlap_nor_leave_gaps() {
    let packs = RulePacks::builtin().packs();
    assert_eq!(
        packs[0].effective_from,
        date("2019-01-01"),
        "LTC 2018 in force 2019-01-01"
    );
    for pair in packs.windows(2) {
        let until = pair[0]
            .effective_until
            .expect("only the last pack is open-ended");
        assert_eq!(
            until.succ_opt(),
            Some(pair[1].effective_from),
            "{} → {}",
            pair[0].id,
            pair[1].id
        );
    }
    assert_eq!(packs.last().unwrap().effective_until, None);
    assert_eq!(packs.last().unwrap().effective_from, date("2026-07-01"));
}

#[test]
fn the_pack_in_force_on_the_receipt_date_applies() {
    let packs = RulePacks::builtin();
    assert_eq!(
        packs.in_force_on(date("2019-01-01")).unwrap().id,
        "ltc-2018"
    );
    assert_eq!(
        packs.in_force_on(date("2026-06-30")).unwrap().id,
        "ltc-2018"
    );
    assert_eq!(
        packs.in_force_on(date("2026-07-01")).unwrap().id,
        "ltc-2026-07"
    );
    assert_eq!(
        packs.in_force_on(date("2040-01-01")).unwrap().id,
        "ltc-2026-07"
    );
    assert_eq!(
        packs.in_force_on(date("2018-12-31")),
        Err(RulesError::NoPackInForce {
            date: date("2018-12-31"),
            first: date("2019-01-01")
        })
    );
}

#[test]
fn figures_are_those_of_domain_md() {
    let wd = Period::working_days;
    let days = Period::days;
    for pack in RulePacks::builtin().packs() {
        let expected = [
            ("acceptance", wd(7)),
            ("acceptance_extended", wd(10)),
            ("forwarding", wd(5)),
            ("referral_reply", days(20)),
            ("acceptance_notification", wd(5)),
            ("resolution.base", days(30)),
            ("resolution.extension", days(30)),
            ("suspension_notice", wd(5)),
            ("conclusion_notice", wd(5)),
            ("conclusion_handling", wd(7)),
            ("publicity", wd(7)),
            ("portal_publication_minimum", days(15)),
            ("re_denunciation_review", days(20)),
            ("escalation_report", wd(5)),
            ("petition_reply", wd(10)),
            ("anti_corruption_report", days(15)),
            ("anti_corruption_report_complex", days(30)),
            ("protection_decision", wd(3)),
            ("protection_decision_complex", wd(5)),
            ("protection_refusal_notice", wd(3)),
        ];
        let rules = pack.rules();
        assert_eq!(rules.len(), expected.len());
        for ((name, rule), (expected_name, period)) in rules.iter().zip(expected) {
            assert_eq!((*name, rule.period), (expected_name, period), "{}", pack.id);
        }
        assert_eq!(pack.print_publication_minimum_runs, 2);
        let resolution = &pack.resolution;
        assert_eq!(resolution.max_extensions(Complexity::Ordinary), 0);
        assert_eq!(resolution.max_extensions(Complexity::Complex), 1);
        assert_eq!(resolution.max_extensions(Complexity::EspeciallyComplex), 2);
        assert!(resolution.suspension_pauses_clock);
    }
}

#[test]
fn unverified_figures_are_flagged() {
    let packs = RulePacks::builtin().packs();
    let ltc_2018 = &packs[0];
    let unverified: Vec<&str> = ltc_2018
        .rules()
        .into_iter()
        .filter(|(_, rule)| !rule.verified)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(unverified, ["conclusion_handling"]);
    assert!(
        ltc_2018
            .conclusion_handling
            .note
            .as_deref()
            .unwrap()
            .contains("UNVERIFIED")
    );
    // Nothing of the 2026 pack has been checked against Law 136/2025 yet.
    let ltc_2026 = &packs[1];
    assert!(ltc_2026.rules().iter().all(|(_, rule)| !rule.verified));
    assert!(ltc_2026.notes.iter().any(|n| n.contains("136/2025")));
}

#[test]
fn every_rule_cites_its_articles_in_vietnamese_too() {
    for pack in RulePacks::builtin().packs() {
        let mut citations: Vec<(String, &str, &str)> = pack
            .rules()
            .into_iter()
            .map(|(name, rule)| (name.to_owned(), rule.basis.as_str(), rule.basis_vi.as_str()))
            .collect();
        citations.push((
            "resolution.suspension_basis".to_owned(),
            &pack.resolution.suspension_basis,
            &pack.resolution.suspension_basis_vi,
        ));
        for (name, en, vi) in citations {
            assert_eq!(translation_fault(en, vi), None, "{} {name}", pack.id);
        }
    }
    let ltc_2018 = &RulePacks::builtin().packs()[0];
    assert_eq!(
        ltc_2018.acceptance.basis_vi,
        "Khoản 1 Điều 24 Luật Tố cáo 2018"
    );
    assert_eq!(
        ltc_2018.protection_decision_complex.basis_vi,
        "Điều 5 Thông tư 145/2020/TT-BCA (vụ việc phức tạp)"
    );
}

#[test]
fn due_dates_follow_the_calendar() {
    let calendar = Calendar::builtin();
    let packs = RulePacks::builtin();
    let received = date("2025-01-24");
    let pack = packs.in_force_on(received).unwrap();
    assert_eq!(
        pack.acceptance.period.due_from(received, &calendar),
        Ok(date("2025-02-11"))
    );
    // Accepted Thursday 2/1/2025: 30 days end Saturday 1/2 → Monday 3/2.
    assert_eq!(
        due_date(date("2025-01-02"), pack.resolution.base.period, &calendar),
        Ok(date("2025-02-03"))
    );
    // Protection request Thursday 8/1/2026: 3 WD are 9/1, 10/1 (make-up Sat), 12/1.
    assert_eq!(
        pack.protection_decision
            .period
            .due_from(date("2026-01-08"), &calendar),
        Ok(date("2026-01-12"))
    );
    assert_eq!(pack.acceptance.period.to_string(), "7 working days");
    assert_eq!(pack.resolution.base.period.to_string(), "30 days");
}

fn pack(id: &str, from: &str, until: Option<&str>) -> RulePack {
    let mut text = SHIPPED[0]
        .replace("id = \"ltc-2018\"", &format!("id = \"{id}\""))
        .replace(
            "effective_from = \"2019-01-01\"",
            &format!("effective_from = \"{from}\""),
        );
    text = match until {
        Some(u) => text.replace(
            "effective_until = \"2026-06-30\"",
            &format!("effective_until = \"{u}\""),
        ),
        None => text.replace("effective_until = \"2026-06-30\"\n", ""),
    };
    RulePack::from_toml_str(&text).unwrap()
}

#[test]
fn overlapping_gapped_or_misordered_packs_are_rejected() {
    let overlap = RulePacks::new(vec![
        pack("a", "2019-01-01", Some("2020-01-01")),
        pack("b", "2020-01-01", None),
    ]);
    assert!(
        matches!(overlap, Err(RulesError::Overlap { .. })),
        "{overlap:?}"
    );
    let gap = RulePacks::new(vec![
        pack("a", "2019-01-01", Some("2019-12-30")),
        pack("b", "2020-01-01", None),
    ]);
    assert_eq!(
        gap.unwrap_err().to_string(),
        "no rule pack is in force from 2019-12-31 to 2019-12-31 (between a and b)"
    );
    let open = RulePacks::new(vec![
        pack("a", "2019-01-01", None),
        pack("b", "2020-01-01", None),
    ]);
    assert!(matches!(open, Err(RulesError::OpenEndedNotLast { .. })));
    assert_eq!(RulePacks::new(vec![]), Err(RulesError::Empty));
    // Given out of order, they are sorted.
    let ok = RulePacks::new(vec![
        pack("b", "2020-01-01", None),
        pack("a", "2019-01-01", Some("2019-12-31")),
    ])
    .unwrap();
    assert_eq!(ok.packs()[0].id, "a");
}

#[test]
fn malformed_packs_are_rejected_naming_the_fault() {
    let cases = [
        (
            SHIPPED[0].replace(
                "amount = 7, unit = \"working_days\", basis = \"LTC Art. 24(1)\"",
                "amount = 0, unit = \"working_days\", basis = \"LTC Art. 24(1)\"",
            ),
            "a period of 0",
        ),
        (
            SHIPPED[0].replace(
                "basis_vi = \"Khoản 2 Điều 26 Luật Tố cáo 2018\"",
                "basis_vi = \" \"",
            ),
            "basis_vi is empty (LTC Art. 26(2))",
        ),
        (
            SHIPPED[0].replace(", basis_vi = \"Khoản 2 Điều 26 Luật Tố cáo 2018\"", ""),
            "missing field `basis_vi`",
        ),
        (
            SHIPPED[0].replace(
                "suspension_basis_vi = \"Khoản 2 Điều 34 Luật Tố cáo 2018\"",
                "suspension_basis_vi = \"\"",
            ),
            "suspension_basis and suspension_basis_vi must name the article",
        ),
        (
            SHIPPED[0].replace(
                "Khoản 2 Điều 26 Luật Tố cáo 2018\", verified = true",
                "Khoản 2 Điều 26 Luật Tố cáo 2018\", verified = false",
            ),
            "needs a note",
        ),
        (
            SHIPPED[0].replace(
                "unit = \"days\", basis = \"LTC Art. 26(2)\"",
                "unit = \"weeks\", basis = \"LTC Art. 26(2)\"",
            ),
            "weeks",
        ),
        (
            SHIPPED[0].replace(
                "print_publication_minimum_runs = 2",
                "print_publication_minimum_runs = 2\nextra = 1",
            ),
            "extra",
        ),
        (
            SHIPPED[0].replace(
                "effective_until = \"2026-06-30\"",
                "effective_until = \"2018-06-30\"",
            ),
            "is before effective_from",
        ),
    ];
    for (text, expected) in cases {
        let message = RulePack::from_toml_str(&text).unwrap_err().to_string();
        assert!(message.contains(expected), "{message}");
    }
}
