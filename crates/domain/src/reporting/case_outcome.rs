//! How a case stands for a report: still open, or finished in one way.

use chrono::NaiveDate;

use crate::case_file::{CaseState, Finding, IntakeOutcome, Stage, TerminationGround};

/// The one way a case was finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    NotAccepted,
    Forwarded,
    Transferred,
    HandledAsInformation,
    Answered,
    Concluded {
        finding: Finding,
        decided_on: NaiveDate,
        amount_to_recover_vnd: u64,
        persons_to_discipline: u32,
        false_report_flag: bool,
    },
    Terminated {
        withdrawn: bool,
        decided_on: NaiveDate,
    },
}

/// `None` while something is still to be done: before the intake decision, during
/// the resolution, or while a re-denunciation waits for its review to end.
pub(crate) fn outcome(state: &CaseState) -> Option<Outcome> {
    if state.pending_re_denunciation().is_some() {
        return None;
    }
    match state.stage {
        Stage::Empty | Stage::Received | Stage::Classified | Stage::Accepted => None,
        Stage::NotAccepted => Some(Outcome::NotAccepted),
        Stage::Forwarded | Stage::ForwardedOutside => Some(Outcome::Forwarded),
        Stage::TransferredCriminal => Some(Outcome::Transferred),
        Stage::HandledAsInformation => Some(Outcome::HandledAsInformation),
        Stage::Replied => Some(Outcome::Answered),
        // A closed case is finished the way it was before closing.
        Stage::Terminated | Stage::Concluded | Stage::Closed => finished_by(state),
    }
}

fn finished_by(state: &CaseState) -> Option<Outcome> {
    if state.transfer.is_some() {
        return Some(Outcome::Transferred);
    }
    if let Some(resolution) = &state.resolution {
        if let Some(c) = &resolution.conclusion {
            return Some(Outcome::Concluded {
                finding: c.finding,
                decided_on: c.decided_on,
                amount_to_recover_vnd: c.amount_to_recover_vnd,
                persons_to_discipline: c.persons_to_discipline,
                false_report_flag: c.false_report_flag,
            });
        }
        if let Some(t) = &resolution.termination {
            return Some(Outcome::Terminated {
                withdrawn: matches!(t.ground, TerminationGround::Withdrawal { .. }),
                decided_on: t.decided_on,
            });
        }
    }
    if state.replied_on.is_some() {
        return Some(Outcome::Answered);
    }
    match state.intake.as_ref().map(|i| &i.outcome) {
        Some(IntakeOutcome::NotAccepted { .. }) => Some(Outcome::NotAccepted),
        Some(IntakeOutcome::Forwarded { .. } | IntakeOutcome::ForwardedOutside { .. }) => {
            Some(Outcome::Forwarded)
        }
        Some(IntakeOutcome::HandledAsInformation) => Some(Outcome::HandledAsInformation),
        Some(IntakeOutcome::TransferredCriminal { .. }) => Some(Outcome::Transferred),
        Some(IntakeOutcome::Accepted(_)) | None => None,
    }
}
