//! The case file (hồ sơ) as its history: events, their fold, and the deadlines that
//! follow from them (DESIGN.md §3).
//!
//! A case is an append-only list of [`CaseEvent`]s. Its [`CaseState`] is
//! [`fold`]ed from them with [`apply`], which refuses an event that would break the
//! procedure with a [`Rejection`] naming the rule. [`deadlines`] derives every step's due
//! date from the state, the rule pack in force on the receipt date and the calendar.
//! Nothing here stores what can be recomputed, reads a clock or does I/O: "today" and
//! the rule packs come in a [`FoldContext`].
//!
//! The tracks:
//! - denunciation: received → classified → accepted (LTC Art. 29) / not accepted /
//!   forwarded once (Art. 24(2)) / transferred (criminal signs, Art. 27) / handled as
//!   information → verification → extensions by complexity (Art. 30; NĐ31 Art. 3) and
//!   suspensions (Art. 34) → termination (Art. 33–34) or conclusion (Art. 35) → handling
//!   (Art. 36) → publication (Art. 40; NĐ31 Art. 6) → closed; a re-denunciation
//!   (Art. 37) opens a review at the superior, which closes it or re-resolves;
//! - anonymous reports: information for inspection (Art. 25), no LTC deadlines;
//! - reflections and petitions: a reply within 10 WD (Citizen Reception Law Art. 28).
//!
//! ```
//! use chrono::NaiveDate;
//! use khien_calendar::Calendar;
//! use khien_domain::case_file::{CaseEvent, DeadlineKind, FoldContext, deadlines, fold};
//! use khien_domain::intake::{Channel, ReportKind};
//! use khien_domain::rules::RulePacks;
//!
//! let day = |s: &str| s.parse::<NaiveDate>().unwrap();
//! let packs = RulePacks::builtin();
//! let context = FoldContext::new(day("2025-01-24"), packs);
//! let events = [CaseEvent::Received {
//!     on: day("2025-01-24"),
//!     kind: ReportKind::Denunciation,
//!     channel: Channel::Web,
//!     anonymous: false,
//!     received_on: day("2025-01-24"),
//! }];
//! let state = fold(&events, &context).unwrap();
//! let due = deadlines(&state, packs, &Calendar::builtin(), day("2025-01-24")).unwrap();
//! assert_eq!(due[0].kind, DeadlineKind::Acceptance);
//! assert_eq!(due[0].due, day("2025-02-11")); // 7 working days across Tết 2025
//! ```

mod acceptance_conditions;
mod after_conclusion;
mod apply;
mod classification;
mod complexity_criterion;
mod criminal_authority;
mod deadline;
mod deadline_words;
mod deadlines;
mod event;
mod finding;
mod fold_context;
mod intake_steps;
mod notice;
mod redaction;
mod rejection;
mod rejection_vi;
mod resolution_due;
mod resolution_steps;
mod stage_words;
mod state;
mod termination_ground;
#[cfg(test)]
mod tests;
mod unit_code;

pub use acceptance_conditions::AcceptanceConditions;
pub use apply::{apply, fold};
pub use classification::Classification;
pub use complexity_criterion::{ComplexityCriterion, complexity_of};
pub use criminal_authority::CriminalAuthority;
pub use deadline::{Deadline, DeadlineError, DeadlineKind};
pub use deadlines::deadlines;
pub use event::CaseEvent;
pub use finding::Finding;
pub use fold_context::FoldContext;
pub use notice::Notice;
pub use redaction::SEALED_TEXT;
pub use rejection::Rejection;
pub use stage_words::PublicStage;
pub use state::{
    CaseState, Conclusion, IntakeDecision, IntakeOutcome, ReDenunciation, Receipt, Resolution,
    Stage, Suspension, Termination, Transfer, Verification,
};
pub use termination_ground::{TerminationGround, WithdrawalException};
