//! The reporting conformance suite: each unit's figures for a period from cases taken
//! through the workflow (a forwarded case counting for both units), and submissions
//! with their revisions and audit. Every test runs on SQLite and on PostgreSQL.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, Staff, day};
use chrono::Utc;
use khien_calendar::Calendar;
use khien_domain::accounts::Role;
use khien_domain::case_file::{AcceptanceConditions, CaseEvent, Classification, Finding};
use khien_domain::reporting::{Indicators, Narrative, ReportPeriod, RevisionReason};
use khien_domain::rules::RulePacks;
use khien_store::Backend;
use khien_store::intake::CaseId;
use khien_store::reporting::{NewReportSubmission, ReportingError};
use khien_store::workflow::{ClockContext, NewCaseEvent};

const TODAY: &str = "2026-12-31";

fn context() -> ClockContext<'static> {
    static CALENDAR: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    ClockContext {
        today: day(TODAY),
        packs: RulePacks::builtin(),
        calendar: CALENDAR.get_or_init(Calendar::builtin),
    }
}

async fn take(f: &CaseFixture, case: &CaseId, by: &Staff, events: Vec<CaseEvent>) {
    let key = f.case_key(case, by).await;
    for event in events {
        f.store
            .record_case_event(
                NewCaseEvent {
                    case_id: case,
                    event,
                    actor: &by.id,
                    case_key: &key,
                    identity_key: None,
                    now: Utc::now(),
                },
                &context(),
            )
            .await
            .unwrap();
    }
}

fn classified(on: &str, as_kind: Classification) -> CaseEvent {
    CaseEvent::Classified {
        on: day(on),
        as_kind,
    }
}

async fn figures_count_each_units_cases_including_forwarded_ones(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("UBT", None).await;
    f.unit("TTT", Some("UBT")).await;
    f.unit("SXD", Some("UBT")).await;
    let ttt = f.user("ttt", "TTT", &[Role::Intake, Role::Handler]).await;
    let sxd = f.user("sxd", "SXD", &[Role::Intake, Role::Handler]).await;

    // Received before the 2026 period and still open: carried over.
    f.letter(&ttt, "TTT", "2025-12-10").await;
    // Received on the period's first day, concluded in it.
    let concluded = f.letter(&ttt, "TTT", "2025-12-15").await;
    take(
        &f,
        &concluded,
        &ttt,
        vec![
            classified("2025-12-16", Classification::Denunciation),
            CaseEvent::Accepted {
                on: day("2025-12-18"),
                conditions: AcceptanceConditions::ALL_MET,
                decided_on: day("2025-12-18"),
            },
            CaseEvent::VerifiersAssigned {
                on: day("2025-12-19"),
                verifiers: vec![ttt.id.to_string()],
            },
            CaseEvent::Concluded {
                on: day("2026-01-10"),
                finding: Finding::Correct,
                measures: vec!["Thu hồi".into()],
                amount_to_recover_vnd: 12_500_000,
                persons_to_discipline: 2,
                false_report_flag: false,
                decided_on: day("2026-01-10"),
            },
        ],
    )
    .await;
    // Forwarded by TTT to SXD, which takes it in.
    let forwarded = f.letter(&ttt, "TTT", "2026-02-02").await;
    take(
        &f,
        &forwarded,
        &ttt,
        vec![
            classified("2026-02-02", Classification::NotOurs),
            CaseEvent::Forwarded {
                outside: None,
                on: day("2026-02-03"),
                to_unit: "SXD".into(),
                decided_on: day("2026-02-03"),
            },
        ],
    )
    .await;
    take(
        &f,
        &forwarded,
        &sxd,
        vec![CaseEvent::ForwardReceived {
            on: day("2026-02-05"),
            received_on: day("2026-02-05"),
        }],
    )
    .await;
    // After the period: in no 2026 figure.
    f.letter(&sxd, "SXD", "2026-12-15").await;

    let units = vec![ttt.unit.clone(), sxd.unit.clone()];
    let period: ReportPeriod = "2026-annual".parse().unwrap();
    let rows = f
        .store
        .unit_indicators(&units, period, &context())
        .await
        .unwrap();
    assert_eq!(rows[0].unit_id, ttt.unit);
    let at_ttt = rows[0].indicators;
    let expected_ttt = Indicators {
        carried_over: 1,
        received_denunciations: 2,
        accepted: 1,
        forwarded: 1,
        resolved_correct: 1,
        amount_to_recover_vnd: 12_500_000,
        persons_to_discipline: 2,
        resolved_on_time: 1,
        open_at_end: 1,
        overdue_at_end: 1,
        ..Indicators::default()
    };
    assert_eq!(at_ttt, expected_ttt);
    let at_sxd = rows[1].indicators;
    assert_eq!(
        at_sxd,
        Indicators {
            received_denunciations: 1,
            open_at_end: 1,
            overdue_at_end: 1,
            ..Indicators::default()
        }
    );
    assert!(at_ttt.balances() && at_sxd.balances());

    // The 2025 report sees only the first case, received then.
    let earlier = f
        .store
        .unit_indicators(&units, "2025-annual".parse().unwrap(), &context())
        .await
        .unwrap();
    assert_eq!(earlier[0].indicators.received_denunciations, 1);
    assert_eq!(earlier[0].indicators.counted(), 1);
    assert_eq!(earlier[1].indicators, Indicators::default());

    // A unit outside the set is not read; an empty set reads nothing.
    let only_sxd = f
        .store
        .unit_indicators(&units[1..], period, &context())
        .await
        .unwrap();
    assert_eq!(only_sxd[0].indicators, at_sxd);
    assert!(
        f.store
            .unit_indicators(&[], period, &context())
            .await
            .unwrap()
            .is_empty()
    );
}

