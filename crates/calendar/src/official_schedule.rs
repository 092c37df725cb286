//! An official public-sector schedule of days off for one year, as the Government
//! publishes it (the Ministry of Labour's or the Government Office's notice).
//!
//! File format (TOML):
//!
//! ```toml
//! year = 2026
//! source = "VPCP 12729/VPCP-KGVX"
//! # Weekday (Monday–Friday) dates that are not working days.
//! days_off = ["2026-01-01", "2026-01-02"]
//! # Saturdays that are working days (làm bù).
//! working_saturdays = ["2026-01-10"]
//! ```
//!
//! Dates may be quoted strings or TOML dates. A schedule may list days of the year
//! before or after its own, because notices do (the 2019 notice gives 31/12/2018 off).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

/// Why a schedule was rejected. Every message names the field and the value at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The text is not TOML of the expected shape.
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error(
        "year {year} is outside the supported range {}–{}",
        crate::FIRST_YEAR,
        crate::LAST_YEAR
    )]
    YearOutOfRange { year: i32 },
    #[error("source is empty: name the official notice the schedule comes from")]
    MissingSource,
    #[error("{field}: {value} is not a date in the form YYYY-MM-DD")]
    InvalidDate { field: &'static str, value: String },
    #[error(
        "days_off: {date} is a {}; list only Monday–Friday dates (weekends are off anyway)",
        weekday_name(*weekday)
    )]
    DayOffNotAWeekday { date: NaiveDate, weekday: Weekday },
    #[error("working_saturdays: {date} is a {}, not a Saturday", weekday_name(*weekday))]
    NotASaturday { date: NaiveDate, weekday: Weekday },
    #[error("{field}: {date} is not in {year} or an adjacent year")]
    OutsideYear {
        field: &'static str,
        date: NaiveDate,
        year: i32,
    },
    #[error("{field}: {date} is listed twice")]
    Duplicate {
        field: &'static str,
        date: NaiveDate,
    },
}

/// The official schedule of one year.
///
/// Invariants: `year` is supported; `days_off` are Monday–Friday dates and
/// `working_saturdays` are Saturdays, all within `year - 1 ..= year + 1`; `source`
/// is not empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialSchedule {
    year: i32,
    source: String,
    days_off: BTreeSet<NaiveDate>,
    working_saturdays: BTreeSet<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleFile {
    year: i32,
    source: String,
    days_off: Vec<toml::Value>,
    #[serde(default)]
    working_saturdays: Vec<toml::Value>,
}

