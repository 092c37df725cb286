//! The public-sector working calendar and the Civil Code's period arithmetic.
//!
//! Civil Code 91/2015 Arts 145–148 (DOMAIN.md §6):
//! - a period counted in days starts the day after the event that starts it;
//! - if its last day is a weekend day or a holiday, it ends on the next working day;
//! - a period counted in working days skips weekends, holidays and compensatory days
//!   and counts make-up Saturdays (the reading Khiên takes; no explicit rule found).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};

use crate::lunar::LunarError;
use crate::official_schedule::OfficialSchedule;
use crate::year_table::YearTable;
use crate::{FIRST_YEAR, LAST_YEAR, builtin_schedules, holiday_rules};

/// Why a calendar question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{date} is outside the supported range {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31")]
    DateOutOfRange { date: NaiveDate },
    #[error("year {year} is outside the supported range {FIRST_YEAR}–{LAST_YEAR}")]
    YearOutOfRange { year: i32 },
    #[error(
        "a period starting on {start} runs past {LAST_YEAR}-12-31, the end of the supported range"
    )]
    PeriodPastRange { start: NaiveDate },
    /// Holidays could not be placed; cannot happen for a supported year.
    #[error(transparent)]
    Lunar(#[from] LunarError),
}

/// Which days are public-sector working days, and period arithmetic on them.
///
/// A year with an official schedule follows it exactly (days off, make-up Saturdays);
/// other years follow the Labour Code rules (see `holiday_rules` and `tet_break`).
/// Entries a schedule lists in an adjacent year (the 2019 notice gives 31/12/2018 off)
/// apply there too.
///
/// Year tables are computed on first use and cached, so lookups are a bit test. The
/// calendar can be shared between threads.
#[derive(Debug, Clone)]
pub struct Calendar {
    schedules: BTreeMap<i32, OfficialSchedule>,
    /// `years[y - FIRST_YEAR]`: the table of year `y` once computed.
    years: Vec<OnceLock<YearTable>>,
}

impl Default for Calendar {
    fn default() -> Calendar {
        Calendar::builtin()
    }
}

impl Calendar {
    /// The calendar with the official schedules shipped with Khiên (2019–2026).
    pub fn builtin() -> Calendar {
        let mut calendar = Calendar::rules_only();
        for schedule in builtin_schedules::all() {
            calendar.add_schedule(schedule);
        }
        calendar
    }

    /// A calendar with no official schedule: every year follows the rules.
    pub fn rules_only() -> Calendar {
        Calendar {
            schedules: BTreeMap::new(),
            years: (FIRST_YEAR..=LAST_YEAR).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Adds the official schedule of a year, replacing (and returning) any schedule
    /// already held for that year: an administrator's file overrides a shipped one.
    pub fn add_schedule(&mut self, schedule: OfficialSchedule) -> Option<OfficialSchedule> {
        let year = schedule.year();
        // A schedule can list days of adjacent years, so their tables are stale too.
        for affected in year - 1..=year + 1 {
            if let Some(slot) = self.slot_mut(affected) {
                *slot = OnceLock::new();
            }
        }
        self.schedules.insert(year, schedule)
    }

    /// The official schedule held for `year`, if any.
    pub fn official_schedule(&self, year: i32) -> Option<&OfficialSchedule> {
        self.schedules.get(&year)
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.table(date.year())?.is_working(date))
    }

    /// The `n`-th working day after `start` (a period of `n` working days that starts
    /// with the event on `start`). `n = 0` gives `start` itself.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.check_date(start)?;
        let mut date = start;
        let mut left = n;
        while left > 0 {
            date = self.next_day(start, date)?;
            if self.is_working_day(date)? {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// The last day of a period of `n` days starting with the event on `start`: `start
    /// + n`, moved to the next working day if it is not one (Civil Code Art. 148(5)).
    pub fn add_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.check_date(start)?;
        let last = start
            .checked_add_days(Days::new(u64::from(n)))
            .filter(|d| crate::is_supported_year(d.year()))
            .ok_or(CalendarError::PeriodPastRange { start })?;
        self.working_day_on_or_after(start, last)
    }

    /// The number of working days `d` with `from < d <= to` (0 when `to <= from`), so
    /// that `working_days_between(a, add_working_days(a, n)?)` is `n`.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        self.check_date(from)?;
        self.check_date(to)?;
        let mut count = 0;
        for date in from.iter_days().skip(1).take_while(|d| *d <= to) {
            if self.is_working_day(date)? {
                count += 1;
            }
        }
        Ok(count)
    }

    /// Monday–Friday dates of `year` that are not working days, in order.
    pub fn days_off(&self, year: i32) -> Result<Vec<NaiveDate>, CalendarError> {
        Ok(self.table(year)?.days_off())
    }

    /// Saturdays of `year` that are working days (make-up days), in order.
    pub fn working_saturdays(&self, year: i32) -> Result<Vec<NaiveDate>, CalendarError> {
        Ok(self.table(year)?.working_saturdays())
    }

    fn check_date(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if crate::is_supported_year(date.year()) {
            Ok(())
        } else {
            Err(CalendarError::DateOutOfRange { date })
        }
    }

    /// The day after `date`, or an error naming the period's `start` past the range.
    fn next_day(&self, start: NaiveDate, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        date.succ_opt()
            .filter(|d| crate::is_supported_year(d.year()))
            .ok_or(CalendarError::PeriodPastRange { start })
    }

    fn working_day_on_or_after(
        &self,
        start: NaiveDate,
        date: NaiveDate,
    ) -> Result<NaiveDate, CalendarError> {
        let mut day = date;
        while !self.is_working_day(day)? {
            day = self.next_day(start, day)?;
        }
        Ok(day)
    }

    fn slot_mut(&mut self, year: i32) -> Option<&mut OnceLock<YearTable>> {
        usize::try_from(year - FIRST_YEAR)
            .ok()
            .and_then(|i| self.years.get_mut(i))
    }

    fn table(&self, year: i32) -> Result<&YearTable, CalendarError> {
        let slot = usize::try_from(year - FIRST_YEAR)
            .ok()
            .and_then(|i| self.years.get(i))
            .ok_or(CalendarError::YearOutOfRange { year })?;
        if let Some(table) = slot.get() {
            return Ok(table);
        }
        // Two threads may both build it; both get the same result and one is kept.
        let built = self.build_table(year)?;
        Ok(slot.get_or_init(|| built))
    }

    fn build_table(&self, year: i32) -> Result<YearTable, CalendarError> {
        let (mut days_off, mut working_saturdays) = match self.schedules.get(&year) {
            Some(schedule) => (
                schedule.days_off().clone(),
                schedule.working_saturdays().clone(),
            ),
            None => (holiday_rules::weekdays_off(year)?, BTreeSet::new()),
        };
        for neighbour in [year - 1, year + 1] {
            if let Some(schedule) = self.schedules.get(&neighbour) {
                days_off.extend(schedule.days_off().iter().filter(|d| d.year() == year));
                working_saturdays.extend(
                    schedule
                        .working_saturdays()
                        .iter()
                        .filter(|d| d.year() == year),
                );
            }
        }
        Ok(YearTable::new(year, days_off, working_saturdays))
    }
}
