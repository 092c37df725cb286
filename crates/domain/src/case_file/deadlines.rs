//! Every step's deadline, derived from the events, the pack in force on the receipt
//! date, and the calendar.

use chrono::NaiveDate;
use khien_calendar::Calendar;

use super::classification::Classification;
use super::deadline::{Deadline, DeadlineError, DeadlineKind};
use super::resolution_due::resolution_due;
use super::state::{CaseState, IntakeOutcome};
use crate::intake::ReportKind;
use crate::rules::{Rule, RulePacks, join_vi};

/// The deadlines of a case as of `today`: open ones, and done ones with the date they
/// were met, in procedural order.
///
/// An anonymous report has none: it is handled outside the LTC procedure and its time
/// limits (LTC Art. 25(2)). Only the current resolution is shown; a re-resolution after
/// review replaces the earlier one (its clock restarts).
pub fn deadlines(
    state: &CaseState,
    packs: &RulePacks,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<Vec<Deadline>, DeadlineError> {
    let Some(receipt) = state.receipt else {
        return Ok(Vec::new());
    };
    if receipt.anonymous {
        return Ok(Vec::new());
    }
    let pack = packs.in_force_on(receipt.received_on)?;
    let mut list = Deadlines {
        calendar,
        today,
        items: Vec::new(),
    };
    let received_on = receipt.received_on;
    let intake_done = state.intake.as_ref().map(|i| i.decided_on);

    let petition_track = state.classification.map_or(
        receipt.kind != ReportKind::Denunciation,
        Classification::is_petition_track,
    );
    if petition_track {
        let done = state.replied_on.or(state.transfer.map(|t| t.decided_on));
        list.push(
            DeadlineKind::PetitionReply,
            &pack.petition_reply,
            received_on,
            done,
        )?;
    } else {
        let forwarding = matches!(
            state.intake.as_ref().map(|i| &i.outcome),
            Some(IntakeOutcome::Forwarded { .. } | IntakeOutcome::ForwardedOutside { .. })
        ) || matches!(
            state.classification,
            Some(Classification::NotOurs | Classification::ComplaintMixedIn)
        );
        let (kind, rule) = if forwarding {
            (DeadlineKind::Forwarding, &pack.forwarding)
        } else {
            (DeadlineKind::Acceptance, &pack.acceptance)
        };
        list.push(kind, rule, received_on, intake_done)?;
    }

    if let Some(resolution) = &state.resolution {
        let accepted = resolution.accepted_on;
        list.push(
            DeadlineKind::AcceptanceNotice,
            &pack.acceptance_notification,
            accepted,
            resolution.acceptance_notified_on,
        )?;
        let (due, paused) = resolution_due(resolution, &pack.resolution, calendar, today)?;
        let done = resolution.ended_on().or(state
            .transfer
            .map(|t| t.decided_on)
            .filter(|d| *d >= accepted));
        list.items.push(Deadline {
            kind: DeadlineKind::Resolution,
            starts_on: accepted,
            due,
            days_left: (due - today).num_days(),
            basis: format!(
                "{}; {}",
                pack.resolution.base.basis, pack.resolution.suspension_basis
            ),
            basis_vi: join_vi(&[
                &pack.resolution.base.basis_vi,
                &pack.resolution.suspension_basis_vi,
            ]),
            verified: pack.resolution.base.verified && pack.resolution.extension.verified,
            open: done.is_none(),
            done_on: done,
            paused: paused && done.is_none(),
        });
        for suspension in &resolution.suspensions {
            list.push(
                DeadlineKind::SuspensionNotice,
                &pack.suspension_notice,
                suspension.from,
                suspension.notified_on,
            )?;
        }
        if let Some(termination) = &resolution.termination {
            list.push(
                DeadlineKind::TerminationNotice,
                &pack.suspension_notice,
                termination.decided_on,
                termination.notified_on,
            )?;
        }
        if let Some(conclusion) = &resolution.conclusion {
            let concluded = conclusion.decided_on;
            list.push(
                DeadlineKind::ConclusionNotice,
                &pack.conclusion_notice,
                concluded,
                conclusion.notified_on,
            )?;
            list.push(
                DeadlineKind::ConclusionHandling,
                &pack.conclusion_handling,
                concluded,
                conclusion.handled_on,
            )?;
            list.push(
                DeadlineKind::Publicity,
                &pack.publicity,
                concluded,
                conclusion.published.map(|(from, _)| from),
            )?;
        }
    }
    for re_denunciation in &state.re_denunciations {
        list.push(
            DeadlineKind::ReDenunciationReview,
            &pack.re_denunciation_review,
            re_denunciation.received_on,
            re_denunciation.ended_on,
        )?;
    }
    Ok(list.items)
}

/// Deadlines being collected for one case.
struct Deadlines<'c> {
    calendar: &'c Calendar,
    today: NaiveDate,
    items: Vec<Deadline>,
}

impl Deadlines<'_> {
    /// Adds the deadline of `rule` for a step whose clock started on `starts_on`.
    fn push(
        &mut self,
        kind: DeadlineKind,
        rule: &Rule,
        starts_on: NaiveDate,
        done_on: Option<NaiveDate>,
    ) -> Result<(), DeadlineError> {
        let due = rule.period.due_from(starts_on, self.calendar)?;
        self.items.push(Deadline {
            kind,
            starts_on,
            due,
            days_left: (due - self.today).num_days(),
            basis: rule.basis.clone(),
            basis_vi: rule.basis_vi.clone(),
            verified: rule.verified,
            open: done_on.is_none(),
            done_on,
            paused: false,
        });
        Ok(())
    }
}
