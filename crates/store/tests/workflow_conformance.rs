//! The workflow conformance suite: appending events to a case file, the clock
//! columns, forwarding between units, what stays sealed, and the inbox filters.
//! Every test runs on SQLite and on PostgreSQL.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, Staff, day};
use chrono::{NaiveDate, Utc};
use khien_calendar::Calendar;
use khien_domain::accounts::Role;
use khien_domain::case_file::{
    AcceptanceConditions, CaseEvent, Classification, DeadlineKind, Finding, Notice, Rejection,
    Stage,
};
use khien_domain::rules::RulePacks;
use khien_store::accounts::{UnitId, UnitKeyKind};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::intake::{CaseId, IntakeError};
use khien_store::workflow::{ClockContext, InboxFilter, NewCaseEvent, WorkflowError};
use khien_store::{Backend, Store};
use khien_vault::symmetric::DataKey;

const GROUNDS: &str = "Nội dung đã được giải quyết trước đây — lý do kín xyzzy";

fn calendar() -> &'static Calendar {
    static CALENDAR: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CALENDAR.get_or_init(Calendar::builtin)
}

fn on(today: &str) -> ClockContext<'static> {
    ClockContext {
        today: day(today),
        packs: RulePacks::builtin(),
        calendar: calendar(),
    }
}

async fn record(
    store: &Store,
    case: &CaseId,
    by: &Staff,
    key: &DataKey,
    today: &str,
    event: CaseEvent,
) -> Result<khien_store::workflow::RecordedEvent, WorkflowError> {
    store
        .record_case_event(
            NewCaseEvent {
                case_id: case,
                event,
                actor: &by.id,
                case_key: key,
                identity_key: None,
                now: Utc::now(),
            },
            &on(today),
        )
        .await
}

fn accepted(on: NaiveDate) -> CaseEvent {
    CaseEvent::Accepted {
        on,
        conditions: AcceptanceConditions::ALL_MET,
        decided_on: on,
    }
}

async fn a_letter_goes_from_receipt_to_publication(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let case = f.letter(&officer, "TTT", "2025-01-24").await;
    let key = f.case_key(&case, &officer).await;
    let store = &f.store;

    // Before any event the clock is computed on demand: acceptance due across Tết.
    store
        .refresh_case_clock(&case, &on("2025-01-24"))
        .await
        .unwrap();
    let summary = store.case_summary(&case).await.unwrap().unwrap();
    assert_eq!(summary.stage, Stage::Received);
    assert_eq!(
        summary.next_due,
        Some((DeadlineKind::Acceptance, day("2025-02-11")))
    );

    let steps = [
        (
            "2025-02-03",
            CaseEvent::Classified {
                on: day("2025-02-03"),
                as_kind: Classification::Denunciation,
            },
        ),
        ("2025-02-10", accepted(day("2025-02-10"))),
        (
            "2025-02-10",
            CaseEvent::HandlerAssigned {
                on: day("2025-02-10"),
                handler: officer.id.to_string(),
            },
        ),
        (
            "2025-02-12",
            CaseEvent::NoticeSent {
                on: day("2025-02-12"),
                notice: Notice::Acceptance,
                sent_on: None,
            },
        ),
        (
            "2025-02-12",
            CaseEvent::VerifiersAssigned {
                on: day("2025-02-12"),
                verifiers: vec![officer.id.to_string()],
            },
        ),
        (
            "2025-02-20",
            CaseEvent::VerificationPlanRecorded {
                on: day("2025-02-20"),
            },
        ),
        (
            "2025-03-10",
            CaseEvent::EvidenceRecorded {
                on: day("2025-03-10"),
            },
        ),
        (
            "2025-04-01",
            CaseEvent::Concluded {
                on: day("2025-04-01"),
                finding: Finding::PartlyCorrect,
                measures: vec!["Kiểm điểm trách nhiệm xyzzy".into()],
                amount_to_recover_vnd: 120_000_000,
                persons_to_discipline: 1,
                false_report_flag: false,
                decided_on: day("2025-04-01"),
            },
        ),
        (
            "2025-04-03",
            CaseEvent::NoticeSent {
                on: day("2025-04-03"),
                notice: Notice::Conclusion,
                sent_on: None,
            },
        ),
        (
            "2025-04-10",
            CaseEvent::ConclusionHandled {
                on: day("2025-04-10"),
                decided_on: day("2025-04-10"),
            },
        ),
        (
            "2025-04-30",
            CaseEvent::Published {
                on: day("2025-04-30"),
                from: day("2025-04-14"),
                until: day("2025-04-28"),
            },
        ),
        (
            "2025-04-30",
            CaseEvent::Closed {
                on: day("2025-04-30"),
            },
        ),
    ];
    let intake_secret = f
        .store
        .open_unit_key(
            &officer.unit,
            UnitKeyKind::Intake,
            &officer.id,
            &officer.key,
        )
        .await
        .unwrap();
    assert!(
        f.store
            .identity_key_as_intake(&case, &intake_secret)
            .await
            .unwrap()
            .is_some()
    );
    let mut stages = Vec::new();
    for (today, event) in steps {
        let recorded = record(store, &case, &officer, &key, today, event)
            .await
            .unwrap_or_else(|error| panic!("{today}: {error}"));
        stages.push(recorded.state.stage);
        if today == "2025-02-10" && recorded.state.stage == Stage::Accepted {
            let resolution = recorded
                .deadlines
                .iter()
                .find(|d| d.kind == DeadlineKind::Resolution)
                .unwrap();
            assert!(resolution.open);
        }
    }
    assert_eq!(stages.last(), Some(&Stage::Closed));
    // The acceptance decision destroyed the intake officers' seal of the identity.
    assert!(matches!(
        f.store.identity_key_as_intake(&case, &intake_secret).await,
        Err(IntakeError::IdentityUnavailable)
    ));
    let summary = store.case_summary(&case).await.unwrap().unwrap();
    assert_eq!(summary.stage, Stage::Closed);
    assert_eq!(summary.next_due, None);
    assert_eq!(summary.assignee.as_ref(), Some(&officer.id));

    // The whole history opens with the key; the redacted one hides the free text.
    let whole = store.case_history(&case, &key).await.unwrap();
    assert_eq!(whole.len(), 13);
    assert!(matches!(whole[0].event, CaseEvent::Received { .. }));
    assert!(format!("{:?}", whole[8].event).contains("xyzzy"));
    let (_, redacted) = store.case_history_redacted(&case).await.unwrap();
    assert!(!format!("{redacted:?}").contains("xyzzy"));
    assert_eq!(
        f.count("SELECT COUNT(*) FROM case_events WHERE public_event LIKE '%xyzzy%'")
            .await,
        0
    );
    let folded = store.folded_case(&case, &on("2025-12-31")).await.unwrap();
    assert_eq!(folded.state.stage, Stage::Closed);
    assert!(folded.deadlines.iter().all(|d| !d.open));
    assert!(matches!(
        verify(store, &store.audit_verifying_key()).await.unwrap(),
        AuditVerdict::Intact { .. }
    ));
}

