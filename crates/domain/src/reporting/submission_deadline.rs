//! When a unit's report must reach the oversight unit.
//!
//! Only the annual report's date is known: the provincial plan implementing Directive
//! 27-CT/TW asks every agency to report "trước ngày 15/12 (qua Ban Nội chính Tỉnh ủy)".
//! The other dates under Circular 01/2024/TT-TTCP are UNVERIFIED (DOMAIN.md §5, §9 item
//! 3): they are a setting, and every screen marks them as unconfirmed.

use chrono::{Days, NaiveDate};

use super::report_period::{PeriodKind, ReportPeriod};

/// The annual report's legal basis, as the seed plan words it.
const ANNUAL_BASIS: &str = "Kế hoạch thực hiện Chỉ thị 27-CT/TW, mục III.1: báo cáo trước ngày \
                            15/12 (qua Ban Nội chính Tỉnh ủy)";
const UNVERIFIED_BASIS: &str = "Thông tư 01/2024/TT-TTCP: hạn gửi chưa được kiểm chứng";

/// A submission is on time if it arrives on a day before `before`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionDeadline {
    /// The first day that is late.
    pub before: NaiveDate,
    /// `false` when the date is a configured guess (UNVERIFIED).
    pub verified: bool,
    /// Where the date comes from.
    pub basis: &'static str,
}

impl SubmissionDeadline {
    /// Whether a report submitted on `submitted_on` (a date in Vietnam) is on time.
    pub fn is_met_by(&self, submitted_on: NaiveDate) -> bool {
        submitted_on < self.before
    }

    /// Whether the deadline has passed on `today`.
    pub fn has_passed(&self, today: NaiveDate) -> bool {
        today >= self.before
    }

    /// "trước ngày 15/12/2026", with "(chưa kiểm chứng)" when unverified.
    pub fn label_vi(&self) -> String {
        let mark = if self.verified {
            ""
        } else {
            " (chưa kiểm chứng)"
        };
        format!("trước ngày {}{mark}", self.before.format("%d/%m/%Y"))
    }

    /// "before 15/12/2026", with "(unverified)" when unverified.
    pub fn label_en(&self) -> String {
        let mark = if self.verified { "" } else { " (unverified)" };
        format!("before {}{mark}", self.before.format("%d/%m/%Y"))
    }
}

/// The deadlines of every period; the unverified ones are a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmissionDeadlines {
    /// For every report but the annual one: the first late day is this many days after
    /// the data cut-off (UNVERIFIED; 6 makes a Q1 report due before 20/03).
    pub unverified_days_after_cutoff: u32,
}

impl Default for SubmissionDeadlines {
    fn default() -> Self {
        SubmissionDeadlines {
            unverified_days_after_cutoff: 6,
        }
    }
}

impl SubmissionDeadlines {
    /// The deadline of `period`'s report.
    pub fn of(&self, period: ReportPeriod) -> SubmissionDeadline {
        match period.kind() {
            PeriodKind::Annual => SubmissionDeadline {
                // The data run to 14/12; the report is due before the 15th.
                before: period.ends_on() + Days::new(1),
                verified: true,
                basis: ANNUAL_BASIS,
            },
            _ => SubmissionDeadline {
                before: period.ends_on()
                    + Days::new(u64::from(self.unverified_days_after_cutoff.max(1))),
                verified: false,
                basis: UNVERIFIED_BASIS,
            },
        }
    }
}
