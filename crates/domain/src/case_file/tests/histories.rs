//! Case histories the tests start from, and builders for single events. Dates run
//! through 2025; the standard "today" is the last day of the year.

use chrono::NaiveDate;

use crate::case_file::{
    AcceptanceConditions, CaseEvent, CaseState, Classification, ComplexityCriterion,
    CriminalAuthority, Finding, FoldContext, Notice, Rejection, TerminationGround, fold,
};
use crate::intake::{Channel, ReportKind};
use crate::rules::RulePacks;

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|_| panic!("test date {text} is not YYYY-MM-DD"))
}

pub(super) const TODAY: &str = "2025-12-31";

pub(super) fn context_on(today: &str) -> FoldContext<'static> {
    FoldContext::new(day(today), RulePacks::builtin())
}

/// Folds `events` as of [`TODAY`], failing the test with the rejection if any.
pub(super) fn folded(events: &[CaseEvent]) -> CaseState {
    fold(events, &context_on(TODAY))
        .unwrap_or_else(|(index, rejection)| panic!("event {index} rejected: {rejection}"))
}

/// The rejection of the last of `events`, checking that all before it fold.
pub(super) fn rejection_of(events: &[CaseEvent]) -> Rejection {
    match fold(events, &context_on(TODAY)) {
        Ok(_) => panic!("the last event was accepted"),
        Err((index, rejection)) => {
            assert_eq!(
                index,
                events.len() - 1,
                "an earlier event was rejected: {rejection}"
            );
            rejection
        }
    }
}

pub(super) fn with(
    mut events: Vec<CaseEvent>,
    more: impl IntoIterator<Item = CaseEvent>,
) -> Vec<CaseEvent> {
    events.extend(more);
    events
}

// Single events. `on` and `decided_on` are the same unless a test says otherwise.

pub(super) fn received(on: &str, kind: ReportKind, anonymous: bool) -> CaseEvent {
    CaseEvent::Received {
        on: day(on),
        kind,
        channel: Channel::Web,
        anonymous,
        received_on: day(on),
    }
}

pub(super) fn classified(on: &str, as_kind: Classification) -> CaseEvent {
    CaseEvent::Classified {
        on: day(on),
        as_kind,
    }
}

pub(super) fn accepted(on: &str) -> CaseEvent {
    CaseEvent::Accepted {
        on: day(on),
        conditions: AcceptanceConditions::ALL_MET,
        decided_on: day(on),
    }
}

pub(super) fn not_accepted(on: &str, grounds: &str) -> CaseEvent {
    CaseEvent::NotAccepted {
        on: day(on),
        grounds: grounds.to_owned(),
        decided_on: day(on),
    }
}

pub(super) fn forwarded(on: &str, to_unit: &str) -> CaseEvent {
    CaseEvent::Forwarded {
        outside: None,
        on: day(on),
        to_unit: to_unit.to_owned(),
        decided_on: day(on),
    }
}

/// Forwarded on paper to `body`, outside Khiên; `to_unit` is its code or empty.
pub(super) fn forwarded_outside(on: &str, to_unit: &str, body: &str) -> CaseEvent {
    CaseEvent::Forwarded {
        on: day(on),
        to_unit: to_unit.to_owned(),
        decided_on: day(on),
        outside: Some(body.to_owned()),
    }
}

pub(super) fn transferred(on: &str) -> CaseEvent {
    CaseEvent::TransferredCriminal {
        on: day(on),
        to: CriminalAuthority::InvestigationAgency,
        decided_on: day(on),
    }
}

pub(super) fn handled_as_information(on: &str) -> CaseEvent {
    CaseEvent::HandledAsInformation {
        on: day(on),
        decided_on: day(on),
    }
}

pub(super) fn verifiers(on: &str, ids: &[&str]) -> CaseEvent {
    CaseEvent::VerifiersAssigned {
        on: day(on),
        verifiers: ids.iter().map(|id| (*id).to_owned()).collect(),
    }
}

pub(super) fn extended(on: &str, criteria: &[ComplexityCriterion]) -> CaseEvent {
    CaseEvent::Extended {
        on: day(on),
        criteria: criteria.to_vec(),
        decided_on: day(on),
    }
}

pub(super) fn suspended(on: &str) -> CaseEvent {
    CaseEvent::Suspended {
        on: day(on),
        reason: "awaiting the audit office's findings".to_owned(),
        decided_on: day(on),
    }
}

