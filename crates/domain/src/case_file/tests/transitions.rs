//! Every transition the fold allows, table-driven: a history, one more event, the stage
//! it leads to; then what each event records in the state.

use super::histories::*;
use crate::case_file::{
    CaseEvent, Classification, ComplexityCriterion, DeadlineKind, Finding, IntakeOutcome, Notice,
    Rejection, Stage, TerminationGround, WithdrawalException,
};
use crate::intake::ReportKind;
use crate::rules::Complexity;

const LATER: &str = "2025-06-02";

#[test]
fn every_event_leads_to_its_stage() {
    let table: Vec<(&str, Vec<CaseEvent>, Stage)> = vec![
        ("received", received_case(), Stage::Received),
        (
            "classified denunciation",
            classified_case(Classification::Denunciation),
            Stage::Classified,
        ),
        (
            "classified reflection",
            classified_case(Classification::Reflection),
            Stage::Classified,
        ),
        (
            "classified petition",
            classified_case(Classification::Petition),
            Stage::Classified,
        ),
        (
            "classified complaint",
            classified_case(Classification::ComplaintMixedIn),
            Stage::Classified,
        ),
        (
            "classified not ours",
            classified_case(Classification::NotOurs),
            Stage::Classified,
        ),
        ("accepted", accepted_case(), Stage::Accepted),
        (
            "not accepted",
            with(
                classified_case(Classification::Denunciation),
                [not_accepted(LATER, "no violator named")],
            ),
            Stage::NotAccepted,
        ),
        (
            "complaint, reporter guided",
            with(
                classified_case(Classification::ComplaintMixedIn),
                [not_accepted(LATER, "a complaint: Law on Complaints")],
            ),
            Stage::NotAccepted,
        ),
        (
            "forwarded, not ours",
            with(
                classified_case(Classification::NotOurs),
                [forwarded(LATER, "so-tc")],
            ),
            Stage::Forwarded,
        ),
        (
            "forwarded, denunciation found outside competence",
            with(
                classified_case(Classification::Denunciation),
                [forwarded(LATER, "SO-TC")],
            ),
            Stage::Forwarded,
        ),
        (
            "forwarded, anonymous information passed on",
            with(anonymous_classified_case(), [forwarded(LATER, "SO-TC")]),
            Stage::Forwarded,
        ),
        (
            "not accepted, anonymous information too vague",
            with(
                anonymous_classified_case(),
                [not_accepted(LATER, "no concrete evidence")],
            ),
            Stage::NotAccepted,
        ),
        (
            "transferred at intake",
            with(
                classified_case(Classification::Denunciation),
                [transferred(LATER)],
            ),
            Stage::TransferredCriminal,
        ),
        (
            "transferred from a petition",
            with(petition_case(), [transferred(LATER)]),
            Stage::TransferredCriminal,
        ),
        (
            "transferred during verification",
            with(verifying_case(), [transferred(LATER)]),
            Stage::TransferredCriminal,
        ),
        (
            "transferred from inspection",
            with(information_case(), [transferred(LATER)]),
            Stage::TransferredCriminal,
        ),
        (
            "handled as information, anonymous",
            information_case(),
            Stage::HandledAsInformation,
        ),
        (
            "handled as information, denouncer unidentifiable",
            with(
                classified_case(Classification::Denunciation),
                [handled_as_information(LATER)],
            ),
            Stage::HandledAsInformation,
        ),
        ("verifiers assigned", verifying_case(), Stage::Accepted),
        (
            "verifiers reassigned",
            with(verifying_case(), [verifiers(LATER, &["u-99"])]),
            Stage::Accepted,
        ),
        (
            "plan, meeting, evidence",
            with(
                verifying_case(),
                [
                    CaseEvent::VerificationPlanRecorded { on: day(LATER) },
                    CaseEvent::MeetingRecorded { on: day(LATER) },
                    CaseEvent::EvidenceRecorded { on: day(LATER) },
                ],
            ),
            Stage::Accepted,
        ),
        (
            "inspection of information",
            with(
                information_case(),
                [
                    verifiers(LATER, &["u-5"]),
                    CaseEvent::EvidenceRecorded { on: day(LATER) },
                ],
            ),
            Stage::HandledAsInformation,
        ),
        (
            "extended",
            with(
                verifying_case(),
                [extended(LATER, &[ComplexityCriterion::SeveralLocations])],
            ),
            Stage::Accepted,
        ),
        ("suspended", suspended_case(), Stage::Accepted),
        (
            "resumed",
            with(suspended_case(), [resumed(LATER)]),
            Stage::Accepted,
        ),
        (
            "terminated: withdrawal",
            with(
                verifying_case(),
                [terminated(
                    LATER,
                    TerminationGround::Withdrawal {
                        exception_applies: None,
                    },
                )],
            ),
            Stage::Terminated,
        ),
        (
            "terminated: accused died, while suspended",
            with(
                suspended_case(),
                [terminated(LATER, TerminationGround::AccusedDied)],
            ),
            Stage::Terminated,
        ),
        (
            "terminated: prior judgment",
            with(
                accepted_case(),
                [terminated(LATER, TerminationGround::PriorJudgment)],
            ),
            Stage::Terminated,
        ),
        ("concluded", concluded_case(), Stage::Concluded),
        (
            "concluded false, flagged",
            with(verifying_case(), [concluded(LATER, Finding::False, true)]),
            Stage::Concluded,
        ),
        (
            "conclusion handled",
            with(concluded_case(), [conclusion_handled(LATER)]),
            Stage::Concluded,
        ),
        ("published", published_case(), Stage::Concluded),
        (
            "published before handling",
            with(concluded_case(), [published(LATER, LATER, "2025-06-16")]),
            Stage::Concluded,
        ),
        (
            "notices sent",
            with(
                concluded_case(),
                [
                    notice_sent(LATER, Notice::Acceptance),
                    notice_sent(LATER, Notice::Conclusion),
                ],
            ),
            Stage::Concluded,
        ),
        (
            "suspension notice while suspended",
            with(suspended_case(), [notice_sent(LATER, Notice::Suspension)]),
            Stage::Accepted,
        ),
        (
            "termination notice",
            with(
                accepted_case(),
                [
                    terminated(LATER, TerminationGround::AccusedDied),
                    notice_sent(LATER, Notice::Termination),
                ],
            ),
            Stage::Terminated,
        ),
        ("closed after publication", closed_case(), Stage::Closed),
        (
            "closed after refusal",
            with(
                classified_case(Classification::Denunciation),
                [not_accepted(LATER, "no violator named"), closed(LATER)],
            ),
            Stage::Closed,
        ),
        (
            "closed after forwarding",
            with(
                classified_case(Classification::NotOurs),
                [forwarded(LATER, "SO-TC"), closed(LATER)],
            ),
            Stage::Closed,
        ),
        (
            "closed after transfer",
            with(verifying_case(), [transferred(LATER), closed(LATER)]),
            Stage::Closed,
        ),
        (
            "closed after inspection",
            with(information_case(), [closed(LATER)]),
            Stage::Closed,
        ),
        (
            "closed after termination",
            with(
                accepted_case(),
                [
                    terminated(LATER, TerminationGround::PriorJudgment),
                    closed(LATER),
                ],
            ),
            Stage::Closed,
        ),
        (
            "petition replied",
            with(petition_case(), [petition_replied(LATER)]),
            Stage::Replied,
        ),
        (
            "petition closed",
            with(petition_case(), [petition_replied(LATER), closed(LATER)]),
            Stage::Closed,
        ),
        (
            "re-denunciation received",
            re_denounced_case(),
            Stage::Closed,
        ),
        (
            "re-denunciation before publication",
            with(concluded_case(), [re_denunciation(LATER)]),
            Stage::Concluded,
        ),
        ("review opened", review_case(), Stage::Closed),
        (
            "review ends: no ground",
            with(review_case(), [closed(LATER)]),
            Stage::Closed,
        ),
        (
            "review ends: superior re-resolves",
            with(review_case(), [accepted(LATER)]),
            Stage::Accepted,
        ),
        (
            "notice owed after closing",
            with(closed_case(), [notice_sent(LATER, Notice::Acceptance)]),
            Stage::Closed,
        ),
    ];
    for (name, events, stage) in table {
        assert_eq!(folded(&events).stage, stage, "{name}");
    }
}

