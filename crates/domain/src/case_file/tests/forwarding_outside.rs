//! Forwarding to a body that does not take cases through Khiên (LTC Art. 24(2)): a unit
//! of the tree with no staff here, or an agency outside the tree named in words.

use khien_calendar::Calendar;

use super::histories::*;
use crate::case_file::{
    CaseEvent, Classification, DeadlineKind, FoldContext, IntakeOutcome, Rejection, Stage,
    deadlines, fold,
};
use crate::rules::RulePacks;

#[test]
fn an_outside_agency_receives_the_case_by_letter_and_the_file_ends_here() {
    let state = folded(&with(
        classified_case(Classification::NotOurs),
        [forwarded_outside(
            "2025-02-06",
            "",
            " Công an huyện X, tỉnh Y ",
        )],
    ));
    assert_eq!(state.stage, Stage::ForwardedOutside);
    assert_eq!(
        state.forwarded_outside_to(),
        Some("Công an huyện X, tỉnh Y")
    );
    assert_eq!(
        state.intake.as_ref().map(|i| i.outcome.clone()),
        Some(IntakeOutcome::ForwardedOutside {
            to_unit: String::new(),
            body: "Công an huyện X, tỉnh Y".to_owned(),
        })
    );
    assert!(state.public_stage().vi.contains("Công an huyện X, tỉnh Y"));
    assert!(state.public_stage().en.contains("outside Khiên"));
}

#[test]
fn a_tree_unit_without_staff_keeps_its_normalised_code() {
    let state = folded(&with(
        classified_case(Classification::NotOurs),
        [forwarded_outside("2025-02-06", " so-tc ", "Sở Tài chính")],
    ));
    assert_eq!(state.stage, Stage::ForwardedOutside);
    assert_eq!(state.forwarded_to.as_deref(), Some("SO-TC"));
    let refused = rejection_of(&with(
        classified_case(Classification::NotOurs),
        [forwarded_outside("2025-02-06", "Sở?", "Sở Tài chính")],
    ));
    assert!(matches!(refused, Rejection::BadUnit { .. }), "{refused:?}");
}

#[test]
fn an_outside_forwarding_names_the_body() {
    let refused = rejection_of(&with(
        classified_case(Classification::NotOurs),
        [forwarded_outside("2025-02-06", "", "  ")],
    ));
    assert_eq!(refused, Rejection::NoOutsideBody);
}

#[test]
fn the_forwarding_deadline_is_met_on_the_letter_date() {
    let events = with(
        classified_case(Classification::NotOurs),
        [CaseEvent::Forwarded {
            on: day("2025-02-10"),
            to_unit: String::new(),
            decided_on: day("2025-02-06"),
            outside: Some("Công an huyện X".into()),
        }],
    );
    let context = FoldContext::new(day("2025-02-12"), RulePacks::builtin());
    let state = fold(&events, &context).expect("the history folds");
    let list = deadlines(
        &state,
        RulePacks::builtin(),
        &Calendar::builtin(),
        day("2025-02-12"),
    )
    .expect("deadlines compute");
    let forwarding: Vec<_> = list
        .iter()
        .filter(|d| d.kind == DeadlineKind::Forwarding)
        .collect();
    assert_eq!(forwarding.len(), 1, "{list:?}");
    assert_eq!(forwarding[0].done_on, Some(day("2025-02-06")));
    assert_eq!(forwarding[0].met(), Some(true));
}

#[test]
fn a_case_forwarded_outside_is_not_received_nor_forwarded_again() {
    let outside = with(
        classified_case(Classification::NotOurs),
        [forwarded_outside("2025-02-06", "", "Công an huyện X")],
    );
    let received = rejection_of(&with(
        outside.clone(),
        [CaseEvent::ForwardReceived {
            on: day("2025-02-07"),
            received_on: day("2025-02-07"),
        }],
    ));
    assert_eq!(received, Rejection::NotForwarded);
    let again = rejection_of(&with(outside, [forwarded("2025-02-07", "SO-TC")]));
    assert_eq!(again, Rejection::ForwardedTwice);
}

#[test]
fn the_redacted_form_keeps_the_body_so_both_fold_alike() {
    let event = forwarded_outside("2025-02-06", "", "Công an huyện X");
    assert_eq!(event.redacted(), event);
    let json = serde_json::to_string(&event).unwrap();
    assert!(json.contains("\"outside\":\"Công an huyện X\""), "{json}");
    // Histories stored before the field existed still read, as in-Khiên forwardings.
    let older: CaseEvent = serde_json::from_str(
        r#"{"kind":"forwarded","on":"2025-02-06","to_unit":"SO-TC","decided_on":"2025-02-06"}"#,
    )
    .unwrap();
    assert_eq!(older, forwarded("2025-02-06", "SO-TC"));
    assert!(!serde_json::to_string(&older).unwrap().contains("outside"));
}
