//! Periodic reports: each unit's figures for a period, computed from the redacted
//! histories of its cases (no key needed), and the reports unit heads submit.
//!
//! | table | in clear |
//! |---|---|
//! | `report_submissions` | unit, period, revision, the figures as JSON, the narrative, the reason for a revision, who and when |
//!
//! The narrative is the unit's own account of its work under the plan (never case
//! content); the audit chain records only ids, period and revision.

mod case_histories;
mod reporting_error;
mod submissions;
mod unit_indicators;

pub use reporting_error::ReportingError;
pub use submissions::{NewReportSubmission, ReportSubmission, ReportSubmissionId};
pub use unit_indicators::UnitIndicators;
