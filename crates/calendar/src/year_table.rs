//! Which days of one Gregorian year are working days, as a bit set.

use chrono::{Datelike, NaiveDate, Weekday};

/// Invariant: bit `i` of `working` is day `i + 1` of `year` (ordinal), set when it is
/// a working day; bits past the end of the year are clear.
#[derive(Debug, Clone)]
pub(crate) struct YearTable {
    year: i32,
    working: [u64; 6],
}

impl YearTable {
    /// Monday–Friday work and Saturday–Sunday rest, except `days_off` (weekdays off)
    /// and `working_saturdays`. Dates of other years are ignored.
    pub(crate) fn new(
        year: i32,
        days_off: impl IntoIterator<Item = NaiveDate>,
        working_saturdays: impl IntoIterator<Item = NaiveDate>,
    ) -> YearTable {
        let mut table = YearTable {
            year,
            working: [0; 6],
        };
        let days = NaiveDate::from_ymd_opt(year, 1, 1)
            .into_iter()
            .flat_map(|first| first.iter_days())
            .take_while(|d| d.year() == year);
        for day in days {
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                table.set(day, true);
            }
        }
        for day in days_off.into_iter().filter(|d| d.year() == year) {
            table.set(day, false);
        }
        for day in working_saturdays.into_iter().filter(|d| d.year() == year) {
            table.set(day, true);
        }
        table
    }

    fn set(&mut self, date: NaiveDate, working: bool) {
        let bit = date.ordinal0() as usize;
        if working {
            self.working[bit / 64] |= 1 << (bit % 64);
        } else {
            self.working[bit / 64] &= !(1 << (bit % 64));
        }
    }

    /// Whether `date` (which must be in this table's year) is a working day.
    pub(crate) fn is_working(&self, date: NaiveDate) -> bool {
        debug_assert_eq!(date.year(), self.year);
        let bit = date.ordinal0() as usize;
        self.working[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        NaiveDate::from_ymd_opt(self.year, 1, 1)
            .into_iter()
            .flat_map(|first| first.iter_days())
            .take_while(|d| d.year() == self.year)
    }

    /// Monday–Friday dates that are not working days.
    pub(crate) fn days_off(&self) -> Vec<NaiveDate> {
        self.days()
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_working(*d))
            .collect()
    }

    /// Saturdays that are working days.
    pub(crate) fn working_saturdays(&self) -> Vec<NaiveDate> {
        self.days()
            .filter(|d| d.weekday() == Weekday::Sat && self.is_working(*d))
            .collect()
    }
}