#[test]
fn receipt_and_classification_are_recorded() {
    let state = folded(&classified_case(Classification::NotOurs));
    let receipt = state.receipt.expect("received");
    assert_eq!(receipt.kind, ReportKind::Denunciation);
    assert_eq!(receipt.received_on, day("2025-01-24"));
    assert!(!receipt.anonymous);
    assert_eq!(state.classification, Some(Classification::NotOurs));
    assert_eq!(state.events, 2);
    assert_eq!(state.last_on, Some(day("2025-02-03")));
}

#[test]
fn acceptance_records_conditions_and_date() {
    let state = folded(&accepted_case());
    let resolution = state.resolution.expect("accepted");
    assert_eq!(resolution.accepted_on, day("2025-02-10"));
    assert!(resolution.conditions.missing().is_empty());
    assert_eq!(resolution.by_superior, None);
    assert!(matches!(
        state.intake.map(|i| i.outcome),
        Some(IntakeOutcome::Accepted(_))
    ));
}

#[test]
fn forwarding_records_the_normalised_unit_and_the_flag() {
    let state = folded(&with(
        classified_case(Classification::NotOurs),
        [forwarded(LATER, " so-tc ")],
    ));
    assert_eq!(state.forwarded_to.as_deref(), Some("SO-TC"));
}

