//! Every rejection, table-driven: a valid history, one event too many, the rule named.
//! A variant added to `Rejection` without a row here fails `every_rejection_is_tested`.

use std::collections::BTreeSet;

use super::histories::*;
use crate::case_file::{
    AcceptanceConditions, CaseEvent, Classification, ComplexityCriterion, Finding, Notice,
    Rejection, TerminationGround, WithdrawalException, apply, fold,
};
use crate::intake::{Channel, ReportKind};
use crate::rules::Complexity;

const LATER: &str = "2025-06-02";

/// The variant's name; exhaustive, so a new variant must be added here and tested.
fn variant(rejection: &Rejection) -> &'static str {
    match rejection {
        Rejection::DatedAfterToday { .. } => "DatedAfterToday",
        Rejection::DecidedAfterRecorded { .. } => "DecidedAfterRecorded",
        Rejection::OutOfOrder { .. } => "OutOfOrder",
        Rejection::BeforeStep { .. } => "BeforeStep",
        Rejection::AlreadyReceived => "AlreadyReceived",
        Rejection::NotReceived => "NotReceived",
        Rejection::NoRulePack { .. } => "NoRulePack",
        Rejection::AlreadyClassified => "AlreadyClassified",
        Rejection::NotClassified => "NotClassified",
        Rejection::ForwardedTwice => "ForwardedTwice",
        Rejection::NotForwarded => "NotForwarded",
        Rejection::AcceptanceConditions { .. } => "AcceptanceConditions",
        Rejection::AnonymousNotAccepted => "AnonymousNotAccepted",
        Rejection::AnonymousInformationTrack => "AnonymousInformationTrack",
        Rejection::NotInformation => "NotInformation",
        Rejection::NotADenunciation { .. } => "NotADenunciation",
        Rejection::NoGrounds => "NoGrounds",
        Rejection::BadUnit { .. } => "BadUnit",
        Rejection::NoOutsideBody => "NoOutsideBody",
        Rejection::IntakeDecided => "IntakeDecided",
        Rejection::PetitionTrack => "PetitionTrack",
        Rejection::NotPetitionTrack => "NotPetitionTrack",
        Rejection::AlreadyReplied => "AlreadyReplied",
        Rejection::NotAccepted => "NotAccepted",
        Rejection::ResolutionEnded { .. } => "ResolutionEnded",
        Rejection::Suspended => "Suspended",
        Rejection::AlreadySuspended => "AlreadySuspended",
        Rejection::NotSuspended => "NotSuspended",
        Rejection::NoSuspensionReason => "NoSuspensionReason",
        Rejection::NoHandler => "NoHandler",
        Rejection::NoVerifiers => "NoVerifiers",
        Rejection::NotVerifying => "NotVerifying",
        Rejection::NotVerified => "NotVerified",
        Rejection::NoCriteria => "NoCriteria",
        Rejection::ExtensionLimit { .. } => "ExtensionLimit",
        Rejection::WithdrawalException { .. } => "WithdrawalException",
        Rejection::FalseReportFlag => "FalseReportFlag",
        Rejection::NotConcluded { .. } => "NotConcluded",
        Rejection::AlreadyHandled => "AlreadyHandled",
        Rejection::AlreadyPublished => "AlreadyPublished",
        Rejection::PublicationTooShort { .. } => "PublicationTooShort",
        Rejection::NoticeNotOwed { .. } => "NoticeNotOwed",
        Rejection::NotDecided { .. } => "NotDecided",
        Rejection::ConclusionPending => "ConclusionPending",
        Rejection::Closed => "Closed",
        Rejection::NothingToReDenounce => "NothingToReDenounce",
        Rejection::ReDenunciationPending => "ReDenunciationPending",
        Rejection::NoReDenunciation => "NoReDenunciation",
        Rejection::ReviewAlreadyOpen => "ReviewAlreadyOpen",
        Rejection::BadReviewUnit { .. } => "BadReviewUnit",
        Rejection::ReviewNotOpened => "ReviewNotOpened",
        Rejection::AlreadyAccepted => "AlreadyAccepted",
    }
}

const VARIANTS: usize = 52;

