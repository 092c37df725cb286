//! `khien calendar …`: the lunar calendar and the public-sector working calendar.
//!
//! Output formats are fixed, because scripts depend on them:
//! - `tet YEAR` → `YYYY-MM-DD`
//! - `lunar YYYY-MM-DD` → `D/M/YYYY` (` nhuận` after a leap month: `15/6 nhuận/2025`);
//!   with `--json`: `{"day":15,"month":6,"year":2025,"leap":true}`
//! - `solar D/M/YYYY [--leap]` → `YYYY-MM-DD`
//! - `year YYYY --json` → `{"days_off":["YYYY-MM-DD",..],"working_saturdays":[..]}`;
//!   without `--json`, one `off YYYY-MM-DD` or `work YYYY-MM-DD` line per date
//! - `add-working-days YYYY-MM-DD N`, `add-days YYYY-MM-DD N` → `YYYY-MM-DD`
//!
//! Bad input gives one line on stderr naming what is wrong and exit status 2.
//!
//! Official schedules an administrator adds are read from `DATA_DIR/calendars/*.toml`
//! (format: `khien_calendar::OfficialSchedule`); they override the built-in ones.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use khien_calendar::{Calendar, lunar};
use serde::Serialize;

/// Arguments of `khien calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Where administrator-added schedules are (`calendars/*.toml` in the data directory).
    #[command(flatten)]
    pub installation: crate::cli_args::InstallationArgs,
    #[command(subcommand)]
    command: CalendarCommand,
}

