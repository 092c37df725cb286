//! Vietnamese lunar calendar, public holidays and working-day arithmetic.
//!
//! - [`lunar`]: the Vietnamese lunar calendar (UTC+7, Hồ Ngọc Đức's method):
//!   [`lunar::to_lunar`], [`lunar::from_lunar`], [`lunar::tet`].
//! - [`Calendar`]: which days are working days in the public sector, from the official
//!   yearly schedules where they exist ([`OfficialSchedule`]; 2019–2026 are built in,
//!   an administrator can add more) and from the Labour Code rules otherwise; and the
//!   Civil Code period arithmetic built on that ([`Calendar::add_working_days`],
//!   [`Calendar::add_days`], [`Calendar::working_days_between`]).
//!
//! Pure: no files, environment or network. Shipped data is embedded at compile time.
//! Everything is defined for the Gregorian years [`FIRST_YEAR`]`..=`[`LAST_YEAR`]; dates
//! outside give an error, never a guess.
#![forbid(unsafe_code)]

mod astronomy;
mod builtin_schedules;
mod calendar;
mod holiday_rules;
mod julian_day;
pub mod lunar;
mod official_schedule;
mod tet_break;
mod year_table;

pub use calendar::{Calendar, CalendarError};
pub use official_schedule::{OfficialSchedule, ScheduleError};

/// First Gregorian year the calendar supports.
pub const FIRST_YEAR: i32 = 1968;
/// Last Gregorian year the calendar supports.
pub const LAST_YEAR: i32 = 2100;

/// Whether `year` is within [`FIRST_YEAR`]`..=`[`LAST_YEAR`].
pub fn is_supported_year(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}
