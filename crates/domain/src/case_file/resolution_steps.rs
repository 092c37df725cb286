//! The resolution after acceptance (LTC Art. 28–35): verification, extension,
//! suspension, termination, conclusion, transfer, and the notices they owe.

use super::apply::not_before;
use super::event::CaseEvent;
use super::fold_context::FoldContext;
use super::notice::Notice;
use super::rejection::Rejection;
use super::state::{
    CaseState, Conclusion, Resolution, Stage, Suspension, Termination, Transfer, Verification,
};
use super::termination_ground::TerminationGround;

pub(crate) fn apply(
    mut state: CaseState,
    event: &CaseEvent,
    context: &FoldContext<'_>,
) -> Result<CaseState, Rejection> {
    if let CaseEvent::NoticeSent { notice, .. } = event {
        record_notice(&mut state, *notice, event.effective_on())?;
        return Ok(state);
    }
    if state.stage == Stage::HandledAsInformation {
        let inspection = state.inspection.get_or_insert_with(Verification::default);
        verify(inspection, event).ok_or(Rejection::AnonymousInformationTrack)??;
        return Ok(state);
    }
    let stage = state.stage;
    let pack = match state.receipt {
        Some(receipt) => context.pack(receipt.received_on)?,
        None => return Err(Rejection::NotReceived),
    };
    let Some(resolution) = state.resolution.as_mut() else {
        return Err(Rejection::NotAccepted);
    };
    if stage != Stage::Accepted {
        return Err(Rejection::ResolutionEnded {
            ended: stage.as_str(),
        });
    }
    let suspended = resolution.is_suspended();
    if suspended
        && !matches!(
            event,
            CaseEvent::Suspended { .. } | CaseEvent::Resumed { .. } | CaseEvent::Terminated { .. }
        )
    {
        return Err(Rejection::Suspended);
    }
    if let Some(result) = verify(&mut resolution.verification, event) {
        result?;
        return Ok(state);
    }
    let decided_on = event.effective_on();
    match event {
        CaseEvent::Extended { criteria, .. } => {
            if criteria.is_empty() {
                return Err(Rejection::NoCriteria);
            }
            not_before(
                decided_on,
                "last resolution step",
                resolution.last_step_on(),
            )?;
            let mut all = resolution.criteria.clone();
            all.extend(criteria.iter().copied());
            let complexity = super::complexity_criterion::complexity_of(all.len());
            let allowed = pack.resolution.max_extensions(complexity);
            if resolution.extensions.len() >= usize::from(allowed) {
                return Err(Rejection::ExtensionLimit {
                    complexity,
                    allowed,
                });
            }
            resolution.criteria = all;
            resolution.extensions.push(decided_on);
        }
        CaseEvent::Suspended { reason, .. } => {
            if suspended {
                return Err(Rejection::AlreadySuspended);
            }
            if reason.trim().is_empty() {
                return Err(Rejection::NoSuspensionReason);
            }
            not_before(
                decided_on,
                "last resolution step",
                resolution.last_step_on(),
            )?;
            resolution.suspensions.push(Suspension {
                reason: reason.trim().to_owned(),
                from: decided_on,
                until: None,
                notified_on: None,
            });
        }
        CaseEvent::Resumed { .. } => {
            let Some(open) = resolution
                .suspensions
                .last_mut()
                .filter(|s| s.until.is_none())
            else {
                return Err(Rejection::NotSuspended);
            };
            not_before(decided_on, "suspension", open.from)?;
            open.until = Some(decided_on);
        }
        CaseEvent::Terminated { ground, .. } => {
            if let TerminationGround::Withdrawal {
                exception_applies: Some(exception),
            } = ground
            {
                return Err(Rejection::WithdrawalException {
                    exception: *exception,
                });
            }
            end_suspension(resolution, decided_on)?;
            not_before(
                decided_on,
                "last resolution step",
                resolution.last_step_on(),
            )?;
            resolution.termination = Some(Termination {
                ground: *ground,
                decided_on,
                notified_on: None,
            });
            state.stage = Stage::Terminated;
        }
        CaseEvent::Concluded {
            finding,
            measures,
            amount_to_recover_vnd,
            persons_to_discipline,
            false_report_flag,
            ..
        } => {
            if resolution.verification.verifiers.is_empty() {
                return Err(Rejection::NotVerified);
            }
            if *false_report_flag && !finding.allows_false_report_flag() {
                return Err(Rejection::FalseReportFlag);
            }
            not_before(
                decided_on,
                "last resolution step",
                resolution.last_step_on(),
            )?;
            resolution.conclusion = Some(Conclusion {
                finding: *finding,
                measures: measures.iter().map(|m| m.trim().to_owned()).collect(),
                amount_to_recover_vnd: *amount_to_recover_vnd,
                persons_to_discipline: *persons_to_discipline,
                false_report_flag: *false_report_flag,
                decided_on,
                notified_on: None,
                handled_on: None,
                published: None,
            });
            state.stage = Stage::Concluded;
        }
        CaseEvent::TransferredCriminal { to, .. } => {
            not_before(
                decided_on,
                "last resolution step",
                resolution.last_step_on(),
            )?;
            state.transfer = Some(Transfer {
                to: *to,
                decided_on,
            });
            state.stage = Stage::TransferredCriminal;
        }
        _ => return Err(Rejection::NotAccepted),
    }
    Ok(state)
}