#[test]
fn verification_work_is_counted() {
    let state = folded(&with(
        verifying_case(),
        [
            CaseEvent::VerificationPlanRecorded { on: day(LATER) },
            CaseEvent::MeetingRecorded { on: day(LATER) },
            CaseEvent::MeetingRecorded { on: day(LATER) },
            CaseEvent::EvidenceRecorded { on: day(LATER) },
        ],
    ));
    let verification = state.resolution.expect("accepted").verification;
    assert_eq!(verification.verifiers, ["u-17", "u-23"]);
    assert_eq!(
        (
            verification.plans,
            verification.meetings,
            verification.evidence
        ),
        (1, 2, 1)
    );
}

#[test]
fn complexity_grows_with_the_criteria_of_successive_extensions() {
    let state = folded(&with(
        verifying_case(),
        [
            extended("2025-03-01", &[ComplexityCriterion::SeveralLocations]),
            // A second criterion found later makes the case especially complex, which
            // allows the second extension.
            extended("2025-04-01", &[ComplexityCriterion::ContradictoryEvidence]),
        ],
    ));
    let resolution = state.resolution.expect("accepted");
    assert_eq!(resolution.complexity(), Complexity::EspeciallyComplex);
    assert_eq!(
        resolution.extensions,
        [day("2025-03-01"), day("2025-04-01")]
    );
}

#[test]
fn suspension_intervals_are_kept_and_closed_on_resumption_or_termination() {
    let state = folded(&with(
        suspended_case(),
        [resumed("2025-03-02"), suspended("2025-03-10")],
    ));
    let resolution = state.resolution.expect("accepted");
    assert!(resolution.is_suspended());
    assert_eq!(resolution.suspensions.len(), 2);
    assert_eq!(resolution.suspensions[0].until, Some(day("2025-03-02")));
    assert_eq!(resolution.suspensions[0].days_suspended(day(TODAY)), 10);

    let state = folded(&with(
        suspended_case(),
        [terminated("2025-03-01", TerminationGround::AccusedDied)],
    ));
    let resolution = state.resolution.expect("accepted");
    assert!(!resolution.is_suspended());
    assert_eq!(resolution.ended_on(), Some(day("2025-03-01")));
}

#[test]
fn the_conclusion_records_its_facts_and_what_follows() {
    let state = folded(&published_case());
    let conclusion = state
        .resolution
        .expect("accepted")
        .conclusion
        .expect("concluded");
    assert_eq!(conclusion.finding, Finding::PartlyCorrect);
    assert_eq!(conclusion.amount_to_recover_vnd, 125_000_000);
    assert_eq!(conclusion.persons_to_discipline, 2);
    assert_eq!(conclusion.handled_on, Some(day("2025-03-10")));
    assert_eq!(
        conclusion.published,
        Some((day("2025-03-11"), day("2025-03-25")))
    );
}

#[test]
fn a_partly_false_denunciation_may_be_flagged() {
    let state = folded(&with(
        verifying_case(),
        [concluded(LATER, Finding::PartlyCorrect, true)],
    ));
    assert!(
        state
            .resolution
            .expect("accepted")
            .conclusion
            .expect("concluded")
            .false_report_flag
    );
}

#[test]
fn a_withdrawal_with_no_exception_terminates() {
    let state = folded(&with(
        verifying_case(),
        [terminated(
            LATER,
            TerminationGround::Withdrawal {
                exception_applies: None,
            },
        )],
    ));
    let termination = state
        .resolution
        .expect("accepted")
        .termination
        .expect("terminated");
    assert_eq!(
        termination.ground,
        TerminationGround::Withdrawal {
            exception_applies: None
        }
    );
    // The exception type exists for the rejection; see `rejections`.
    let _ = WithdrawalException::Slander;
}

#[test]
fn a_re_resolution_restarts_the_resolution_at_the_superior() {
    let state = folded(&with(review_case(), [accepted(LATER)]));
    assert_eq!(state.earlier_resolutions, 1);
    assert_eq!(state.closed_on, None);
    let resolution = state.resolution.clone().expect("accepted");
    assert_eq!(resolution.accepted_on, day(LATER));
    assert_eq!(resolution.by_superior.as_deref(), Some("UBND-HN"));
    assert_eq!(resolution.conclusion, None);
    let review = &state.re_denunciations[0];
    assert_eq!(review.ended_on, Some(day(LATER)));
    assert_eq!(
        review.review.as_ref().map(|(unit, _)| unit.as_str()),
        Some("UBND-HN")
    );
    // The new resolution runs its whole course again.
    let state = folded(&with(
        with(review_case(), [accepted(LATER)]),
        [
            verifiers("2025-06-03", &["u-1"]),
            concluded("2025-06-20", Finding::Correct, false),
            conclusion_handled("2025-06-25"),
            published("2025-06-26", "2025-06-26", "2025-07-10"),
            closed("2025-07-11"),
        ],
    ));
    assert_eq!(state.stage, Stage::Closed);
}

