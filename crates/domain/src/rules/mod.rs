//! Statutory time limits as data with effective dates (rule packs), and due dates.
//!
//! The law changes (Law 136/2025 amends the Law on Denunciation from 2026-07-01), so
//! each set of time limits is a [`RulePack`] with an effective range, shipped as a TOML
//! file under `crates/domain/data/rule-packs/` and embedded at compile time. The pack in
//! force on a case's **receipt date** governs the whole case:
//!
//! ```
//! use chrono::NaiveDate;
//! use khien_calendar::Calendar;
//! use khien_domain::rules::RulePacks;
//!
//! let received = NaiveDate::from_ymd_opt(2025, 1, 24).unwrap();
//! let pack = RulePacks::builtin().in_force_on(received).unwrap();
//! let due = pack.acceptance.period.due_from(received, &Calendar::builtin()).unwrap();
//! assert_eq!(due, NaiveDate::from_ymd_opt(2025, 2, 11).unwrap());
//! ```
//!
//! A rule with `verified == false` comes from a figure DOMAIN.md marks UNVERIFIED:
//! show it as unconfirmed and let an administrator check it.

#[cfg(test)]
pub(crate) mod article_numbers;
mod citation;
mod error;
mod period;
mod rule_pack;
mod rule_packs;
#[cfg(test)]
mod tests;

pub use citation::{capitalised, join_vi};
pub use error::RulesError;
pub use period::{Period, PeriodUnit, due_date};
pub use rule_pack::{Complexity, ExtensionsAllowed, ResolutionRule, Rule, RulePack};
pub use rule_packs::RulePacks;