fn table() -> Vec<(&'static str, Vec<CaseEvent>, Rejection)> {
    let denunciation = || classified_case(Classification::Denunciation);
    vec![
        (
            "decision dated after today",
            with(denunciation(), [accepted("2026-01-02")]),
            Rejection::DatedAfterToday {
                date: day("2026-01-02"),
                today: day(TODAY),
            },
        ),
        (
            "decision signed after it was recorded",
            with(
                denunciation(),
                [CaseEvent::Accepted {
                    on: day("2025-02-10"),
                    conditions: AcceptanceConditions::ALL_MET,
                    decided_on: day("2025-02-11"),
                }],
            ),
            Rejection::DecidedAfterRecorded {
                decided_on: day("2025-02-11"),
                on: day("2025-02-10"),
            },
        ),
        (
            "received after it was recorded",
            vec![CaseEvent::Received {
                on: day("2025-01-24"),
                kind: ReportKind::Denunciation,
                channel: Channel::Letter,
                anonymous: false,
                received_on: day("2025-01-25"),
            }],
            Rejection::DecidedAfterRecorded {
                decided_on: day("2025-01-25"),
                on: day("2025-01-24"),
            },
        ),
        (
            "entry before the last one",
            with(accepted_case(), [verifiers("2025-02-09", &["u-1"])]),
            Rejection::OutOfOrder {
                on: day("2025-02-09"),
                last: day("2025-02-10"),
            },
        ),
        (
            "acceptance signed before receipt",
            with(
                denunciation(),
                [CaseEvent::Accepted {
                    on: day("2025-02-10"),
                    conditions: AcceptanceConditions::ALL_MET,
                    decided_on: day("2025-01-20"),
                }],
            ),
            Rejection::BeforeStep {
                date: day("2025-01-20"),
                step: "receipt",
                anchor: day("2025-01-24"),
            },
        ),
        (
            "resumption signed before the suspension",
            with(
                suspended_case(),
                [CaseEvent::Resumed {
                    on: day(LATER),
                    decided_on: day("2025-02-19"),
                }],
            ),
            Rejection::BeforeStep {
                date: day("2025-02-19"),
                step: "suspension",
                anchor: day("2025-02-20"),
            },
        ),
        (
            "conclusion dated inside a finished suspension",
            with(
                suspended_case(),
                [
                    resumed("2025-03-02"),
                    CaseEvent::Concluded {
                        on: day(LATER),
                        finding: Finding::Correct,
                        measures: vec![],
                        amount_to_recover_vnd: 0,
                        persons_to_discipline: 0,
                        false_report_flag: false,
                        decided_on: day("2025-02-25"),
                    },
                ],
            ),
            Rejection::BeforeStep {
                date: day("2025-02-25"),
                step: "last resolution step",
                anchor: day("2025-03-02"),
            },
        ),
        (
            "publication before the conclusion",
            with(
                concluded_case(),
                [published(LATER, "2025-03-01", "2025-03-20")],
            ),
            Rejection::BeforeStep {
                date: day("2025-03-01"),
                step: "conclusion",
                anchor: day("2025-03-05"),
            },
        ),
        (
            "received twice",
            with(
                received_case(),
                [received(LATER, ReportKind::Denunciation, false)],
            ),
            Rejection::AlreadyReceived,
        ),
        (
            "classified before receipt",
            vec![classified(LATER, Classification::Petition)],
            Rejection::NotReceived,
        ),
        (
            "received before the LTC 2018 was in force",
            vec![received("2018-12-31", ReportKind::Denunciation, false)],
            Rejection::NoRulePack {
                date: day("2018-12-31"),
            },
        ),
        (
            "classified twice",
            with(denunciation(), [classified(LATER, Classification::NotOurs)]),
            Rejection::AlreadyClassified,
        ),
        (
            "accepted before classification",
            with(received_case(), [accepted(LATER)]),
            Rejection::NotClassified,
        ),
        (
            "received from forwarding without a forwarding",
            with(
                denunciation(),
                [CaseEvent::ForwardReceived {
                    on: day(LATER),
                    received_on: day(LATER),
                }],
            ),
            Rejection::NotForwarded,
        ),
        (
            "forwarded twice",
            with(
                classified_case(Classification::NotOurs),
                [forwarded(LATER, "SO-TC"), forwarded(LATER, "SO-NV")],
            ),
            Rejection::ForwardedTwice,
        ),
        (
            "accepted without competence",
            with(
                denunciation(),
                [CaseEvent::Accepted {
                    on: day(LATER),
                    conditions: AcceptanceConditions {
                        competent: false,
                        ..AcceptanceConditions::ALL_MET
                    },
                    decided_on: day(LATER),
                }],
            ),
            Rejection::AcceptanceConditions {
                missing: vec!["competence"],
            },
        ),
        (
            "anonymous accepted",
            with(anonymous_classified_case(), [accepted(LATER)]),
            Rejection::AnonymousNotAccepted,
        ),
        (
            "anonymous answered as a petition",
            vec![
                received("2025-01-24", ReportKind::Petition, true),
                classified("2025-02-03", Classification::Petition),
                petition_replied(LATER),
            ],
            Rejection::AnonymousInformationTrack,
        ),
        (
            "inspection extended",
            with(
                information_case(),
                [extended(LATER, &[ComplexityCriterion::ManyPeople])],
            ),
            Rejection::AnonymousInformationTrack,
        ),
        (
            "named complaint handled as information",
            with(
                classified_case(Classification::ComplaintMixedIn),
                [handled_as_information(LATER)],
            ),
            Rejection::NotInformation,
        ),
        (
            "case not ours accepted",
            with(classified_case(Classification::NotOurs), [accepted(LATER)]),
            Rejection::NotADenunciation {
                classified: "not_ours",
            },
        ),
        (
            "complaint accepted as a denunciation",
            with(
                classified_case(Classification::ComplaintMixedIn),
                [accepted(LATER)],
            ),
            Rejection::NotADenunciation {
                classified: "complaint_mixed_in",
            },
        ),
        (
            "refusal without grounds",
            with(denunciation(), [not_accepted(LATER, "  ")]),
            Rejection::NoGrounds,
        ),
        (
            "forwarded to no unit",
            with(
                classified_case(Classification::NotOurs),
                [forwarded(LATER, "Sở Tài chính")],
            ),
            Rejection::BadUnit {
                unit: "Sở Tài chính".to_owned(),
            },
        ),
        (
            "forwarded outside Khiên to a body with no name",
            with(
                classified_case(Classification::NotOurs),
                [forwarded_outside(LATER, "", " ")],
            ),
            Rejection::NoOutsideBody,
        ),
        (
            "refused twice",
            with(
                denunciation(),
                [not_accepted(LATER, "vague"), not_accepted(LATER, "vague")],
            ),
            Rejection::IntakeDecided,
        ),
        (
            "petition accepted",
            with(petition_case(), [accepted(LATER)]),
            Rejection::PetitionTrack,
        ),
        (
            "petition forwarded",
            with(petition_case(), [forwarded(LATER, "SO-TC")]),
            Rejection::PetitionTrack,
        ),
        (
            "denunciation answered as a petition",
            with(denunciation(), [petition_replied(LATER)]),
            Rejection::NotPetitionTrack,
        ),
        (
            "petition answered twice",
            with(
                petition_case(),
                [petition_replied(LATER), petition_replied(LATER)],
            ),
            Rejection::AlreadyReplied,
        ),
        (
            "verification before acceptance",
            with(denunciation(), [verifiers(LATER, &["u-1"])]),
            Rejection::NotAccepted,
        ),
        (
            "extension of a refused case",
            with(
                denunciation(),
                [not_accepted(LATER, "vague"), suspended(LATER)],
            ),
            Rejection::NotAccepted,
        ),
        (
            "extension after the conclusion",
            with(
                concluded_case(),
                [extended(LATER, &[ComplexityCriterion::ManyPeople])],
            ),
            Rejection::ResolutionEnded { ended: "concluded" },
        ),
        (
            "evidence after termination",
            with(
                verifying_case(),
                [
                    terminated(LATER, TerminationGround::AccusedDied),
                    CaseEvent::EvidenceRecorded { on: day(LATER) },
                ],
            ),
            Rejection::ResolutionEnded {
                ended: "terminated",
            },
        ),
        (
            "concluded while suspended",
            with(
                suspended_case(),
                [concluded(LATER, Finding::Correct, false)],
            ),
            Rejection::Suspended,
        ),
        (
            "meeting while suspended",
            with(
                suspended_case(),
                [CaseEvent::MeetingRecorded { on: day(LATER) }],
            ),
            Rejection::Suspended,
        ),
        (
            "extended while suspended",
            with(
                suspended_case(),
                [extended(LATER, &[ComplexityCriterion::ForeignElement])],
            ),
            Rejection::Suspended,
        ),
        (
            "suspended twice",
            with(suspended_case(), [suspended(LATER)]),
            Rejection::AlreadySuspended,
        ),
        (
            "resumed while running",
            with(verifying_case(), [resumed(LATER)]),
            Rejection::NotSuspended,
        ),
        (
            "suspension without a ground",
            with(
                verifying_case(),
                [CaseEvent::Suspended {
                    on: day(LATER),
                    reason: " ".to_owned(),
                    decided_on: day(LATER),
                }],
            ),
            Rejection::NoSuspensionReason,
        ),
        (
            "a blank handler",
            with(
                accepted_case(),
                [CaseEvent::HandlerAssigned {
                    on: day(LATER),
                    handler: "  ".into(),
                }],
            ),
            Rejection::NoHandler,
        ),
        (
            "no verifiers",
            with(accepted_case(), [verifiers(LATER, &[])]),
            Rejection::NoVerifiers,
        ),
        (
            "the same verifier twice",
            with(accepted_case(), [verifiers(LATER, &["u-1", " u-1"])]),
            Rejection::NoVerifiers,
        ),
        (
            "plan with no verifiers",
            with(
                accepted_case(),
                [CaseEvent::VerificationPlanRecorded { on: day(LATER) }],
            ),
            Rejection::NotVerifying,
        ),
        (
            "inspection evidence with no inspectors",
            with(
                information_case(),
                [CaseEvent::EvidenceRecorded { on: day(LATER) }],
            ),
            Rejection::NotVerifying,
        ),
        (
            "concluded unverified",
            with(accepted_case(), [concluded(LATER, Finding::Correct, false)]),
            Rejection::NotVerified,
        ),
        (
            "extension without criteria",
            with(verifying_case(), [extended(LATER, &[])]),
            Rejection::NoCriteria,
        ),
        (
            "complex case extended twice",
            with(
                verifying_case(),
                [
                    extended("2025-03-01", &[ComplexityCriterion::SeveralLocations]),
                    extended(LATER, &[ComplexityCriterion::SeveralLocations]),
                ],
            ),
            Rejection::ExtensionLimit {
                complexity: Complexity::Complex,
                allowed: 1,
            },
        ),
        (
            "especially complex case extended three times",
            with(
                verifying_case(),
                [
                    extended(
                        "2025-03-01",
                        &[
                            ComplexityCriterion::SeveralLocations,
                            ComplexityCriterion::BodiesDisagree,
                        ],
                    ),
                    extended("2025-04-01", &[ComplexityCriterion::SeveralLocations]),
                    extended(LATER, &[ComplexityCriterion::SeveralContents]),
                ],
            ),
            Rejection::ExtensionLimit {
                complexity: Complexity::EspeciallyComplex,
                allowed: 2,
            },
        ),
        (
            "coerced withdrawal",
            with(
                verifying_case(),
                [terminated(
                    LATER,
                    TerminationGround::Withdrawal {
                        exception_applies: Some(WithdrawalException::CoercedOrBought),
                    },
                )],
            ),
            Rejection::WithdrawalException {
                exception: WithdrawalException::CoercedOrBought,
            },
        ),
        (
            "correct finding flagged false",
            with(verifying_case(), [concluded(LATER, Finding::Correct, true)]),
            Rejection::FalseReportFlag,
        ),
        (
            "handled before conclusion",
            with(verifying_case(), [conclusion_handled(LATER)]),
            Rejection::NotConcluded { step: "handled" },
        ),
        (
            "published before conclusion",
            with(verifying_case(), [published(LATER, LATER, "2025-06-30")]),
            Rejection::NotConcluded { step: "published" },
        ),
        (
            "handled twice",
            with(published_case(), [conclusion_handled(LATER)]),
            Rejection::AlreadyHandled,
        ),
        (
            "published twice",
            with(published_case(), [published(LATER, LATER, "2025-06-30")]),
            Rejection::AlreadyPublished,
        ),
        (
            "published for 14 days",
            with(concluded_case(), [published(LATER, LATER, "2025-06-15")]),
            Rejection::PublicationTooShort {
                days: 14,
                minimum: 15,
            },
        ),
        (
            "conclusion notice before the conclusion",
            with(verifying_case(), [notice_sent(LATER, Notice::Conclusion)]),
            Rejection::NoticeNotOwed {
                notice: Notice::Conclusion,
            },
        ),
        (
            "acceptance notice dated before the acceptance",
            with(
                accepted_case(),
                [CaseEvent::NoticeSent {
                    on: day(LATER),
                    notice: Notice::Acceptance,
                    sent_on: Some(day("2025-02-07")),
                }],
            ),
            Rejection::BeforeStep {
                date: day("2025-02-07"),
                step: "acceptance",
                anchor: day("2025-02-10"),
            },
        ),
        (
            "acceptance notice sent twice",
            with(
                accepted_case(),
                [
                    notice_sent(LATER, Notice::Acceptance),
                    notice_sent(LATER, Notice::Acceptance),
                ],
            ),
            Rejection::NoticeNotOwed {
                notice: Notice::Acceptance,
            },
        ),
        (
            "suspension notice with no suspension",
            with(verifying_case(), [notice_sent(LATER, Notice::Suspension)]),
            Rejection::NoticeNotOwed {
                notice: Notice::Suspension,
            },
        ),
        (
            "termination notice with no termination",
            with(denunciation(), [notice_sent(LATER, Notice::Termination)]),
            Rejection::NoticeNotOwed {
                notice: Notice::Termination,
            },
        ),
        (
            "closing a case being verified",
            with(verifying_case(), [closed(LATER)]),
            Rejection::NotDecided { stage: "accepted" },
        ),
        (
            "closing an unanswered petition",
            with(petition_case(), [closed(LATER)]),
            Rejection::NotDecided {
                stage: "classified",
            },
        ),
        (
            "closing before publication",
            with(concluded_case(), [conclusion_handled(LATER), closed(LATER)]),
            Rejection::ConclusionPending,
        ),
        (
            "closing twice",
            with(closed_case(), [closed(LATER)]),
            Rejection::Closed,
        ),
        (
            "evidence after closing",
            with(
                closed_case(),
                [CaseEvent::EvidenceRecorded { on: day(LATER) }],
            ),
            Rejection::Closed,
        ),
        (
            "accepted again after closing",
            with(closed_case(), [accepted(LATER)]),
            Rejection::Closed,
        ),
        (
            "re-denunciation of an open case",
            with(verifying_case(), [re_denunciation(LATER)]),
            Rejection::NothingToReDenounce,
        ),
        (
            "re-denunciation of a refusal",
            with(
                denunciation(),
                [not_accepted(LATER, "vague"), re_denunciation(LATER)],
            ),
            Rejection::NothingToReDenounce,
        ),
        (
            "two re-denunciations at once",
            with(re_denounced_case(), [re_denunciation(LATER)]),
            Rejection::ReDenunciationPending,
        ),
        (
            "review with nothing to review",
            with(closed_case(), [review_opened(LATER, "UBND-HN")]),
            Rejection::NoReDenunciation,
        ),
        (
            "review opened twice",
            with(review_case(), [review_opened(LATER, "UBND-HN")]),
            Rejection::ReviewAlreadyOpen,
        ),
        (
            "review at no unit",
            with(re_denounced_case(), [review_opened(LATER, "")]),
            Rejection::BadReviewUnit {
                unit: String::new(),
            },
        ),
        (
            "closing before the review",
            with(re_denounced_case(), [closed(LATER)]),
            Rejection::ReviewNotOpened,
        ),
        (
            "accepted twice",
            with(accepted_case(), [accepted(LATER)]),
            Rejection::AlreadyAccepted,
        ),
        (
            "re-resolution without all conditions",
            with(
                review_case(),
                [CaseEvent::Accepted {
                    on: day(LATER),
                    conditions: AcceptanceConditions {
                        formalities_met: false,
                        ..AcceptanceConditions::ALL_MET
                    },
                    decided_on: day(LATER),
                }],
            ),
            Rejection::AcceptanceConditions {
                missing: vec!["formalities"],
            },
        ),
    ]
}

