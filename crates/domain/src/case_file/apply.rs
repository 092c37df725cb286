//! `apply` and `fold`: the transition function of a case file.

use chrono::NaiveDate;

use super::after_conclusion;
use super::event::CaseEvent;
use super::fold_context::FoldContext;
use super::intake_steps;
use super::rejection::Rejection;
use super::resolution_steps;
use super::state::{CaseState, Stage};

/// Appends `event` to a case in `state`, or says which rule it would break.
///
/// Checks common to every event come first (dates: nothing after today, nothing signed
/// after it was recorded, the file in date order); then the event's own rules.
pub fn apply(
    state: CaseState,
    event: &CaseEvent,
    context: &FoldContext<'_>,
) -> Result<CaseState, Rejection> {
    check_dates(&state, event, context.today)?;
    if state.stage == Stage::Empty && !matches!(event, CaseEvent::Received { .. }) {
        return Err(Rejection::NotReceived);
    }
    if state.stage == Stage::Closed && !reopens_or_follows_closing(&state, event) {
        return Err(Rejection::Closed);
    }
    let mut next = match event {
        CaseEvent::Received { .. }
        | CaseEvent::Classified { .. }
        | CaseEvent::NotAccepted { .. }
        | CaseEvent::Forwarded { .. }
        | CaseEvent::ForwardReceived { .. }
        | CaseEvent::HandledAsInformation { .. }
        | CaseEvent::PetitionReplied { .. } => intake_steps::apply(state, event, context)?,
        CaseEvent::Accepted { .. } => match state.pending_re_denunciation() {
            Some(r) if r.review.is_some() => after_conclusion::re_resolve(state, event)?,
            _ => intake_steps::apply(state, event, context)?,
        },
        CaseEvent::TransferredCriminal { .. } if state.stage == Stage::Accepted => {
            resolution_steps::apply(state, event, context)?
        }
        CaseEvent::TransferredCriminal { .. } => intake_steps::apply(state, event, context)?,
        CaseEvent::HandlerAssigned { handler, .. } => {
            if handler.trim().is_empty() {
                return Err(Rejection::NoHandler);
            }
            let mut state = state;
            state.handler = Some(handler.clone());
            state
        }
        CaseEvent::VerifiersAssigned { .. }
        | CaseEvent::VerificationPlanRecorded { .. }
        | CaseEvent::MeetingRecorded { .. }
        | CaseEvent::EvidenceRecorded { .. }
        | CaseEvent::Extended { .. }
        | CaseEvent::Suspended { .. }
        | CaseEvent::Resumed { .. }
        | CaseEvent::Terminated { .. }
        | CaseEvent::Concluded { .. }
        | CaseEvent::NoticeSent { .. } => resolution_steps::apply(state, event, context)?,
        CaseEvent::ConclusionHandled { .. }
        | CaseEvent::Published { .. }
        | CaseEvent::Closed { .. }
        | CaseEvent::ReDenunciationReceived { .. }
        | CaseEvent::ReviewOpened { .. } => after_conclusion::apply(state, event, context)?,
    };
    next.last_on = Some(event.on());
    next.events += 1;
    Ok(next)
}

/// Folds a whole history from nothing. On a rejection, gives the index of the event
/// refused; the events before it form a valid history.
pub fn fold(
    events: &[CaseEvent],
    context: &FoldContext<'_>,
) -> Result<CaseState, (usize, Rejection)> {
    events
        .iter()
        .enumerate()
        .try_fold(CaseState::default(), |state, (index, event)| {
            apply(state, event, context).map_err(|rejection| (index, rejection))
        })
}

/// What a closed case still accepts: a re-denunciation and its review (Art. 37), the
/// superior's new acceptance after its review, the end of the review, and a notice still
/// owed.
fn reopens_or_follows_closing(state: &CaseState, event: &CaseEvent) -> bool {
    match event {
        CaseEvent::Accepted { .. } => state
            .pending_re_denunciation()
            .is_some_and(|r| r.review.is_some()),
        _ => matches!(
            event,
            CaseEvent::ReDenunciationReceived { .. }
                | CaseEvent::ReviewOpened { .. }
                | CaseEvent::Closed { .. }
                | CaseEvent::NoticeSent { .. }
        ),
    }
}

fn check_dates(state: &CaseState, event: &CaseEvent, today: NaiveDate) -> Result<(), Rejection> {
    let (on, effective) = (event.on(), event.effective_on());
    for date in [effective, on] {
        if date > today {
            return Err(Rejection::DatedAfterToday { date, today });
        }
    }
    if effective > on {
        return Err(Rejection::DecidedAfterRecorded {
            decided_on: effective,
            on,
        });
    }
    match state.last_on {
        Some(last) if on < last => Err(Rejection::OutOfOrder { on, last }),
        _ => Ok(()),
    }
}

/// Rejects `date` if it falls before `anchor`, the date of the step it follows.
pub(crate) fn not_before(
    date: NaiveDate,
    step: &'static str,
    anchor: NaiveDate,
) -> Result<(), Rejection> {
    if date < anchor {
        Err(Rejection::BeforeStep { date, step, anchor })
    } else {
        Ok(())
    }
}
