//! Events are stored as JSON with a `kind` tag and read back unchanged.

use super::histories::*;
use crate::case_file::{
    CaseEvent, Classification, ComplexityCriterion, Finding, Notice, TerminationGround,
    WithdrawalException,
};

/// One event of every kind.
fn every_kind() -> Vec<CaseEvent> {
    let on = "2025-06-02";
    vec![
        received(on, crate::intake::ReportKind::Reflection, true),
        classified(on, Classification::ComplaintMixedIn),
        accepted(on),
        not_accepted(on, "no violator named"),
        forwarded(on, "SO-TC"),
        transferred(on),
        handled_as_information(on),
        verifiers(on, &["u-1", "u-2"]),
        CaseEvent::VerificationPlanRecorded { on: day(on) },
        CaseEvent::MeetingRecorded { on: day(on) },
        CaseEvent::EvidenceRecorded { on: day(on) },
        extended(on, &ComplexityCriterion::ALL),
        suspended(on),
        resumed(on),
        terminated(
            on,
            TerminationGround::Withdrawal {
                exception_applies: Some(WithdrawalException::Slander),
            },
        ),
        terminated(on, TerminationGround::PriorJudgment),
        concluded(on, Finding::False, true),
        conclusion_handled(on),
        published(on, on, "2025-06-16"),
        notice_sent(on, Notice::Suspension),
        closed(on),
        petition_replied(on),
        re_denunciation(on),
        review_opened(on, "UBND-HN"),
    ]
}

#[test]
fn every_event_round_trips_through_json() {
    for event in every_kind() {
        let json = serde_json::to_string(&event).expect("serialises");
        let back: CaseEvent = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, event, "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).expect("is JSON");
        assert_eq!(value["kind"], event.name(), "{json}");
    }
}

#[test]
fn the_stored_shape_is_stable() {
    let json = serde_json::to_value(received(
        "2025-01-24",
        crate::intake::ReportKind::Denunciation,
        false,
    ))
    .expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "kind": "received",
            "on": "2025-01-24",
            "report_kind": "denunciation",
            "channel": "web",
            "anonymous": false,
            "received_on": "2025-01-24"
        })
    );
    let json = serde_json::to_value(terminated(
        "2025-06-02",
        TerminationGround::Withdrawal {
            exception_applies: None,
        },
    ))
    .expect("serialises");
    assert_eq!(
        json["ground"],
        serde_json::json!({"type": "withdrawal", "exception_applies": null})
    );
}

#[test]
fn an_unknown_kind_is_refused_when_read() {
    let text = r#"{"kind":"teleported","on":"2025-06-02"}"#;
    assert!(serde_json::from_str::<CaseEvent>(text).is_err());
}
