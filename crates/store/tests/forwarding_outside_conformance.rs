//! Forwarding outside Khiên, on SQLite and PostgreSQL: to a unit of the tree with no
//! staff here, or to an agency outside the tree. No key is re-sealed, the case stays
//! with the sending unit at stage `forwarded_outside`, leaves its default inbox (the
//! stage filter still finds it), and the forwarding deadline is met on the letter's
//! date. A refused forwarding stores nothing. Units with a key are the ones that
//! receive cases through Khiên.

#[path = "support/case_fixture.rs"]
mod case_fixture;

use case_fixture::{CaseFixture, Staff, day};
use chrono::Utc;
use khien_calendar::Calendar;
use khien_domain::accounts::Role;
use khien_domain::case_file::{CaseEvent, Classification, Rejection, Stage};
use khien_domain::rules::RulePacks;
use khien_store::intake::CaseId;
use khien_store::workflow::{ClockContext, InboxFilter, NewCaseEvent, WorkflowError};
use khien_store::{Backend, Store};
use khien_vault::symmetric::DataKey;

fn calendar() -> &'static Calendar {
    static CALENDAR: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CALENDAR.get_or_init(Calendar::builtin)
}

async fn record(
    store: &Store,
    case: &CaseId,
    by: &Staff,
    key: &DataKey,
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
            &ClockContext {
                today: day("2025-03-10"),
                packs: RulePacks::builtin(),
                calendar: calendar(),
            },
        )
        .await
}

fn outside(to_unit: &str, body: &str) -> CaseEvent {
    CaseEvent::Forwarded {
        on: day("2025-03-06"),
        to_unit: to_unit.into(),
        decided_on: day("2025-03-05"),
        outside: Some(body.into()),
    }
}

async fn a_case_forwarded_outside_stays_sealed_at_the_sender(backend: Backend) {
    let f = CaseFixture::new(backend).await;
    f.unit("UBT", None).await;
    f.unit("TTT", Some("UBT")).await;
    // A unit of the tree nobody on Khiên holds the key of.
    let offline = f.unit("SXD", Some("UBT")).await;
    let sender = f
        .user("sender", "TTT", &[Role::Intake, Role::Handler])
        .await;
    let receiving = f.store.units_receiving_cases().await.unwrap();
    assert!(receiving.contains(&sender.unit));
    assert!(!receiving.contains(&offline));
    let mut cases = Vec::new();
    for _ in 0..2 {
        let case = f.letter(&sender, "TTT", "2025-03-03").await;
        let key = f.case_key(&case, &sender).await;
        record(
            &f.store,
            &case,
            &sender,
            &key,
            CaseEvent::Classified {
                on: day("2025-03-04"),
                as_kind: Classification::NotOurs,
            },
        )
        .await
        .unwrap();
        cases.push((case, key));
    }
    let seals = "SELECT COUNT(*) FROM case_key_seals";
    let seals_before = f.count(seals).await;
    let events = "SELECT COUNT(*) FROM case_events";
    let events_before = f.count(events).await;

    // Refused: no body named. Nothing stored.
    let (unit_case, unit_key) = &cases[0];
    let refused = record(&f.store, unit_case, &sender, unit_key, outside("", " ")).await;
    assert!(matches!(
        refused,
        Err(WorkflowError::Rejected(Rejection::NoOutsideBody))
    ));
    assert_eq!(f.count(events).await, events_before);

    let to_unit = record(
        &f.store,
        unit_case,
        &sender,
        unit_key,
        outside("SXD", "Sở Xây dựng"),
    )
    .await
    .unwrap();
    assert_eq!(
        to_unit.unit_id, sender.unit,
        "the case stays with the sender"
    );
    let (agency_case, agency_key) = &cases[1];
    record(
        &f.store,
        agency_case,
        &sender,
        agency_key,
        outside("", "Công an huyện X, tỉnh Y"),
    )
    .await
    .unwrap();
    assert_eq!(f.count(seals).await, seals_before, "no key is re-sealed");

    for (case, _) in &cases {
        let summary = f.store.case_summary(case).await.unwrap().unwrap();
        assert_eq!(summary.stage, Stage::ForwardedOutside);
        assert_eq!(summary.unit_id, sender.unit);
    }
    // The default inbox no longer lists them; the stage filter does.
    let inbox = f
        .store
        .unit_inbox(&sender.unit, &InboxFilter::default(), None, 50)
        .await
        .unwrap();
    assert!(inbox.cases.is_empty());
    assert_eq!(
        f.store
            .count_inbox(&sender.unit, &InboxFilter::default())
            .await
            .unwrap(),
        0
    );
    let stage = InboxFilter {
        stage: Some(Stage::ForwardedOutside),
        ..InboxFilter::default()
    };
    let found = f
        .store
        .unit_inbox(&sender.unit, &stage, None, 50)
        .await
        .unwrap();
    assert_eq!(found.cases.len(), 2);
    assert_eq!(f.store.count_inbox(&sender.unit, &stage).await.unwrap(), 2);

    // The redacted history keeps the body's name, and it is forwarded only once.
    let (_, history) = f.store.case_history_redacted(unit_case).await.unwrap();
    assert_eq!(history.last().unwrap().event, outside("SXD", "Sở Xây dựng"));
    let again = record(
        &f.store,
        unit_case,
        &sender,
        unit_key,
        outside("", "Công an huyện X"),
    )
    .await;
    assert!(matches!(
        again,
        Err(WorkflowError::Rejected(Rejection::ForwardedTwice))
    ));
}

khien_testkit::on_both_backends!(a_case_forwarded_outside_stays_sealed_at_the_sender,);