async fn a_refused_event_is_not_stored_and_names_its_rule(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let case = f.letter(&officer, "TTT", "2025-01-24").await;
    let key = f.case_key(&case, &officer).await;
    let audit_before = f.count("SELECT COUNT(*) FROM audit_entries").await;

    let refused = record(
        &f.store,
        &case,
        &officer,
        &key,
        "2025-02-03",
        accepted(day("2025-02-03")),
    )
    .await;
    assert!(matches!(
        refused,
        Err(WorkflowError::Rejected(Rejection::NotClassified))
    ));
    // Dated after today.
    let future = record(
        &f.store,
        &case,
        &officer,
        &key,
        "2025-02-03",
        CaseEvent::Classified {
            on: day("2025-02-04"),
            as_kind: Classification::Denunciation,
        },
    )
    .await;
    assert!(matches!(
        future,
        Err(WorkflowError::Rejected(Rejection::DatedAfterToday { .. }))
    ));
    // A key that is not the case's.
    let wrong = record(
        &f.store,
        &case,
        &officer,
        &DataKey::generate(),
        "2025-02-03",
        CaseEvent::Classified {
            on: day("2025-02-03"),
            as_kind: Classification::Denunciation,
        },
    )
    .await;
    assert!(matches!(wrong, Err(WorkflowError::WrongCaseKey)));
    assert_eq!(f.count("SELECT COUNT(*) FROM case_events").await, 0);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        audit_before
    );

    record(
        &f.store,
        &case,
        &officer,
        &key,
        "2025-02-03",
        CaseEvent::Classified {
            on: day("2025-02-03"),
            as_kind: Classification::Denunciation,
        },
    )
    .await
    .unwrap();
    let refusal = record(
        &f.store,
        &case,
        &officer,
        &key,
        "2025-02-05",
        CaseEvent::NotAccepted {
            on: day("2025-02-05"),
            grounds: GROUNDS.into(),
            decided_on: day("2025-02-05"),
        },
    )
    .await
    .unwrap();
    assert_eq!(refusal.state.stage, Stage::NotAccepted);
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries").await,
        audit_before + 2
    );
    assert_eq!(
        f.count("SELECT COUNT(*) FROM audit_entries WHERE details LIKE '%xyzzy%'")
            .await,
        0
    );
}

