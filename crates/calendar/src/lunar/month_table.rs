//! The table of lunar months, computed once from the astronomy and then looked up.
//!
//! Computing one conversion from scratch takes dozens of trigonometric series; the
//! whole supported range is under 1,700 months, so it is built once (a few
//! milliseconds) on first use and every conversion is a binary search afterwards.

use std::sync::OnceLock;

use crate::astronomy::{NewMoon, SYNODIC_MONTH, sun_sector_at_local_midnight};
use crate::julian_day;
use crate::{FIRST_YEAR, LAST_YEAR};
use chrono::NaiveDate;

/// One lunar month: where it starts and what it is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LunarMonth {
    /// Julian day number of day 1 (the UTC+7 day of the new moon).
    pub start: i32,
    /// Lunar year (the year that begins at Tết).
    pub year: i32,
    /// 1–12; a leap month repeats the number of the month before it.
    pub month: u8,
    pub leap: bool,
}

/// Invariants: `months` is sorted by `start`, contiguous (each month ends the day before
/// the next starts; the last one ends the day before `end`), and months are 29 or 30
/// days long. It covers every day of the supported Gregorian years.
pub(crate) struct MonthTable {
    pub months: Vec<LunarMonth>,
    /// Julian day number just after the last month.
    pub end: i32,
    /// The first lunar year whose month 1 is in the table.
    first_full_year: i32,
    /// `year_starts[y - first_full_year]` is the index of month 1 of lunar year `y`.
    year_starts: Vec<usize>,
}

impl MonthTable {
    pub(crate) fn get() -> &'static MonthTable {
        static TABLE: OnceLock<MonthTable> = OnceLock::new();
        TABLE.get_or_init(MonthTable::build)
    }

    /// Builds the table one "sui" (month 11 to month 11, the period containing one winter
    /// solstice to the next) at a time: that is the unit in which Đức's method places the
    /// leap month. Two suis before `FIRST_YEAR` are included so that January of the
    /// first supported year is covered, and the sui starting in `LAST_YEAR` so that all
    /// of December of the last supported year is covered.
    fn build() -> MonthTable {
        let mut months = Vec::with_capacity(((LAST_YEAR - FIRST_YEAR + 3) * 13) as usize);
        let mut sui_start = month_11_of(FIRST_YEAR - 2);
        for year in (FIRST_YEAR - 2)..=LAST_YEAR {
            let next_sui = month_11_of(year + 1);
            let length = next_sui.index - sui_start.index; // 12 or 13 lunar months
            let leap_offset = (length == 13).then(|| leap_month_offset(sui_start.index));
            for offset in 0..length {
                // Months after the leap month take the number of the month before them.
                let counted = match leap_offset {
                    Some(leap) if offset >= leap => offset - 1,
                    _ => offset,
                };
                months.push(LunarMonth {
                    start: NewMoon::number(sui_start.index + offset).day,
                    // Months 11 and 12 of a sui belong to the lunar year that began in
                    // `year`; month 1 onwards to the next one.
                    year: if counted < 2 { year } else { year + 1 },
                    month: ((counted + 10) % 12 + 1) as u8,
                    leap: leap_offset == Some(offset),
                });
            }
            sui_start = next_sui;
        }
        let year_starts: Vec<usize> = (0..months.len())
            .filter(|&i| months[i].month == 1 && !months[i].leap)
            .collect();
        MonthTable {
            first_full_year: FIRST_YEAR - 1,
            months,
            end: sui_start.day,
            year_starts,
        }
    }

    /// Index of the month containing Julian day `jdn`, if it is covered.
    pub(crate) fn month_index_containing(&self, jdn: i32) -> Option<usize> {
        if jdn >= self.end {
            return None;
        }
        self.months
            .partition_point(|m| m.start <= jdn)
            .checked_sub(1)
    }

    /// Julian day number just after month `index` ends.
    pub(crate) fn month_end(&self, index: usize) -> i32 {
        self.months.get(index + 1).map_or(self.end, |m| m.start)
    }

    /// Index of month `month` (leap or not) of lunar year `year`, if present.
    pub(crate) fn find(&self, year: i32, month: u8, leap: bool) -> Option<usize> {
        let first = *self
            .year_starts
            .get(usize::try_from(year - self.first_full_year).ok()?)?;
        // A lunar year has at most 13 months, all after its month 1.
        (first..self.months.len().min(first + 13))
            .take_while(|&i| self.months[i].year == year)
            .find(|&i| self.months[i].month == month && self.months[i].leap == leap)
    }

    /// The leap month of lunar year `year` (its number), if it has one.
    pub(crate) fn leap_month_of(&self, year: i32) -> Option<u8> {
        (1..=12).find(|&m| self.find(year, m, true).is_some())
    }
}

/// The new moon starting lunar month 11 (the month containing the winter solstice)
/// of Gregorian year `year`, following Đức's `getLunarMonth11`.
fn month_11_of(year: i32) -> NewMoon {
    let dec_31 = NaiveDate::from_ymd_opt(year, 12, 31).map_or(0, julian_day::from_date);
    let k = (f64::from(dec_31 - 2_415_021) / SYNODIC_MONTH).floor() as i32;
    let candidate = NewMoon::number(k);
    // Sector 9 begins at the solstice: if the sun is already past it when this month
    // starts, the solstice fell in the previous month, which is therefore month 11.
    if sun_sector_at_local_midnight(candidate.day) >= 9 {
        NewMoon::number(k - 1)
    } else {
        candidate
    }
}

/// In a 13-month sui starting with new moon `month_11`, how many months after month 11
/// the leap month comes: the first month during which the sun enters no new sector,
/// i.e. that contains no major solar term (Đức's `getLeapMonthOffset`).
fn leap_month_offset(month_11: i32) -> i32 {
    let mut offset = 1;
    let mut sector = sun_sector_at_local_midnight(NewMoon::number(month_11 + offset).day);
    loop {
        let previous = sector;
        offset += 1;
        sector = sun_sector_at_local_midnight(NewMoon::number(month_11 + offset).day);
        if sector == previous || offset >= 14 {
            return offset - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_contiguous_and_29_or_30_days_long() {
        let table = MonthTable::get();
        for (i, m) in table.months.iter().enumerate() {
            let length = table.month_end(i) - m.start;
            assert!(length == 29 || length == 30, "{m:?} has {length} days");
        }
    }

    #[test]
    fn every_lunar_year_has_months_1_to_12_and_at_most_one_leap_month() {
        let table = MonthTable::get();
        for year in (FIRST_YEAR - 1)..=LAST_YEAR {
            for month in 1..=12 {
                assert!(table.find(year, month, false).is_some(), "{month}/{year}");
            }
            let leaps = table
                .months
                .iter()
                .filter(|m| m.year == year && m.leap)
                .count();
            assert!(leaps <= 1, "lunar {year} has {leaps} leap months");
        }
    }
}
