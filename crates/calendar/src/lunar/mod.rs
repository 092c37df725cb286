//! The Vietnamese lunar calendar (âm lịch), computed by Hồ Ngọc Đức's astronomical
//! method for the UTC+7 meridian.
//!
//! A lunar month starts on the (UTC+7) day of a new moon. Month 11 is the month that
//! contains the winter solstice. When 13 new moons start between two months 11, the
//! first month after month 11 that contains no major solar term is the leap month
//! (tháng nhuận) and repeats the number of the month before it. The lunar year starts
//! at Tết, day 1 of month 1.
//!
//! Supported: every day of the Gregorian years [`FIRST_YEAR`]`..=`[`LAST_YEAR`].

mod month_table;

use std::fmt;

use chrono::NaiveDate;

use crate::julian_day;
use crate::{FIRST_YEAR, LAST_YEAR};
use month_table::MonthTable;

/// Why a lunar conversion failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LunarError {
    /// The solar date is outside the supported Gregorian years.
    #[error("{date} is outside the supported range {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31")]
    DateOutOfRange { date: NaiveDate },
    /// The (lunar) year is outside the supported range.
    #[error("year {year} is outside the supported range {FIRST_YEAR}–{LAST_YEAR}")]
    YearOutOfRange { year: i32 },
    /// The lunar date exists but falls outside the supported Gregorian years.
    #[error(
        "lunar date {day}/{month}{}/{year} falls on {solar}, outside the supported range {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31",
        leap_suffix(*leap)
    )]
    LunarDateOutOfRange {
        day: u8,
        month: u8,
        year: i32,
        leap: bool,
        solar: NaiveDate,
    },
    #[error("lunar month {month} does not exist: months run from 1 to 12")]
    MonthOutOfRange { month: u8 },
    #[error("lunar day {day} does not exist: lunar months have 29 or 30 days")]
    DayOutOfRange { day: u8 },
    /// The day is 30 in a month that has 29 days.
    #[error(
        "lunar month {month}{}/{year} has only {length} days, so day {day} does not exist",
        leap_suffix(*leap)
    )]
    DayNotInMonth {
        day: u8,
        month: u8,
        year: i32,
        leap: bool,
        length: u8,
    },
    /// A leap month was asked for that the year does not have.
    #[error("lunar year {year} has no leap month {month} ({})", match leap_month {
        Some(m) => format!("its leap month is {m}"),
        None => "it has no leap month".to_owned(),
    })]
    NotALeapMonth {
        month: u8,
        year: i32,
        leap_month: Option<u8>,
    },
}

fn leap_suffix(leap: bool) -> &'static str {
    if leap { " nhuận" } else { "" }
}

/// A day of the Vietnamese lunar calendar.
///
/// Invariant: it exists in the calendar and falls within the supported Gregorian
/// years, so [`LunarDate::to_solar`] cannot fail. Build one with [`LunarDate::new`]
/// or [`to_lunar`]. Orders like the days it denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LunarDate {
    // Keep `solar` first: the derived ordering is then chronological.
    solar: NaiveDate,
    year: i32,
    month: u8,
    leap: bool,
    day: u8,
}

impl LunarDate {
    /// Validates a lunar date: day `day` of month `month` (the leap month of that
    /// number if `leap`) of lunar year `year`.
    pub fn new(day: u8, month: u8, year: i32, leap: bool) -> Result<LunarDate, LunarError> {
        if !(1..=12).contains(&month) {
            return Err(LunarError::MonthOutOfRange { month });
        }
        if !(1..=30).contains(&day) {
            return Err(LunarError::DayOutOfRange { day });
        }
        // Lunar year FIRST_YEAR - 1 is allowed: its months 11 and 12 are in January and
        // February of FIRST_YEAR. The range check on the solar date below decides.
        if !((FIRST_YEAR - 1)..=LAST_YEAR).contains(&year) {
            return Err(LunarError::YearOutOfRange { year });
        }
        let table = MonthTable::get();
        let index = table
            .find(year, month, leap)
            .ok_or(LunarError::NotALeapMonth {
                month,
                year,
                leap_month: table.leap_month_of(year),
            })?;
        let start = table.months[index].start;
        let length = table.month_end(index) - start;
        if i32::from(day) > length {
            return Err(LunarError::DayNotInMonth {
                day,
                month,
                year,
                leap,
                length: length as u8,
            });
        }
        let solar = julian_day::to_date(start + i32::from(day) - 1)
            .ok_or(LunarError::YearOutOfRange { year })?;
        if !crate::is_supported_year(chrono::Datelike::year(&solar)) {
            return Err(LunarError::LunarDateOutOfRange {
                day,
                month,
                year,
                leap,
                solar,
            });
        }
        Ok(LunarDate {
            solar,
            year,
            month,
            leap,
            day,
        })
    }

    /// Day of the month, 1–30.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Month number, 1–12 (a leap month has the number of the month it repeats).
    pub fn month(&self) -> u8 {
        self.month
    }

    /// Lunar year: the Gregorian year in which its Tết falls.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// Whether the month is a leap month (tháng nhuận).
    pub fn is_leap(&self) -> bool {
        self.leap
    }

    /// The Gregorian date of this lunar date.
    pub fn to_solar(&self) -> NaiveDate {
        self.solar
    }
}

/// `D/M/YYYY`, with ` nhuận` after the month of a leap month: `15/6 nhuận/2025`.
impl fmt::Display for LunarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let leap = leap_suffix(self.leap);
        write!(f, "{}/{}{leap}/{}", self.day, self.month, self.year)
    }
}

/// The lunar date of a Gregorian date.
pub fn to_lunar(date: NaiveDate) -> Result<LunarDate, LunarError> {
    if !crate::is_supported_year(chrono::Datelike::year(&date)) {
        return Err(LunarError::DateOutOfRange { date });
    }
    let table = MonthTable::get();
    let jdn = julian_day::from_date(date);
    // The table covers the supported years by construction; a miss is still reported
    // as out of range rather than trusted blindly.
    let index = table
        .month_index_containing(jdn)
        .ok_or(LunarError::DateOutOfRange { date })?;
    let month = table.months[index];
    Ok(LunarDate {
        solar: date,
        year: month.year,
        month: month.month,
        leap: month.leap,
        day: (jdn - month.start + 1) as u8,
    })
}

/// The Gregorian date of lunar day `day` of month `month` (`leap`: the leap month of
/// that number) of lunar year `year`.
pub fn from_lunar(day: u8, month: u8, year: i32, leap: bool) -> Result<NaiveDate, LunarError> {
    LunarDate::new(day, month, year, leap).map(|d| d.to_solar())
}

/// Tết Nguyên Đán of `year`: the Gregorian date of lunar 1/1/`year`.
pub fn tet(year: i32) -> Result<NaiveDate, LunarError> {
    if !crate::is_supported_year(year) {
        return Err(LunarError::YearOutOfRange { year });
    }
    from_lunar(1, 1, year, false)
}

/// The leap month of lunar year `year` (its number), or `None` in a 12-month year.
pub fn leap_month(year: i32) -> Result<Option<u8>, LunarError> {
    if !crate::is_supported_year(year) {
        return Err(LunarError::YearOutOfRange { year });
    }
    Ok(MonthTable::get().leap_month_of(year))
}