/// Verification work, for a resolution or for the inspection of information. `None`
/// when `event` is not verification work.
fn verify(verification: &mut Verification, event: &CaseEvent) -> Option<Result<(), Rejection>> {
    let result = match event {
        CaseEvent::VerifiersAssigned { verifiers, .. } => {
            let ids: Vec<String> = verifiers.iter().map(|v| v.trim().to_owned()).collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            if ids.is_empty() || ids.iter().any(String::is_empty) || unique.len() != ids.len() {
                Err(Rejection::NoVerifiers)
            } else {
                verification.verifiers = ids;
                Ok(())
            }
        }
        CaseEvent::VerificationPlanRecorded { .. }
        | CaseEvent::MeetingRecorded { .. }
        | CaseEvent::EvidenceRecorded { .. }
            if verification.verifiers.is_empty() =>
        {
            Err(Rejection::NotVerifying)
        }
        CaseEvent::VerificationPlanRecorded { .. } => {
            verification.plans += 1;
            Ok(())
        }
        CaseEvent::MeetingRecorded { .. } => {
            verification.meetings += 1;
            Ok(())
        }
        CaseEvent::EvidenceRecorded { .. } => {
            verification.evidence += 1;
            Ok(())
        }
        _ => return None,
    };
    Some(result)
}

/// A termination during a suspension ends the suspension on the same day.
fn end_suspension(
    resolution: &mut Resolution,
    decided_on: chrono::NaiveDate,
) -> Result<(), Rejection> {
    if let Some(open) = resolution
        .suspensions
        .last_mut()
        .filter(|s| s.until.is_none())
    {
        not_before(decided_on, "suspension", open.from)?;
        open.until = Some(decided_on);
    }
    Ok(())
}

/// A notice closes the deadline of the decision that owes it; a second one is refused.
fn record_notice(
    state: &mut CaseState,
    notice: Notice,
    on: chrono::NaiveDate,
) -> Result<(), Rejection> {
    let not_owed = Rejection::NoticeNotOwed { notice };
    let resolution = state.resolution.as_mut().ok_or(not_owed.clone())?;
    // Each notice goes with the decision it announces, never before it.
    let slot = match notice {
        Notice::Acceptance => {
            not_before(on, "acceptance", resolution.accepted_on)?;
            Some(&mut resolution.acceptance_notified_on)
        }
        // The oldest suspension not yet notified: decisions are sent in order.
        Notice::Suspension => match resolution
            .suspensions
            .iter_mut()
            .find(|s| s.notified_on.is_none())
        {
            Some(suspension) => {
                not_before(on, "suspension", suspension.from)?;
                Some(&mut suspension.notified_on)
            }
            None => None,
        },
        Notice::Termination => match resolution.termination.as_mut() {
            Some(termination) => {
                not_before(on, "termination", termination.decided_on)?;
                Some(&mut termination.notified_on)
            }
            None => None,
        },
        Notice::Conclusion => match resolution.conclusion.as_mut() {
            Some(conclusion) => {
                not_before(on, "conclusion", conclusion.decided_on)?;
                Some(&mut conclusion.notified_on)
            }
            None => None,
        },
    };
    match slot {
        Some(slot) if slot.is_none() => {
            *slot = Some(on);
            Ok(())
        }
        _ => Err(not_owed),
    }
}