// Values are taken as strings (and may start with '-') so that every malformed
// value gets this module's one-line message rather than clap's usage text.
#[derive(Debug, Subcommand)]
enum CalendarCommand {
    /// Print the date of Tết (lunar 1/1) of YEAR.
    Tet {
        #[arg(allow_hyphen_values = true)]
        year: String,
    },
    /// Print the lunar date of a date YYYY-MM-DD as D/M/YYYY.
    Lunar {
        #[arg(allow_hyphen_values = true)]
        date: String,
        /// Print {"day":..,"month":..,"year":..,"leap":..} instead.
        #[arg(long)]
        json: bool,
    },
    /// Print the date YYYY-MM-DD of a lunar date D/M/YYYY.
    Solar {
        #[arg(allow_hyphen_values = true)]
        lunar_date: String,
        /// The month is the leap month (tháng nhuận) of that number.
        #[arg(long)]
        leap: bool,
    },
    /// List the weekdays off and the working Saturdays of YEAR.
    Year {
        #[arg(allow_hyphen_values = true)]
        year: String,
        /// Print {"days_off":[..],"working_saturdays":[..]} instead.
        #[arg(long)]
        json: bool,
    },
    /// Print the N-th working day after DATE.
    AddWorkingDays {
        #[arg(allow_hyphen_values = true)]
        date: String,
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
    /// Print the last day of a period of N days starting with an event on DATE.
    AddDays {
        #[arg(allow_hyphen_values = true)]
        date: String,
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
}

#[derive(Serialize)]
struct LunarJson {
    day: u8,
    month: u8,
    year: i32,
    leap: bool,
}

#[derive(Serialize)]
struct YearJson {
    days_off: Vec<String>,
    working_saturdays: Vec<String>,
}

/// Runs `khien calendar …` and prints the result; exit status 2 on bad input.
pub fn run(args: CalendarArgs, data_dir: &Path) -> ExitCode {
    match execute(args, data_dir) {
        Ok(output) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn execute(args: CalendarArgs, data_dir: &Path) -> Result<String, String> {
    let calendar = load_calendar(data_dir)?;
    let mut out = String::new();
    match args.command {
        CalendarCommand::Tet { year } => {
            let tet = lunar::tet(parse_year(&year)?).map_err(|e| e.to_string())?;
            line(&mut out, tet);
        }
        CalendarCommand::Lunar { date, json } => {
            let lunar = lunar::to_lunar(parse_date(&date)?).map_err(|e| e.to_string())?;
            if json {
                let value = LunarJson {
                    day: lunar.day(),
                    month: lunar.month(),
                    year: lunar.year(),
                    leap: lunar.is_leap(),
                };
                line(&mut out, to_json(&value)?);
            } else {
                line(&mut out, lunar);
            }
        }
        CalendarCommand::Solar { lunar_date, leap } => {
            let (day, month, year) = parse_lunar(&lunar_date)?;
            let solar = lunar::from_lunar(day, month, year, leap).map_err(|e| e.to_string())?;
            line(&mut out, solar);
        }
        CalendarCommand::Year { year, json } => {
            let year = parse_year(&year)?;
            let days_off = calendar.days_off(year).map_err(|e| e.to_string())?;
            let saturdays = calendar
                .working_saturdays(year)
                .map_err(|e| e.to_string())?;
            if json {
                let value = YearJson {
                    days_off: days_off.iter().map(ToString::to_string).collect(),
                    working_saturdays: saturdays.iter().map(ToString::to_string).collect(),
                };
                line(&mut out, to_json(&value)?);
            } else {
                let mut entries: Vec<(NaiveDate, &str)> =
                    days_off.into_iter().map(|d| (d, "off")).collect();
                entries.extend(saturdays.into_iter().map(|d| (d, "work")));
                entries.sort_unstable();
                for (date, kind) in entries {
                    line(&mut out, format_args!("{kind} {date}"));
                }
            }
        }
        CalendarCommand::AddWorkingDays { date, n } => {
            let due = calendar
                .add_working_days(parse_date(&date)?, parse_count(&n)?)
                .map_err(|e| e.to_string())?;
            line(&mut out, due);
        }
        CalendarCommand::AddDays { date, n } => {
            let due = calendar
                .add_days(parse_date(&date)?, parse_count(&n)?)
                .map_err(|e| e.to_string())?;
            line(&mut out, due);
        }
    }
    Ok(out)
}

fn line(out: &mut String, value: impl std::fmt::Display) {
    let _ = writeln!(out, "{value}");
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("cannot format JSON: {e}"))
}

/// The built-in calendar plus the schedules in `data_dir/calendars/*.toml`, if that
/// folder exists. Files are read in name order; two files for one year are an error.
fn load_calendar(data_dir: &Path) -> Result<Calendar, String> {
    khien_store::calendar_files::load_calendar(data_dir).map_err(|error| error.to_string())
}

fn parse_year(text: &str) -> Result<i32, String> {
    text.parse()
        .map_err(|_| format!("invalid year \"{text}\": expected a number such as 2025"))
}

fn parse_count(text: &str) -> Result<u32, String> {
    text.parse().map_err(|_| {
        format!("invalid number of days \"{text}\": expected a whole number, 0 or more")
    })
}

/// A Gregorian date `YYYY-MM-DD`; a well-formed but impossible date (2025-02-31) is
/// reported as such.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let malformed = || format!("invalid date \"{text}\": expected YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(malformed());
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return Err(malformed());
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| malformed());
    let (year, month, day) = (number(year)?, number(month)?, number(day)?);
    let year = i32::try_from(year).map_err(|_| malformed())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!("invalid date \"{text}\": there is no day {day} in month {month} of {year}")
    })
}

/// A lunar date `D/M/YYYY`, as day, month and year.
fn parse_lunar(text: &str) -> Result<(u8, u8, i32), String> {
    let malformed =
        || format!("invalid lunar date \"{text}\": expected D/M/YYYY, such as 15/6/2025");
    let parts: Vec<&str> = text.split('/').collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(malformed());
    };
    let number = |s: &str| {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        s.parse::<u32>().map_err(|_| malformed())
    };
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    let day = u8::try_from(day)
        .map_err(|_| format!("lunar day {day} does not exist: lunar months have 29 or 30 days"))?;
    let month = u8::try_from(month)
        .map_err(|_| format!("lunar month {month} does not exist: months run from 1 to 12"))?;
    let year = i32::try_from(year).map_err(|_| malformed())?;
    Ok((day, month, year))
}
