//! Which actions make sense for a case now: each is tried against the fold with a
//! sample of its fields, so the console offers only steps the law allows at this
//! stage (the real fields are checked again when the form is sent).

use khien_domain::case_file::{
    AcceptanceConditions, CaseEvent, CaseState, Classification, ComplexityCriterion,
    CriminalAuthority, Finding, FoldContext, Notice, SEALED_TEXT, TerminationGround, apply,
};

/// The names of the actions (as in [`super::CaseAction::NAMES`]) that the fold
/// accepts today for a case in `state`.
pub fn available_actions(state: &CaseState, context: &FoldContext<'_>) -> Vec<&'static str> {
    let on = context.today;
    let text = || SEALED_TEXT.to_owned();
    let mut samples: Vec<(&'static str, CaseEvent)> = vec![
        (
            "classify",
            CaseEvent::Classified {
                on,
                as_kind: Classification::Denunciation,
            },
        ),
        (
            "accept",
            CaseEvent::Accepted {
                on,
                conditions: AcceptanceConditions::ALL_MET,
                decided_on: on,
            },
        ),
        (
            "reject",
            CaseEvent::NotAccepted {
                on,
                grounds: text(),
                decided_on: on,
            },
        ),
        (
            "forward",
            CaseEvent::Forwarded {
                outside: None,
                on,
                to_unit: "KHAC".into(),
                decided_on: on,
            },
        ),
        (
            "transfer_criminal",
            CaseEvent::TransferredCriminal {
                on,
                to: CriminalAuthority::InvestigationAgency,
                decided_on: on,
            },
        ),
        (
            "handle_as_information",
            CaseEvent::HandledAsInformation { on, decided_on: on },
        ),
        (
            "assign",
            CaseEvent::HandlerAssigned {
                on,
                handler: text(),
            },
        ),
        (
            "assign_verifiers",
            CaseEvent::VerifiersAssigned {
                on,
                verifiers: vec![text()],
            },
        ),
        ("record_plan", CaseEvent::VerificationPlanRecorded { on }),
        ("record_meeting", CaseEvent::MeetingRecorded { on }),
        ("record_evidence", CaseEvent::EvidenceRecorded { on }),
        (
            "extend",
            CaseEvent::Extended {
                on,
                criteria: vec![ComplexityCriterion::SeveralLocations],
                decided_on: on,
            },
        ),
        (
            "suspend",
            CaseEvent::Suspended {
                on,
                reason: text(),
                decided_on: on,
            },
        ),
        ("resume", CaseEvent::Resumed { on, decided_on: on }),
        (
            "terminate",
            CaseEvent::Terminated {
                on,
                ground: TerminationGround::AccusedDied,
                decided_on: on,
            },
        ),
        (
            "conclude",
            CaseEvent::Concluded {
                on,
                finding: Finding::Correct,
                measures: vec![],
                amount_to_recover_vnd: 0,
                persons_to_discipline: 0,
                false_report_flag: false,
                decided_on: on,
            },
        ),
        (
            "handle_conclusion",
            CaseEvent::ConclusionHandled { on, decided_on: on },
        ),
        ("close", CaseEvent::Closed { on }),
        ("reply", CaseEvent::PetitionReplied { on, decided_on: on }),
        (
            "re_denunciation",
            CaseEvent::ReDenunciationReceived {
                on,
                received_on: on,
            },
        ),
        (
            "open_review",
            CaseEvent::ReviewOpened {
                on,
                at_unit: "KHAC".into(),
            },
        ),
    ];
    // Classification offers every class the fold accepts; one sample is enough.
    for notice in [
        Notice::Acceptance,
        Notice::Suspension,
        Notice::Termination,
        Notice::Conclusion,
    ] {
        samples.push((
            "send_notice",
            CaseEvent::NoticeSent {
                on,
                notice,
                sent_on: None,
            },
        ));
    }
    // Publication is due within 7 working days of the conclusion (LTC Art. 40), so it
    // is offered from the conclusion on: a posting starting today, long enough for any
    // rule pack's minimum (the real length is checked when the form is sent).
    if let Some(until) = on.checked_add_days(chrono::Days::new(365)) {
        samples.push((
            "publish",
            CaseEvent::Published {
                on,
                from: on,
                until,
            },
        ));
    }
    let mut names: Vec<&'static str> = Vec::new();
    for (name, event) in samples {
        if !names.contains(&name) && apply(state.clone(), &event, context).is_ok() {
            names.push(name);
        }
    }
    names
}

/// The notices owed now (those the fold would accept).
pub fn owed_notices(state: &CaseState, context: &FoldContext<'_>) -> Vec<Notice> {
    [
        Notice::Acceptance,
        Notice::Suspension,
        Notice::Termination,
        Notice::Conclusion,
    ]
    .into_iter()
    .filter(|notice| {
        apply(
            state.clone(),
            &CaseEvent::NoticeSent {
                on: context.today,
                notice: *notice,
                sent_on: None,
            },
            context,
        )
        .is_ok()
    })
    .collect()
}