async fn a_submission_is_revised_only_with_a_reason_and_kept(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let head = f.user("head", "TTT", &[Role::Head]).await;
    let period: ReportPeriod = "2026-annual".parse().unwrap();
    let narrative = Narrative::parse("Đã quán triệt Chỉ thị 27 — nội dung kín plugh").unwrap();
    let figures = Indicators {
        received_denunciations: 3,
        open_at_end: 3,
        ..Indicators::default()
    };
    let submit = |reason: Option<RevisionReason>| {
        let (store, head, narrative) = (&f.store, &head, &narrative);
        async move {
            store
                .submit_unit_report(NewReportSubmission {
                    unit_id: &head.unit,
                    period,
                    indicators: figures,
                    narrative,
                    reason: reason.as_ref(),
                    submitted_by: &head.id,
                    now: Utc::now(),
                })
                .await
        }
    };
    let first = submit(None).await.unwrap();
    assert_eq!((first.revision, first.reason.clone()), (1, None));
    assert!(matches!(
        submit(None).await,
        Err(ReportingError::ReasonRequired { revision: 1 })
    ));
    let reason = RevisionReason::parse("Bổ sung số liệu").unwrap();
    let second = submit(reason).await.unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(second.reason.as_deref(), Some("Bổ sung số liệu"));

    let latest = f
        .store
        .latest_submissions(std::slice::from_ref(&head.unit), period)
        .await
        .unwrap();
    assert_eq!(latest, vec![second.clone()]);
    assert_eq!(latest[0].indicators, figures);
    let revisions = f
        .store
        .submission_revisions(&head.unit, period)
        .await
        .unwrap();
    assert_eq!(revisions, vec![first, second]);
    assert!(
        f.store
            .latest_submissions(std::slice::from_ref(&head.unit), "2026-q1".parse().unwrap())
            .await
            .unwrap()
            .is_empty()
    );

    // Audited twice, with ids only: never the narrative.
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE action = 'report.submitted'")
            .await,
        2
    );
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE details LIKE '%plugh%'")
            .await,
        0
    );
}

khien_testkit::on_both_backends!(
    figures_count_each_units_cases_including_forwarded_ones,
    a_submission_is_revised_only_with_a_reason_and_kept,
);
