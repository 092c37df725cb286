//! Receipt, classification and the intake decision (LTC Art. 22–29), and the reply on
//! the petition track (Citizen Reception Law Art. 28).

use super::apply::not_before;
use super::classification::Classification;
use super::event::CaseEvent;
use super::fold_context::FoldContext;
use super::rejection::Rejection;
use super::state::{
    CaseState, IntakeDecision, IntakeOutcome, Receipt, Resolution, Stage, Transfer,
};
use super::unit_code::unit_code;

pub(crate) fn apply(
    mut state: CaseState,
    event: &CaseEvent,
    context: &FoldContext<'_>,
) -> Result<CaseState, Rejection> {
    match event {
        CaseEvent::Received {
            kind,
            channel,
            anonymous,
            received_on,
            ..
        } => {
            if state.stage != Stage::Empty {
                return Err(Rejection::AlreadyReceived);
            }
            context.pack(*received_on)?;
            state.receipt = Some(Receipt {
                kind: *kind,
                channel: *channel,
                anonymous: *anonymous,
                received_on: *received_on,
            });
            state.stage = Stage::Received;
        }
        CaseEvent::Classified { as_kind, .. } => {
            if state.stage != Stage::Received {
                return Err(Rejection::AlreadyClassified);
            }
            state.classification = Some(*as_kind);
            state.stage = Stage::Classified;
        }
        CaseEvent::ForwardReceived { received_on, .. } => {
            let forwarded_on = match (&state.intake, state.stage) {
                (Some(intake), Stage::Forwarded) => intake.decided_on,
                _ => return Err(Rejection::NotForwarded),
            };
            not_before(*received_on, "forwarding", forwarded_on)?;
            context.pack(*received_on)?;
            if let Some(receipt) = state.receipt.as_mut() {
                receipt.received_on = *received_on;
            }
            // The competent unit classifies and decides anew; `forwarded_to` stays,
            // so the content is not forwarded again.
            state.classification = None;
            state.intake = None;
            state.stage = Stage::Received;
        }
        CaseEvent::PetitionReplied { decided_on, .. } => {
            let class = classified(&state)?;
            if state.is_anonymous() {
                return Err(Rejection::AnonymousInformationTrack);
            }
            if !class.is_petition_track() {
                return Err(Rejection::NotPetitionTrack);
            }
            if state.replied_on.is_some() {
                return Err(Rejection::AlreadyReplied);
            }
            not_before(*decided_on, "receipt", received_on(&state))?;
            state.replied_on = Some(*decided_on);
            state.stage = Stage::Replied;
        }
        _ => return decide(state, event),
    }
    Ok(state)
}

/// The intake decision: accept, refuse, forward, transfer, or handle as information.
fn decide(mut state: CaseState, event: &CaseEvent) -> Result<CaseState, Rejection> {
    // Checked first: forwarding twice is refused whatever else is wrong.
    if matches!(event, CaseEvent::Forwarded { .. }) && state.forwarded_to.is_some() {
        return Err(Rejection::ForwardedTwice);
    }
    let class = classified(&state)?;
    if let (CaseEvent::TransferredCriminal { to, .. }, Stage::HandledAsInformation) =
        (event, state.stage)
    {
        // The inspection of information found signs of a crime.
        let decided_on = event.effective_on();
        let since = state.intake.as_ref().map_or(decided_on, |i| i.decided_on);
        not_before(decided_on, "decision to handle it as information", since)?;
        state.transfer = Some(Transfer {
            to: *to,
            decided_on,
        });
        state.stage = Stage::TransferredCriminal;
        return Ok(state);
    }
    if state.stage != Stage::Classified {
        return Err(if state.resolution.is_some() {
            Rejection::AlreadyAccepted
        } else {
            Rejection::IntakeDecided
        });
    }
    let anonymous = state.is_anonymous();
    // On the petition track only a reply or a transfer to the police makes sense.
    if class.is_petition_track()
        && !anonymous
        && !matches!(event, CaseEvent::TransferredCriminal { .. })
    {
        return Err(Rejection::PetitionTrack);
    }
    let decided_on = event.effective_on();
    not_before(decided_on, "receipt", received_on(&state))?;
    let (outcome, stage) = match event {
        CaseEvent::Accepted { conditions, .. } => {
            if anonymous {
                return Err(Rejection::AnonymousNotAccepted);
            }
            if class != Classification::Denunciation {
                return Err(Rejection::NotADenunciation {
                    classified: class.as_str(),
                });
            }
            let missing = conditions.missing();
            if !missing.is_empty() {
                return Err(Rejection::AcceptanceConditions { missing });
            }
            state.resolution = Some(Resolution::new(decided_on, *conditions, None));
            (IntakeOutcome::Accepted(*conditions), Stage::Accepted)
        }
        CaseEvent::NotAccepted { grounds, .. } => {
            if grounds.trim().is_empty() {
                return Err(Rejection::NoGrounds);
            }
            let grounds = grounds.trim().to_owned();
            (IntakeOutcome::NotAccepted { grounds }, Stage::NotAccepted)
        }
        CaseEvent::Forwarded {
            to_unit,
            outside: Some(body),
            ..
        } => {
            // Outside Khiên: a unit of the tree with no staff here keeps its code; an
            // agency outside the tree has none, and its name is what the letter bears.
            let body = body.trim();
            if body.is_empty() {
                return Err(Rejection::NoOutsideBody);
            }
            let to_unit = match to_unit.trim() {
                "" => String::new(),
                code => unit_code(code).ok_or_else(|| Rejection::BadUnit { unit: code.into() })?,
            };
            state.forwarded_to = Some(if to_unit.is_empty() {
                body.to_owned()
            } else {
                to_unit.clone()
            });
            (
                IntakeOutcome::ForwardedOutside {
                    to_unit,
                    body: body.to_owned(),
                },
                Stage::ForwardedOutside,
            )
        }
        CaseEvent::Forwarded { to_unit, .. } => {
            let to_unit = unit_code(to_unit).ok_or_else(|| Rejection::BadUnit {
                unit: to_unit.clone(),
            })?;
            state.forwarded_to = Some(to_unit.clone());
            (IntakeOutcome::Forwarded { to_unit }, Stage::Forwarded)
        }
        CaseEvent::TransferredCriminal { to, .. } => {
            state.transfer = Some(Transfer {
                to: *to,
                decided_on,
            });
            (
                IntakeOutcome::TransferredCriminal { to: *to },
                Stage::TransferredCriminal,
            )
        }
        CaseEvent::HandledAsInformation { .. } => {
            // A named report is information only if the denouncer cannot be identified
            // or used another's name (Art. 25(1)); that is a denunciation's question.
            if !anonymous && class != Classification::Denunciation {
                return Err(Rejection::NotInformation);
            }
            state.inspection = Some(Default::default());
            (
                IntakeOutcome::HandledAsInformation,
                Stage::HandledAsInformation,
            )
        }
        _ => return Err(Rejection::IntakeDecided),
    };
    state.intake = Some(IntakeDecision {
        outcome,
        decided_on,
    });
    state.stage = stage;
    Ok(state)
}

/// The classification, or why a decision cannot be taken before it.
fn classified(state: &CaseState) -> Result<Classification, Rejection> {
    state.classification.ok_or(Rejection::NotClassified)
}

fn received_on(state: &CaseState) -> chrono::NaiveDate {
    // `apply` refuses every event but `Received` on an empty case.
    state
        .receipt
        .map_or(chrono::NaiveDate::MIN, |receipt| receipt.received_on)
}
