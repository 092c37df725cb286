//! What computing a case's clock needs besides its events.

use chrono::NaiveDate;
use khien_calendar::Calendar;
use khien_domain::case_file::FoldContext;
use khien_domain::rules::RulePacks;

/// Today (in Vietnam), the statutory figures and the working-day calendar.
#[derive(Clone, Copy)]
pub struct ClockContext<'a> {
    /// No act may be dated after it; days left count from it.
    pub today: NaiveDate,
    /// The rule packs (the one in force on a case's receipt date applies).
    pub packs: &'a RulePacks,
    /// Working days and official days off.
    pub calendar: &'a Calendar,
}

impl ClockContext<'_> {
    /// The fold's part of it.
    pub fn fold(&self) -> FoldContext<'_> {
        FoldContext::new(self.today, self.packs)
    }
}
