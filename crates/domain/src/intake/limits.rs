//! The size limits of a report, in characters (not bytes: Vietnamese is mostly
//! multi-byte). Generous enough for a real report, small enough that one
//! submission cannot fill the database.

use chrono::NaiveDate;

/// Subject: 1 to 300 characters.
pub const SUBJECT_MAX: usize = 300;
/// What happened: 1 to 20 000 characters.
pub const CONTENT_MAX: usize = 20_000;
/// When and where: up to 1 000 characters (optional).
pub const WHEN_WHERE_MAX: usize = 1_000;
/// At most 20 accused persons in one report.
pub const ACCUSED_MAX: usize = 20;
/// A person's name (reporter or accused): 1 to 200 characters.
pub const NAME_MAX: usize = 200;
/// An accused person's position or organisation: up to 200 characters.
pub const POSITION_MAX: usize = 200;
/// A reporter's address: up to 500 characters.
pub const ADDRESS_MAX: usize = 500;
/// A group petition: at most 50 signatories, the representative included.
pub const REPORTERS_MAX: usize = 50;
/// A message between reporter and staff: 1 to 10 000 characters.
pub const MESSAGE_MAX: usize = 10_000;

/// The earliest receipt date staff may record: the Law on Denunciation 2018
/// took effect on 2019-01-01, and nothing older belongs in this system.
pub fn earliest_received_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date")
}