#[test]
fn every_rejection_names_its_rule() {
    for (name, events, expected) in table() {
        let rejection = rejection_of(&events);
        assert_eq!(rejection, expected, "{name}");
        let text = rejection.to_string();
        let names_a_rule = [
            "Art.",
            "today",
            "date order",
            "predate",
            "record",
            "rule pack",
            "owed",
        ]
        .iter()
        .any(|word| text.contains(word));
        assert!(names_a_rule, "{name}: {text}");
    }
}

#[test]
fn every_rejection_is_tested() {
    let tested: BTreeSet<&str> = table().iter().map(|(_, _, r)| variant(r)).collect();
    assert_eq!(tested.len(), VARIANTS, "untested or miscounted: {tested:?}");
}

#[test]
fn messages_read_as_the_issue_gives_them() {
    let expect = [
        (
            Rejection::ForwardedTwice,
            "a case can be forwarded once: LTC Art. 24(2)",
        ),
        (
            Rejection::AcceptanceConditions {
                missing: vec!["capacity"],
            },
            "acceptance needs all four conditions of LTC Art. 29(1) (missing: capacity)",
        ),
        (
            Rejection::Suspended,
            "a suspended case must be resumed first: LTC Art. 34",
        ),
        (
            Rejection::ExtensionLimit {
                complexity: Complexity::EspeciallyComplex,
                allowed: 2,
            },
            "an especially complex case may be extended twice at most: LTC Art. 30; NĐ31 Art. 3",
        ),
        (
            Rejection::ExtensionLimit {
                complexity: Complexity::Complex,
                allowed: 1,
            },
            "a complex case may be extended once: LTC Art. 30; NĐ31 Art. 3",
        ),
        (
            Rejection::PublicationTooShort {
                days: 14,
                minimum: 15,
            },
            "publication must run at least 15 consecutive days: NĐ31 Art. 6 (this one runs 14)",
        ),
        (
            Rejection::DatedAfterToday {
                date: day("2026-01-02"),
                today: day(TODAY),
            },
            "a decision cannot be dated after today (2026-01-02 is after 2025-12-31)",
        ),
        (
            Rejection::AnonymousNotAccepted,
            "an anonymous report is handled as information, not accepted: LTC Art. 25",
        ),
        (
            Rejection::WithdrawalException {
                exception: WithdrawalException::SignsOfViolation,
            },
            "a withdrawal does not end the case when there are signs of a violation: LTC Art. 33-34",
        ),
    ];
    for (rejection, text) in expect {
        assert_eq!(rejection.to_string(), text);
    }
}

#[test]
fn a_rejected_event_leaves_the_history_before_it_valid() {
    let events = with(verifying_case(), [resumed(LATER), closed(LATER)]);
    let (index, rejection) = fold(&events, &context_on(TODAY)).expect_err("resumed while running");
    assert_eq!((index, rejection), (4, Rejection::NotSuspended));
    let before = folded(&events[..index]);
    // The caller keeps its copy; the next valid event applies to it.
    let next = apply(before.clone(), &suspended(LATER), &context_on(TODAY));
    assert!(next.is_ok());
    assert_eq!(before.stage, crate::case_file::Stage::Accepted);
}

#[test]
fn a_late_entry_is_allowed_on_a_later_today() {
    // Folded again next year, yesterday's valid history stays valid.
    let events = with(accepted_case(), [verifiers(TODAY, &["u-1"])]);
    assert!(fold(&events, &context_on(TODAY)).is_ok());
    assert!(fold(&events, &context_on("2027-03-01")).is_ok());
    assert_eq!(
        fold(&events, &context_on("2025-12-30")).map(|_| ()),
        Err((
            3,
            Rejection::DatedAfterToday {
                date: day(TODAY),
                today: day("2025-12-30")
            }
        ))
    );
}
