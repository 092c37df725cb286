//! The oversight conformance suite: jurisdictions set, replaced and audited, the
//! bad ones refused with nothing stored, and the oversight scope (subtree plus
//! jurisdiction) that the overdue list reads. Every test runs on SQLite and on
//! PostgreSQL.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, day};
use khien_calendar::Calendar;
use khien_domain::accounts::{Role, UnitCode};
use khien_domain::oversight::{Jurisdiction, JurisdictionRule};
use khien_domain::rules::RulePacks;
use khien_store::Backend;
use khien_store::accounts::{NewUnit, UnitId};
use khien_store::oversight::JurisdictionError;
use khien_store::workflow::ClockContext;

fn code(text: &str) -> UnitCode {
    UnitCode::parse(text).unwrap()
}

fn codes_of(units: &[khien_store::accounts::Unit]) -> Vec<&str> {
    units.iter().map(|unit| unit.code.as_str()).collect()
}

/// A province: the party tree (TU with BNC beside nothing), the state tree (UBND
/// with TTT and SO, PHONG under SO) and a police root. The fixture's units are
/// inspectorates, so all may hold a jurisdiction; DEPT is a department.
async fn province(f: &CaseFixture) -> Vec<UnitId> {
    let mut ids = Vec::new();
    for (unit, parent) in [
        ("TU", None),
        ("BNC", Some("TU")),
        ("UBND", None),
        ("TTT", Some("UBND")),
        ("SO", Some("UBND")),
        ("PHONG", Some("SO")),
        ("CA", None),
    ] {
        ids.push(f.unit(unit, parent).await);
    }
    f.store
        .add_unit(
            "cli",
            &NewUnit {
                code: code("DEPT"),
                name: khien_domain::accounts::UnitName::parse("Sở Xây dựng").unwrap(),
                kind: khien_domain::accounts::UnitKind::Department,
                parent: Some(code("UBND")),
                head_position: None,
            },
        )
        .await
        .unwrap();
    ids
}

async fn a_jurisdiction_is_set_replaced_read_and_audited(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    let ids = province(&f).await;
    let bnc = &ids[1];
    assert!(f.store.jurisdiction_of(bnc).await.unwrap().is_none());
    assert_eq!(
        codes_of(&f.store.oversight_scope(bnc).await.unwrap()),
        ["BNC"],
        "by default a body oversees its own subtree"
    );

    let set = f
        .store
        .set_jurisdiction(
            "user:admin",
            &code("BNC"),
            &Jurisdiction::Subtrees(vec![code("SO"), code("TTT"), code("SO")]),
        )
        .await
        .unwrap();
    assert_eq!(
        set.jurisdiction,
        Jurisdiction::Subtrees(vec![ids[4].clone(), ids[3].clone()]),
        "roots by code, once each"
    );
    let read = f.store.jurisdiction_of(bnc).await.unwrap().unwrap();
    assert_eq!(read, set);
    assert_eq!(read.set_by, "user:admin");
    assert_eq!(
        codes_of(&f.store.oversight_scope(bnc).await.unwrap()),
        ["BNC", "PHONG", "SO", "TTT"]
    );

    f.store
        .set_jurisdiction("cli", &code("BNC"), &Jurisdiction::WholeProvince)
        .await
        .unwrap();
    assert_eq!(
        f.store
            .jurisdiction_of(bnc)
            .await
            .unwrap()
            .unwrap()
            .jurisdiction,
        Jurisdiction::WholeProvince
    );
    assert_eq!(
        codes_of(&f.store.oversight_scope(bnc).await.unwrap()),
        ["BNC", "CA", "DEPT", "PHONG", "SO", "TTT", "TU", "UBND"]
    );
    let all = f.store.jurisdictions().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[bnc], Jurisdiction::WholeProvince);

    let audited = f
        .count("SELECT COUNT(*) FROM audit_entries WHERE action = 'unit.jurisdiction_set'")
        .await;
    assert_eq!(audited, 2);
    let subtrees = f.count("SELECT COUNT(*) FROM jurisdiction_subtrees").await;
    assert_eq!(subtrees, 0, "the whole province replaced the subtrees");
}