async fn forwarding_moves_the_case_and_its_key_once(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("UBT", None).await;
    f.unit("TTT", Some("UBT")).await;
    f.unit("SXD", Some("UBT")).await;
    let sender = f
        .user("sender", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let receiver = f
        .user("receiver", "SXD", &[Role::Intake, Role::Handler])
        .await;
    let case = f.letter(&sender, "TTT", "2025-03-03").await;
    let key = f.case_key(&case, &sender).await;
    record(
        &f.store,
        &case,
        &sender,
        &key,
        "2025-03-04",
        CaseEvent::Classified {
            on: day("2025-03-04"),
            as_kind: Classification::NotOurs,
        },
    )
    .await
    .unwrap();
    record(
        &f.store,
        &case,
        &sender,
        &key,
        "2025-03-04",
        CaseEvent::HandlerAssigned {
            on: day("2025-03-04"),
            handler: sender.id.to_string(),
        },
    )
    .await
    .unwrap();

    let unknown = record(
        &f.store,
        &case,
        &sender,
        &key,
        "2025-03-05",
        CaseEvent::Forwarded {
            outside: None,
            on: day("2025-03-05"),
            to_unit: "KHONGCO".into(),
            decided_on: day("2025-03-05"),
        },
    )
    .await;
    assert!(matches!(unknown, Err(WorkflowError::UnknownUnit(_))));
    let to_self = record(
        &f.store,
        &case,
        &sender,
        &key,
        "2025-03-05",
        CaseEvent::Forwarded {
            outside: None,
            on: day("2025-03-05"),
            to_unit: "TTT".into(),
            decided_on: day("2025-03-05"),
        },
    )
    .await;
    assert!(matches!(to_self, Err(WorkflowError::SameUnit(_))));

    let moved = record(
        &f.store,
        &case,
        &sender,
        &key,
        "2025-03-05",
        CaseEvent::Forwarded {
            outside: None,
            on: day("2025-03-05"),
            to_unit: "SXD".into(),
            decided_on: day("2025-03-05"),
        },
    )
    .await
    .unwrap();
    assert_eq!(moved.unit_id, receiver.unit);
    let summary = f.store.case_summary(&case).await.unwrap().unwrap();
    assert_eq!(summary.unit_id, receiver.unit);
    assert_eq!(summary.stage, Stage::Forwarded);
    assert_eq!(
        summary.assignee, None,
        "the receiving unit assigns its own handler"
    );
    // The receiving unit opens the same key; the sender's inbox no longer lists it.
    assert_eq!(
        f.case_key(&case, &receiver).await.expose_secret(),
        key.expose_secret()
    );
    let sender_inbox = f
        .store
        .unit_inbox(&sender.unit, &InboxFilter::default(), None, 50)
        .await
        .unwrap();
    assert!(sender_inbox.cases.is_empty());
    let receiver_inbox = f
        .store
        .unit_inbox(&receiver.unit, &InboxFilter::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(receiver_inbox.cases.len(), 1);
    // Both units see the trail: the receipt and forwarding were the sender's.
    let (_, history) = f.store.case_history_redacted(&case).await.unwrap();
    assert_eq!(history[0].unit_id, sender.unit);
    assert_eq!(history.last().unwrap().unit_id, sender.unit);
    let trail = f.store.cases_forwarded_by(&sender.unit, 10).await.unwrap();
    assert_eq!(trail, vec![(case.clone(), day("2025-03-05"))]);
    // Once per content (LTC Art. 24(2)).
    let again = record(
        &f.store,
        &case,
        &receiver,
        &key,
        "2025-03-06",
        CaseEvent::Forwarded {
            outside: None,
            on: day("2025-03-06"),
            to_unit: "TTT".into(),
            decided_on: day("2025-03-06"),
        },
    )
    .await;
    assert!(matches!(
        again,
        Err(WorkflowError::Rejected(Rejection::ForwardedTwice))
    ));
}

async fn the_inbox_filters_by_stage_due_date_and_assignee(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("TTT", None).await;
    let officer = f
        .user("officer", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let old = f.letter(&officer, "TTT", "2025-01-24").await; // acceptance due 2025-02-11
    let fresh = f.letter(&officer, "TTT", "2025-03-03").await; // due 2025-03-12
    let assigned = f.letter(&officer, "TTT", "2025-03-04").await;
    let key = f.case_key(&assigned, &officer).await;
    assert_eq!(
        f.store
            .refresh_missing_clocks(&on("2025-03-05"), 100)
            .await
            .unwrap(),
        3
    );
    record(
        &f.store,
        &assigned,
        &officer,
        &key,
        "2025-03-05",
        CaseEvent::Classified {
            on: day("2025-03-05"),
            as_kind: Classification::Denunciation,
        },
    )
    .await
    .unwrap();
    record(
        &f.store,
        &assigned,
        &officer,
        &key,
        "2025-03-05",
        CaseEvent::HandlerAssigned {
            on: day("2025-03-05"),
            handler: officer.id.to_string(),
        },
    )
    .await
    .unwrap();

    let ids = |filter: InboxFilter| {
        let store = f.store.clone();
        let unit = officer.unit.clone();
        async move {
            let page = store.unit_inbox(&unit, &filter, None, 50).await.unwrap();
            page.cases.into_iter().map(|c| c.id).collect::<Vec<_>>()
        }
    };
    let today = Some(day("2025-03-05"));
    assert_eq!(
        ids(InboxFilter {
            overdue: true,
            today,
            ..Default::default()
        })
        .await,
        vec![old.clone()]
    );
    assert_eq!(
        ids(InboxFilter {
            due_by: Some(day("2025-03-13")),
            today,
            ..Default::default()
        })
        .await
        .len(),
        2
    );
    assert_eq!(
        ids(InboxFilter {
            assignee: Some(officer.id.clone()),
            ..Default::default()
        })
        .await,
        vec![assigned.clone()]
    );
    assert_eq!(
        ids(InboxFilter {
            stage: Some(Stage::Classified),
            ..Default::default()
        })
        .await,
        vec![assigned.clone()]
    );
    let received = ids(InboxFilter {
        stage: Some(Stage::Received),
        ..Default::default()
    })
    .await;
    assert!(received.contains(&old) && received.contains(&fresh) && received.len() == 2);
    // Paging with a filter keeps to it.
    let first = f
        .store
        .unit_inbox(
            &officer.unit,
            &InboxFilter {
                stage: Some(Stage::Received),
                ..Default::default()
            },
            None,
            1,
        )
        .await
        .unwrap();
    let second = f
        .store
        .unit_inbox(
            &officer.unit,
            &InboxFilter {
                stage: Some(Stage::Received),
                ..Default::default()
            },
            first.next.as_ref(),
            1,
        )
        .await
        .unwrap();
    assert_eq!(second.cases.len(), 1);
    assert!(second.next.is_none());
    assert_ne!(first.cases[0].id, second.cases[0].id);
}

async fn overdue_cases_below_a_unit_come_longest_overdue_first(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    let top = f.unit("UBT", None).await;
    f.unit("TTT", Some("UBT")).await;
    f.unit("SXD", Some("UBT")).await;
    f.unit("KHAC", None).await;
    let ttt = f.user("ttt", "TTT", &[Role::Intake, Role::Handler]).await;
    let sxd = f.user("sxd", "SXD", &[Role::Intake, Role::Handler]).await;
    let other = f.user("khac", "KHAC", &[Role::Intake, Role::Handler]).await;
    // Acceptance (7 working days) due 11/02, 14/02 and 12/03/2025; the last is not
    // overdue on 05/03; the other unit's case is outside the subtree.
    let oldest = f.letter(&ttt, "TTT", "2025-01-24").await;
    let middle = f.letter(&sxd, "SXD", "2025-02-05").await;
    f.letter(&ttt, "TTT", "2025-03-03").await;
    f.letter(&other, "KHAC", "2025-01-24").await;
    f.store
        .refresh_missing_clocks(&on("2025-03-05"), 100)
        .await
        .unwrap();
    let today = day("2025-03-05");

    let first = f.store.overdue_below(&top, today, None, 1).await.unwrap();
    assert_eq!(
        first.cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        vec![oldest.clone()]
    );
    let token = first.next.as_ref().unwrap().to_token();
    let cursor = khien_store::workflow::OverdueCursor::from_token(&token).unwrap();
    let second = f
        .store
        .overdue_below(&top, today, Some(&cursor), 1)
        .await
        .unwrap();
    assert_eq!(second.cases[0].id, middle);
    assert!(second.next.is_none(), "two overdue cases in the subtree");
    assert!(khien_store::workflow::OverdueCursor::from_token("x.y").is_none());

    let counts = f.store.overdue_counts_below(&top, today).await.unwrap();
    let mut by_unit: Vec<(UnitId, i64)> = counts;
    by_unit.sort();
    let mut expected = vec![(ttt.unit.clone(), 1), (sxd.unit.clone(), 1)];
    expected.sort();
    assert_eq!(by_unit, expected);
    // From a unit below, only its own.
    let own = f
        .store
        .overdue_below(&sxd.unit, today, None, 50)
        .await
        .unwrap();
    assert_eq!(own.cases.len(), 1);
    assert_eq!(own.cases[0].id, middle);
}

khien_testkit::on_both_backends!(
    a_letter_goes_from_receipt_to_publication,
    a_refused_event_is_not_stored_and_names_its_rule,
    forwarding_moves_the_case_and_its_key_once,
    the_inbox_filters_by_stage_due_date_and_assignee,
    overdue_cases_below_a_unit_come_longest_overdue_first,
);