#[test]
fn closing_after_review_ends_the_review() {
    let state = folded(&with(review_case(), [closed(LATER)]));
    assert_eq!(state.pending_re_denunciation(), None);
    assert_eq!(state.re_denunciations[0].ended_on, Some(day(LATER)));
    // A further re-denunciation of the same conclusion can come.
    let state = folded(&with(
        with(review_case(), [closed(LATER)]),
        [re_denunciation("2025-07-01")],
    ));
    assert_eq!(state.re_denunciations.len(), 2);
}

#[test]
fn a_petition_reply_is_dated() {
    let state = folded(&with(petition_case(), [petition_replied(LATER)]));
    assert_eq!(state.replied_on, Some(day(LATER)));
}

#[test]
fn a_backdated_decision_counts_from_its_signed_date() {
    let mut events = classified_case(Classification::Denunciation);
    events.push(CaseEvent::Accepted {
        on: day("2025-02-14"),
        conditions: crate::case_file::AcceptanceConditions::ALL_MET,
        decided_on: day("2025-02-10"),
    });
    let state = folded(&events);
    assert_eq!(
        state.resolution.expect("accepted").accepted_on,
        day("2025-02-10")
    );
    assert_eq!(state.last_on, Some(day("2025-02-14")));
}

#[test]
fn a_handler_is_assigned_and_replaced() {
    let state = folded(&with(
        accepted_case(),
        [
            CaseEvent::HandlerAssigned {
                on: day("2025-03-03"),
                handler: "u-1".into(),
            },
            CaseEvent::HandlerAssigned {
                on: day("2025-03-04"),
                handler: "u-2".into(),
            },
        ],
    ));
    assert_eq!(state.handler.as_deref(), Some("u-2"));
    assert_eq!(state.stage, Stage::Accepted);
}

#[test]
fn stages_and_deadline_kinds_have_stable_codes() {
    for stage in Stage::ALL {
        assert_eq!(Stage::parse(stage.code()), Some(stage));
        assert!(!stage.label_vi().is_empty() && !stage.label_en().is_empty());
    }
    for kind in DeadlineKind::ALL {
        assert_eq!(DeadlineKind::parse(kind.code()), Some(kind));
    }
    assert_eq!(Stage::parse("suspended"), None);
}

#[test]
fn redaction_hides_free_text_only() {
    let refusal = not_accepted("2025-02-03", "lý do riêng");
    let hidden = refusal.redacted();
    assert!(refusal.has_free_text());
    assert!(!hidden.has_free_text());
    assert!(!format!("{hidden:?}").contains("lý do riêng"));
    assert_eq!(hidden.on(), refusal.on());
    assert_eq!(hidden.effective_on(), refusal.effective_on());
    let assignment = CaseEvent::HandlerAssigned {
        on: day("2025-02-03"),
        handler: "u-1".into(),
    };
    assert_eq!(assignment.redacted(), assignment);
}

#[test]
fn the_competent_unit_receives_a_forwarded_case_and_its_own_clock_runs() {
    let state = folded(&with(
        classified_case(Classification::NotOurs),
        [
            forwarded("2025-03-03", "SO-TC"),
            CaseEvent::ForwardReceived {
                on: day("2025-03-05"),
                received_on: day("2025-03-05"),
            },
            classified("2025-03-06", Classification::Denunciation),
            accepted("2025-03-10"),
        ],
    ));
    assert_eq!(state.stage, Stage::Accepted);
    assert_eq!(state.forwarded_to.as_deref(), Some("SO-TC"));
    assert_eq!(state.receipt.unwrap().received_on, day("2025-03-05"));
    // The content is not forwarded a second time.
    let again = rejection_of(&with(
        classified_case(Classification::NotOurs),
        [
            forwarded("2025-03-03", "SO-TC"),
            CaseEvent::ForwardReceived {
                on: day("2025-03-05"),
                received_on: day("2025-03-05"),
            },
            classified("2025-03-06", Classification::NotOurs),
            forwarded("2025-03-07", "SO-NV"),
        ],
    ));
    assert_eq!(again, Rejection::ForwardedTwice);
}
