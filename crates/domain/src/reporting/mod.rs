//! Periodic reports (Circular 01/2024/TT-TTCP; the provincial plan implementing
//! Directive 27-CT/TW): the periods and their data cut-offs, when a unit's report is
//! due, and the figures computed from the cases' redacted histories.
//!
//! Everything is computed, never typed in: a unit's figures are the sum of what each
//! case adds ([`case_indicators`]), and a superior's the sum of its units'.
//!
//! ```
//! use khien_domain::reporting::{ReportPeriod, SubmissionDeadlines};
//!
//! let period: ReportPeriod = "2026-annual".parse().unwrap();
//! assert_eq!(period.starts_on().to_string(), "2025-12-15");
//! assert_eq!(period.ends_on().to_string(), "2026-12-14");
//! let deadline = SubmissionDeadlines::default().of(period);
//! assert_eq!(deadline.label_vi(), "trước ngày 15/12/2026");
//! ```

mod case_figures;
mod case_outcome;
mod case_share;
mod indicator_lines;
mod indicators;
mod narrative;
mod period_error;
mod report_period;
mod submission_deadline;
#[cfg(test)]
mod tests;

pub use case_figures::{FiguresError, case_indicators};
pub use case_share::CaseShare;
pub use indicator_lines::{INDICATOR_LINES, IndicatorLine};
pub use indicators::Indicators;
pub use narrative::{
    NARRATIVE_MAX_CHARS, Narrative, NarrativeError, REASON_MAX_CHARS, RevisionReason,
};
pub use period_error::PeriodError;
pub use report_period::{PeriodKind, ReportPeriod};
pub use submission_deadline::{SubmissionDeadline, SubmissionDeadlines};
