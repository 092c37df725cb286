//! Statutory periods and how their due dates are computed.

use std::fmt;

use chrono::NaiveDate;
use khien_calendar::{Calendar, CalendarError};
use serde::Deserialize;

/// How a period is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Working days (ngày làm việc): weekends, holidays and compensatory days are
    /// skipped, make-up Saturdays count.
    WorkingDays,
    /// Calendar days (ngày); a last day that is not a working day moves to the next
    /// working day (Civil Code Art. 148(5)).
    Days,
}

/// A statutory period such as "7 working days" or "30 days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
}

impl Period {
    pub const fn working_days(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::WorkingDays,
        }
    }

    pub const fn days(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::Days,
        }
    }

    /// The last day of this period when the event that starts it happens on `start`
    /// (the period itself starts the next day, Civil Code Art. 147). See [`due_date`].
    pub fn due_from(
        &self,
        start: NaiveDate,
        calendar: &Calendar,
    ) -> Result<NaiveDate, CalendarError> {
        due_date(start, *self, calendar)
    }
}

/// The due date of `period` for an event on `start`: the last day on which the act
/// is still on time (until 24:00 of that day).
///
/// - Working days: the `amount`-th working day after `start`.
/// - Days: `start + amount`, moved to the next working day if that is a day off.
pub fn due_date(
    start: NaiveDate,
    period: Period,
    calendar: &Calendar,
) -> Result<NaiveDate, CalendarError> {
    match period.unit {
        PeriodUnit::WorkingDays => calendar.add_working_days(start, period.amount),
        PeriodUnit::Days => calendar.add_days(start, period.amount),
    }
}

/// "7 working days", "30 days", "1 day".
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.amount) {
            (PeriodUnit::WorkingDays, 1) => "working day",
            (PeriodUnit::WorkingDays, _) => "working days",
            (PeriodUnit::Days, 1) => "day",
            (PeriodUnit::Days, _) => "days",
        };
        write!(f, "{} {unit}", self.amount)
    }
}