impl OfficialSchedule {
    /// Checks and builds a schedule.
    pub fn new(
        year: i32,
        source: impl Into<String>,
        days_off: impl IntoIterator<Item = NaiveDate>,
        working_saturdays: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<OfficialSchedule, ScheduleError> {
        if !crate::is_supported_year(year) {
            return Err(ScheduleError::YearOutOfRange { year });
        }
        let source = source.into();
        if source.trim().is_empty() {
            return Err(ScheduleError::MissingSource);
        }
        let mut schedule = OfficialSchedule {
            year,
            source,
            days_off: BTreeSet::new(),
            working_saturdays: BTreeSet::new(),
        };
        for date in days_off {
            schedule.check_year("days_off", date)?;
            let weekday = date.weekday();
            if matches!(weekday, Weekday::Sat | Weekday::Sun) {
                return Err(ScheduleError::DayOffNotAWeekday { date, weekday });
            }
            if !schedule.days_off.insert(date) {
                return Err(ScheduleError::Duplicate {
                    field: "days_off",
                    date,
                });
            }
        }
        for date in working_saturdays {
            schedule.check_year("working_saturdays", date)?;
            let weekday = date.weekday();
            if weekday != Weekday::Sat {
                return Err(ScheduleError::NotASaturday { date, weekday });
            }
            if !schedule.working_saturdays.insert(date) {
                return Err(ScheduleError::Duplicate {
                    field: "working_saturdays",
                    date,
                });
            }
        }
        Ok(schedule)
    }

    /// Parses a schedule file's text (see the module documentation for the format).
    pub fn from_toml_str(text: &str) -> Result<OfficialSchedule, ScheduleError> {
        let file: ScheduleFile = toml::from_str(text).map_err(|e| ScheduleError::Syntax {
            line: e.span().map_or(1, |span| line_of(text, span.start)),
            message: e.message().trim().to_owned(),
        })?;
        let days_off = parse_dates("days_off", &file.days_off)?;
        let working_saturdays = parse_dates("working_saturdays", &file.working_saturdays)?;
        OfficialSchedule::new(file.year, file.source, days_off, working_saturdays)
    }

    /// The year the schedule was issued for.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The official document it comes from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Weekday dates that are not working days, in date order.
    pub fn days_off(&self) -> &BTreeSet<NaiveDate> {
        &self.days_off
    }

    /// Saturdays that are working days, in date order.
    pub fn working_saturdays(&self) -> &BTreeSet<NaiveDate> {
        &self.working_saturdays
    }

    fn check_year(&self, field: &'static str, date: NaiveDate) -> Result<(), ScheduleError> {
        if (self.year - 1..=self.year + 1).contains(&date.year()) {
            Ok(())
        } else {
            Err(ScheduleError::OutsideYear {
                field,
                date,
                year: self.year,
            })
        }
    }
}

/// 1-based line number of byte offset `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn parse_dates(
    field: &'static str,
    values: &[toml::Value],
) -> Result<Vec<NaiveDate>, ScheduleError> {
    values
        .iter()
        .map(|value| {
            let date = match value {
                toml::Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                    (Some(d), None, None) => {
                        NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
                    }
                    _ => None,
                },
                _ => None,
            };
            date.ok_or_else(|| ScheduleError::InvalidDate {
                field,
                value: match value {
                    toml::Value::String(s) => format!("\"{s}\""),
                    toml::Value::Datetime(dt) => dt.to_string(),
                    other => format!("a {}", other.type_str()),
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_strings_and_toml_dates() {
        let s = OfficialSchedule::from_toml_str(
            "year = 2030\nsource = \"test\"\ndays_off = [\"2030-01-01\", 2030-02-04]\nworking_saturdays = [2030-01-05]\n",
        )
        .unwrap();
        assert_eq!(s.year(), 2030);
        assert_eq!(
            s.days_off().iter().copied().collect::<Vec<_>>(),
            vec![date("2030-01-01"), date("2030-02-04")]
        );
        assert_eq!(s.working_saturdays().len(), 1);
    }

    #[test]
    fn rejects_bad_files_with_a_message_naming_the_fault() {
        let cases = [
            (
                "year = 2030\nsource = \"x\"\ndays_off = [\"2030-02-30\"]",
                "days_off: \"2030-02-30\" is not a date",
            ),
            (
                "year = 2030\nsource = \"x\"\ndays_off = [\"2030-01-05\"]",
                "2030-01-05 is a Saturday",
            ),
            (
                "year = 2030\nsource = \"x\"\ndays_off = []\nworking_saturdays = [\"2030-01-06\"]",
                "2030-01-06 is a Sunday, not a Saturday",
            ),
            (
                "year = 2030\nsource = \"x\"\ndays_off = [\"2035-01-01\"]",
                "not in 2030 or an adjacent year",
            ),
            (
                "year = 2030\nsource = \"x\"\ndays_off = [\"2030-01-01\", \"2030-01-01\"]",
                "listed twice",
            ),
            (
                "year = 2101\nsource = \"x\"\ndays_off = []",
                "year 2101 is outside",
            ),
            (
                "year = 2030\nsource = \" \"\ndays_off = []",
                "source is empty",
            ),
            ("year = 2030\nsource = \"x\"\ndays_of = []", "line 3:"),
            ("year = 2030\nsource = \"x\"\ndays_off = [", "line 3:"),
        ];
        for (text, expected) in cases {
            let message = OfficialSchedule::from_toml_str(text)
                .unwrap_err()
                .to_string();
            assert!(message.contains(expected), "{text:?} gave {message:?}");
            assert!(!message.contains('\n'), "{message:?} is not one line");
        }
    }
}