pub(super) fn resumed(on: &str) -> CaseEvent {
    CaseEvent::Resumed {
        on: day(on),
        decided_on: day(on),
    }
}

pub(super) fn terminated(on: &str, ground: TerminationGround) -> CaseEvent {
    CaseEvent::Terminated {
        on: day(on),
        ground,
        decided_on: day(on),
    }
}

pub(super) fn concluded(on: &str, finding: Finding, false_report_flag: bool) -> CaseEvent {
    CaseEvent::Concluded {
        on: day(on),
        finding,
        measures: vec!["recover the overpaid allowance".to_owned()],
        amount_to_recover_vnd: 125_000_000,
        persons_to_discipline: 2,
        false_report_flag,
        decided_on: day(on),
    }
}

pub(super) fn conclusion_handled(on: &str) -> CaseEvent {
    CaseEvent::ConclusionHandled {
        on: day(on),
        decided_on: day(on),
    }
}

pub(super) fn published(on: &str, from: &str, until: &str) -> CaseEvent {
    CaseEvent::Published {
        on: day(on),
        from: day(from),
        until: day(until),
    }
}

pub(super) fn notice_sent(on: &str, notice: Notice) -> CaseEvent {
    CaseEvent::NoticeSent {
        on: day(on),
        notice,
        sent_on: None,
    }
}

pub(super) fn closed(on: &str) -> CaseEvent {
    CaseEvent::Closed { on: day(on) }
}

pub(super) fn petition_replied(on: &str) -> CaseEvent {
    CaseEvent::PetitionReplied {
        on: day(on),
        decided_on: day(on),
    }
}

pub(super) fn re_denunciation(on: &str) -> CaseEvent {
    CaseEvent::ReDenunciationReceived {
        on: day(on),
        received_on: day(on),
    }
}

pub(super) fn review_opened(on: &str, at_unit: &str) -> CaseEvent {
    CaseEvent::ReviewOpened {
        on: day(on),
        at_unit: at_unit.to_owned(),
    }
}

// Histories, each extending the one before. Later events in tests are dated from
// June 2025 on, after every date used here.

/// A named denunciation received on Friday 2025-01-24.
pub(super) fn received_case() -> Vec<CaseEvent> {
    vec![received("2025-01-24", ReportKind::Denunciation, false)]
}

pub(super) fn classified_case(as_kind: Classification) -> Vec<CaseEvent> {
    with(received_case(), [classified("2025-02-03", as_kind)])
}

pub(super) fn anonymous_classified_case() -> Vec<CaseEvent> {
    vec![
        received("2025-01-24", ReportKind::Denunciation, true),
        classified("2025-02-03", Classification::Denunciation),
    ]
}

pub(super) fn petition_case() -> Vec<CaseEvent> {
    vec![
        received("2025-01-24", ReportKind::Petition, false),
        classified("2025-02-03", Classification::Petition),
    ]
}

/// Accepted on 2025-02-10.
pub(super) fn accepted_case() -> Vec<CaseEvent> {
    with(
        classified_case(Classification::Denunciation),
        [accepted("2025-02-10")],
    )
}

pub(super) fn verifying_case() -> Vec<CaseEvent> {
    with(
        accepted_case(),
        [verifiers("2025-02-11", &["u-17", "u-23"])],
    )
}

pub(super) fn suspended_case() -> Vec<CaseEvent> {
    with(verifying_case(), [suspended("2025-02-20")])
}

pub(super) fn concluded_case() -> Vec<CaseEvent> {
    with(
        verifying_case(),
        [concluded("2025-03-05", Finding::PartlyCorrect, false)],
    )
}

pub(super) fn published_case() -> Vec<CaseEvent> {
    with(
        concluded_case(),
        [
            conclusion_handled("2025-03-10"),
            published("2025-03-11", "2025-03-11", "2025-03-25"),
        ],
    )
}

pub(super) fn closed_case() -> Vec<CaseEvent> {
    with(published_case(), [closed("2025-03-26")])
}

pub(super) fn re_denounced_case() -> Vec<CaseEvent> {
    with(closed_case(), [re_denunciation("2025-04-01")])
}

pub(super) fn review_case() -> Vec<CaseEvent> {
    with(
        re_denounced_case(),
        [review_opened("2025-04-03", "ubnd-hn")],
    )
}

pub(super) fn information_case() -> Vec<CaseEvent> {
    with(
        anonymous_classified_case(),
        [handled_as_information("2025-02-05")],
    )
}
