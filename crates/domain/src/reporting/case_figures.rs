//! One case's contribution to a report, from its (redacted) history.
//!
//! The case is looked at on two days: the day before the period starts and the
//! period's last day. Its state on a day is the fold of the history up to the first
//! act dated after that day. An act is dated by `effective_on` (the date on the paper),
//! so a decision entered late still counts in the period it bears; and no act is
//! dated after one recorded later (a classification typed in after a backdated
//! acceptance counts with the acceptance), which keeps every such history a prefix.

use chrono::{Days, NaiveDate};
use khien_calendar::Calendar;

use super::case_outcome::{Outcome, outcome};
use super::case_share::CaseShare;
use super::indicators::Indicators;
use super::report_period::ReportPeriod;
use crate::case_file::{
    CaseEvent, CaseState, DeadlineError, DeadlineKind, Finding, FoldContext, Rejection, apply,
    deadlines,
};
use crate::intake::ReportKind;

/// Why a case's figures could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiguresError {
    /// The stored history does not fold: event `index` is refused.
    #[error("event {index} of the history is refused: {rejection}")]
    History { index: usize, rejection: Rejection },
    /// Deadlines could not be computed (no rule pack, or a date off the calendar).
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
}

/// What a case adds to `period`'s report of the unit holding `share` of it.
///
/// `context.today` must be on or after every act of the history (as when it was
/// stored); the figures themselves depend only on the period.
pub fn case_indicators(
    events: &[CaseEvent],
    share: CaseShare,
    period: ReportPeriod,
    context: &FoldContext<'_>,
    calendar: &Calendar,
) -> Result<Indicators, FiguresError> {
    let events = match share {
        CaseShare::UntilForwarded => until_forwarded(events),
        CaseShare::Whole | CaseShare::FromForwardReceipt => events,
    };
    // Where the unit's receipt is in the history.
    let receipt_index = match share {
        CaseShare::FromForwardReceipt => {
            match events
                .iter()
                .position(|e| matches!(e, CaseEvent::ForwardReceived { .. }))
            {
                Some(index) => index,
                None => return Ok(Indicators::default()),
            }
        }
        CaseShare::Whole | CaseShare::UntilForwarded => 0,
    };
    let states = fold_each(events, context)?;
    let Some(day_before) = period.starts_on().checked_sub_days(Days::new(1)) else {
        return Ok(Indicators::default());
    };
    let end = period.ends_on();
    let dates = report_dates(events);
    // Number of events in the history as it stood on a day.
    let known_on = |day: NaiveDate| {
        dates
            .iter()
            .position(|date| *date > day)
            .unwrap_or(events.len())
    };
    let (known_before, known_at_end) = (known_on(day_before), known_on(end));
    if known_at_end <= receipt_index {
        return Ok(Indicators::default());
    }
    let state_at_end = &states[known_at_end - 1];
    let mut figures = Indicators::default();

    let received_before = known_before > receipt_index;
    let carried_over = received_before && outcome(&states[known_before - 1]).is_none();
    let re_denounced_in_period = events[..known_at_end].iter().any(|e| {
        matches!(e, CaseEvent::ReDenunciationReceived { received_on, .. }
            if period.contains(*received_on))
    });
    if carried_over {
        figures.carried_over = 1;
    } else if !received_before {
        let receipt = state_at_end.receipt.as_ref();
        match receipt.map(|r| (r.anonymous, r.kind)) {
            Some((true, _)) => figures.received_anonymous = 1,
            Some((false, ReportKind::Denunciation)) => figures.received_denunciations = 1,
            Some((false, ReportKind::Reflection | ReportKind::Petition)) | None => {
                figures.received_petitions = 1
            }
        }
    } else if re_denounced_in_period {
        figures.received_re_denunciations = 1;
    } else {
        // Finished before the period and not brought back in it: not in this report.
        return Ok(figures);
    }

    figures.accepted = events[receipt_index..known_at_end]
        .iter()
        .filter(|e| matches!(e, CaseEvent::Accepted { .. }) && period.contains(e.effective_on()))
        .count() as u64;

    let due = deadlines(state_at_end, context.packs, calendar, end)?;
    match outcome(state_at_end) {
        None => {
            figures.open_at_end = 1;
            if due.iter().any(|d| d.is_overdue()) {
                figures.overdue_at_end = 1;
            }
        }
        Some(Outcome::NotAccepted) => figures.not_accepted = 1,
        Some(Outcome::Forwarded) => figures.forwarded = 1,
        Some(Outcome::Transferred) => figures.transferred_to_investigation = 1,
        Some(Outcome::HandledAsInformation) => figures.handled_as_information = 1,
        Some(Outcome::Answered) => figures.petitions_answered = 1,
        Some(Outcome::Concluded { decided_on, .. } | Outcome::Terminated { decided_on, .. })
            if decided_on < period.starts_on() =>
        {
            // A re-denunciation whose review kept the earlier resolution.
            figures.re_denunciations_reviewed = 1;
        }
        Some(Outcome::Concluded {
            finding,
            amount_to_recover_vnd,
            persons_to_discipline,
            false_report_flag,
            ..
        }) => {
            match finding {
                Finding::Correct => figures.resolved_correct = 1,
                Finding::PartlyCorrect => figures.resolved_partly_correct = 1,
                Finding::False => figures.resolved_false = 1,
            }
            figures.amount_to_recover_vnd = amount_to_recover_vnd;
            figures.persons_to_discipline = u64::from(persons_to_discipline);
            figures.false_reports_flagged = u64::from(false_report_flag);
            count_timeliness(&mut figures, &due);
        }
        Some(Outcome::Terminated { withdrawn, .. }) => {
            if withdrawn {
                figures.withdrawn = 1;
            } else {
                figures.terminated = 1;
            }
            count_timeliness(&mut figures, &due);
        }
    }
    Ok(figures)
}

/// The day each act counts from: its own date, or a later act's if that is earlier
/// (a running minimum from the end, so the dates never decrease).
fn report_dates(events: &[CaseEvent]) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = events.iter().map(CaseEvent::effective_on).collect();
    for i in (0..dates.len().saturating_sub(1)).rev() {
        dates[i] = dates[i].min(dates[i + 1]);
    }
    dates
}

/// The sending unit's part: up to and including the forwarding.
fn until_forwarded(events: &[CaseEvent]) -> &[CaseEvent] {
    match events
        .iter()
        .position(|e| matches!(e, CaseEvent::Forwarded { .. }))
    {
        Some(index) => &events[..=index],
        None => events,
    }
}

/// The state after each event.
fn fold_each(
    events: &[CaseEvent],
    context: &FoldContext<'_>,
) -> Result<Vec<CaseState>, FiguresError> {
    let mut states = Vec::with_capacity(events.len());
    let mut state = CaseState::default();
    for (index, event) in events.iter().enumerate() {
        state = apply(state, event, context)
            .map_err(|rejection| FiguresError::History { index, rejection })?;
        states.push(state.clone());
    }
    Ok(states)
}

/// Whether the resolution ended within its limit (LTC Art. 30, with extensions and
/// suspensions), as the case page shows it.
fn count_timeliness(figures: &mut Indicators, due: &[crate::case_file::Deadline]) {
    match due
        .iter()
        .find(|d| d.kind == DeadlineKind::Resolution)
        .and_then(|d| d.met())
    {
        Some(true) => figures.resolved_on_time = 1,
        Some(false) => figures.resolved_late = 1,
        None => {}
    }
}
