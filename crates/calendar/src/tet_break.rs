//! The Tết break of a year that has no official schedule.
//!
//! The Labour Code (2019 Art. 112(1)(b)) gives five days for Tết and leaves the exact
//! days to the Prime Minister each year. The rule here reproduces every official
//! schedule of 2019–2026 (checked by a test against DOMAIN.md §6):
//!
//! 1. The five statutory days are the last day of the lunar year (30/12, or 29/12 in a
//!    short month) and lunar 1/1 to 4/1.
//! 2. Those that fall on a weekday are days off.
//! 3. Each one that falls on Saturday or Sunday gives one compensatory weekday,
//!    alternately placed just before and just after the break (first before, then
//!    after), so that the break stays one unbroken run of days around the weekend.
//!
//! So the break always has exactly five weekdays off. (Art. 111(3) alone would put
//! every compensatory day after the break; the official schedules instead keep
//! the break symmetric, e.g. 2020, 2021, 2023, 2024, and in 2025 put the single
//! compensatory day before it.)

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::lunar::{self, LunarError};

/// The weekdays off for Tết in Gregorian year `year`, in date order.
pub(crate) fn weekdays_off(year: i32) -> Result<Vec<NaiveDate>, LunarError> {
    let tet = lunar::tet(year)?;
    let eve = tet.pred_opt().ok_or(LunarError::YearOutOfRange { year })?;
    let statutory: Vec<NaiveDate> = eve.iter_days().take(5).collect();
    let mut off: Vec<NaiveDate> = statutory.iter().copied().filter(is_weekday).collect();
    let mut first = statutory[0];
    let mut last = statutory[4];
    for n in 0..(statutory.len() - off.len()) {
        if n % 2 == 0 {
            first = previous_weekday(first);
            off.push(first);
        } else {
            last = next_weekday(last);
            off.push(last);
        }
    }
    off.sort_unstable();
    Ok(off)
}

fn is_weekday(date: &NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn previous_weekday(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    loop {
        d = d - Days::new(1);
        if is_weekday(&d) {
            return d;
        }
    }
}

fn next_weekday(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    loop {
        d = d + Days::new(1);
        if is_weekday(&d) {
            return d;
        }
    }
}
