//! After the conclusion: handling (LTC Art. 36), publication (Art. 40; NĐ31 Art. 6),
//! closing, and the re-denunciation with its review at the superior (Art. 37).

use super::apply::not_before;
use super::event::CaseEvent;
use super::fold_context::FoldContext;
use super::rejection::Rejection;
use super::state::{CaseState, Conclusion, ReDenunciation, Resolution, Stage};
use super::unit_code::unit_code;

pub(crate) fn apply(
    mut state: CaseState,
    event: &CaseEvent,
    context: &FoldContext<'_>,
) -> Result<CaseState, Rejection> {
    match event {
        CaseEvent::ConclusionHandled { decided_on, .. } => {
            let conclusion = conclusion(&mut state, "handled")?;
            if conclusion.handled_on.is_some() {
                return Err(Rejection::AlreadyHandled);
            }
            not_before(*decided_on, "conclusion", conclusion.decided_on)?;
            conclusion.handled_on = Some(*decided_on);
        }
        CaseEvent::Published { from, until, .. } => {
            let minimum = match state.receipt {
                Some(receipt) => context.pack(receipt.received_on)?,
                None => return Err(Rejection::NotReceived),
            }
            .portal_publication_minimum
            .period
            .amount;
            let conclusion = conclusion(&mut state, "published")?;
            if conclusion.published.is_some() {
                return Err(Rejection::AlreadyPublished);
            }
            not_before(*from, "conclusion", conclusion.decided_on)?;
            // Both ends inclusive: 1 to 15 March is 15 consecutive days.
            let days = (*until - *from).num_days() + 1;
            if days < i64::from(minimum) {
                return Err(Rejection::PublicationTooShort { days, minimum });
            }
            conclusion.published = Some((*from, *until));
        }
        CaseEvent::Closed { on } => close(&mut state, *on)?,
        CaseEvent::ReDenunciationReceived { received_on, .. } => {
            if state.pending_re_denunciation().is_some() {
                return Err(Rejection::ReDenunciationPending);
            }
            let concluded_on = state
                .resolution
                .as_ref()
                .and_then(|r| r.conclusion.as_ref())
                .map(|c| c.decided_on)
                .ok_or(Rejection::NothingToReDenounce)?;
            not_before(*received_on, "conclusion", concluded_on)?;
            state.re_denunciations.push(ReDenunciation {
                received_on: *received_on,
                review: None,
                ended_on: None,
            });
        }
        CaseEvent::ReviewOpened { at_unit, on } => {
            let Some(pending) = state
                .re_denunciations
                .last_mut()
                .filter(|r| r.ended_on.is_none())
            else {
                return Err(Rejection::NoReDenunciation);
            };
            if pending.review.is_some() {
                return Err(Rejection::ReviewAlreadyOpen);
            }
            let unit = unit_code(at_unit).ok_or_else(|| Rejection::BadReviewUnit {
                unit: at_unit.clone(),
            })?;
            pending.review = Some((unit, *on));
        }
        _ => {
            return Err(Rejection::NotConcluded {
                step: "followed up",
            });
        }
    }
    Ok(state)
}

/// The superior re-resolves after its review: a new acceptance, and the clock restarts
/// (LTC Art. 37(3); NĐ31 Art. 5).
pub(crate) fn re_resolve(mut state: CaseState, event: &CaseEvent) -> Result<CaseState, Rejection> {
    let CaseEvent::Accepted {
        conditions,
        decided_on,
        ..
    } = event
    else {
        return Err(Rejection::AlreadyAccepted);
    };
    let Some(pending) = state
        .re_denunciations
        .last_mut()
        .filter(|r| r.ended_on.is_none())
    else {
        return Err(Rejection::NoReDenunciation);
    };
    let Some((unit, _)) = pending.review.clone() else {
        return Err(Rejection::ReviewNotOpened);
    };
    let missing = conditions.missing();
    if !missing.is_empty() {
        return Err(Rejection::AcceptanceConditions { missing });
    }
    not_before(*decided_on, "re-denunciation", pending.received_on)?;
    pending.ended_on = Some(*decided_on);
    state.resolution = Some(Resolution::new(*decided_on, *conditions, Some(unit)));
    state.earlier_resolutions += 1;
    state.closed_on = None;
    state.stage = Stage::Accepted;
    Ok(state)
}

fn close(state: &mut CaseState, on: chrono::NaiveDate) -> Result<(), Rejection> {
    if let Some(pending) = state.pending_re_denunciation() {
        if pending.review.is_none() {
            return Err(Rejection::ReviewNotOpened);
        }
    } else if state.stage == Stage::Closed {
        return Err(Rejection::Closed);
    }
    match state.stage {
        Stage::Empty | Stage::Received | Stage::Classified | Stage::Accepted => {
            return Err(Rejection::NotDecided {
                stage: state.stage.as_str(),
            });
        }
        Stage::Concluded => {
            let done = state
                .resolution
                .as_ref()
                .and_then(|r| r.conclusion.as_ref())
                .is_some_and(|c| c.handled_on.is_some() && c.published.is_some());
            if !done {
                return Err(Rejection::ConclusionPending);
            }
        }
        _ => {}
    }
    // Closing with a review open ends the review: the superior found no ground to
    // re-resolve (Art. 37(2)).
    if let Some(pending) = state
        .re_denunciations
        .last_mut()
        .filter(|r| r.ended_on.is_none())
    {
        pending.ended_on = Some(on);
    }
    state.closed_on = Some(on);
    state.stage = Stage::Closed;
    Ok(())
}

/// The current conclusion, or why `step` cannot happen without one.
fn conclusion<'s>(
    state: &'s mut CaseState,
    step: &'static str,
) -> Result<&'s mut Conclusion, Rejection> {
    state
        .resolution
        .as_mut()
        .and_then(|r| r.conclusion.as_mut())
        .ok_or(Rejection::NotConcluded { step })
}
