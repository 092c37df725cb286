//! The resolution's due date: one limit counted from acceptance, lengthened by each
//! extension and by the time spent suspended.

use chrono::NaiveDate;
use khien_calendar::{Calendar, CalendarError};

use super::state::Resolution;
use crate::rules::{PeriodUnit, ResolutionRule};

/// The due date, and whether a suspension in force keeps pushing it.
///
/// With periods in days (the shipped packs) the limit is one period of
/// `base + extensions + days suspended`, and only its last day moves to a working day
/// (Civil Code Art. 148(5)); extension and suspension do not start periods of their own.
/// A suspension still in force counts up to `today`, so the date moves every day.
pub(crate) fn resolution_due(
    resolution: &Resolution,
    rule: &ResolutionRule,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<(NaiveDate, bool), CalendarError> {
    let suspended_days: i64 = if rule.suspension_pauses_clock {
        resolution
            .suspensions
            .iter()
            .map(|s| s.days_suspended(today))
            .sum()
    } else {
        0
    };
    let suspended_days = u32::try_from(suspended_days).unwrap_or(u32::MAX);
    let paused = rule.suspension_pauses_clock && resolution.is_suspended();
    let extensions = u32::try_from(resolution.extensions.len()).unwrap_or(u32::MAX);
    let start = resolution.accepted_on;
    if rule.base.period.unit == PeriodUnit::Days && rule.extension.period.unit == PeriodUnit::Days {
        let total = rule
            .base
            .period
            .amount
            .saturating_add(rule.extension.period.amount.saturating_mul(extensions))
            .saturating_add(suspended_days);
        return Ok((calendar.add_days(start, total)?, paused));
    }
    // Working-day periods (not shipped): each period follows the previous one, and the
    // suspended calendar days are added at the end.
    let mut due = rule.base.period.due_from(start, calendar)?;
    for _ in 0..extensions {
        due = rule.extension.period.due_from(due, calendar)?;
    }
    if suspended_days > 0 {
        due = calendar.add_days(due, suspended_days)?;
    }
    Ok((due, paused))
}