async fn a_bad_jurisdiction_is_refused_and_nothing_is_stored(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    let ids = province(&f).await;
    f.store
        .set_jurisdiction(
            "cli",
            &code("BNC"),
            &Jurisdiction::Subtrees(vec![code("SO")]),
        )
        .await
        .unwrap();
    let refused = |error: JurisdictionError| match error {
        JurisdictionError::UnknownUnit { field, code } => format!("{field}:{code}"),
        JurisdictionError::Rule(JurisdictionRule::NotAnOversightBody) => "not oversight".into(),
        JurisdictionError::Rule(JurisdictionRule::NoSubtree) => "no subtree".into(),
        JurisdictionError::Store(error) => panic!("{error}"),
    };
    for (unit, jurisdiction, expected) in [
        ("NOWHERE", Jurisdiction::WholeProvince, "unit:NOWHERE"),
        ("DEPT", Jurisdiction::WholeProvince, "not oversight"),
        (
            "BNC",
            Jurisdiction::Subtrees(vec![code("TTT"), code("GONE")]),
            "subtrees:GONE",
        ),
        ("BNC", Jurisdiction::Subtrees(vec![]), "no subtree"),
    ] {
        let error = f
            .store
            .set_jurisdiction("cli", &code(unit), &jurisdiction)
            .await
            .unwrap_err();
        assert_eq!(refused(error), expected);
    }
    assert_eq!(
        f.store
            .jurisdiction_of(&ids[1])
            .await
            .unwrap()
            .unwrap()
            .jurisdiction,
        Jurisdiction::Subtrees(vec![ids[4].clone()]),
        "the earlier jurisdiction stands"
    );
    let audited = f
        .count("SELECT COUNT(*) FROM audit_entries WHERE action = 'unit.jurisdiction_set'")
        .await;
    assert_eq!(audited, 1);
}

async fn the_overdue_list_follows_the_jurisdiction(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    let ids = province(&f).await;
    let ttt = f.user("ttt", "TTT", &[Role::Intake, Role::Handler]).await;
    let ca = f
        .user("cong-an", "CA", &[Role::Intake, Role::Handler])
        .await;
    // Acceptance (7 working days) due 11/02/2025: overdue on 05/03.
    let at_ttt = f.letter(&ttt, "TTT", "2025-01-24").await;
    f.letter(&ca, "CA", "2025-01-24").await;
    static CALENDAR: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    let context = ClockContext {
        today: day("2025-03-05"),
        packs: RulePacks::builtin(),
        calendar: CALENDAR.get_or_init(Calendar::builtin),
    };
    f.store.refresh_missing_clocks(&context, 100).await.unwrap();
    let today = day("2025-03-05");
    let bnc = &ids[1];
    let before = f.store.overdue_below(bnc, today, None, 50).await.unwrap();
    assert!(before.cases.is_empty(), "nothing below the BNC");

    f.store
        .set_jurisdiction(
            "cli",
            &code("BNC"),
            &Jurisdiction::Subtrees(vec![code("UBND")]),
        )
        .await
        .unwrap();
    let after = f.store.overdue_below(bnc, today, None, 50).await.unwrap();
    assert_eq!(
        after.cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        vec![at_ttt]
    );
    assert_eq!(
        f.store.overdue_counts_below(bnc, today).await.unwrap(),
        vec![(ttt.unit.clone(), 1)]
    );

    f.store
        .set_jurisdiction("cli", &code("BNC"), &Jurisdiction::WholeProvince)
        .await
        .unwrap();
    let whole = f.store.overdue_below(bnc, today, None, 50).await.unwrap();
    assert_eq!(whole.cases.len(), 2, "the police root too");
    // Overseeing moves nothing: the case and its key stay with its unit.
    f.case_key(&after.cases[0].id, &ttt).await;
    assert_eq!(after.cases[0].unit_id, ttt.unit);
    // The units overseen do not see the overseer's scope.
    let from_ttt = f
        .store
        .overdue_below(&ttt.unit, today, None, 50)
        .await
        .unwrap();
    assert_eq!(from_ttt.cases.len(), 1);
}

async fn staffed_units_are_those_that_can_take_a_case(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    let ids = province(&f).await;
    let ttt = f.user("ttt", "TTT", &[Role::Intake, Role::Handler]).await;
    f.user("so-dau", "SO", &[Role::Head]).await;
    f.user("so-tiep", "SO", &[Role::Intake]).await;
    // A head alone cannot receive: nobody holds the intake key.
    f.user("ca-dau", "CA", &[Role::Head]).await;
    let staffed = f.store.staffed_units().await.unwrap();
    assert_eq!(staffed.len(), 2);
    assert!(staffed.contains(&ttt.unit) && staffed.contains(&ids[4]));
}

khien_testkit::on_both_backends!(
    a_jurisdiction_is_set_replaced_read_and_audited,
    a_bad_jurisdiction_is_refused_and_nothing_is_stored,
    the_overdue_list_follows_the_jurisdiction,
    staffed_units_are_those_that_can_take_a_case,
);
