//! Who has submitted a period's report, on time or late, and who has not.

use khien_domain::reporting::{ReportPeriod, SubmissionDeadline, SubmissionDeadlines};
use khien_store::accounts::Unit;
use khien_store::reporting::ReportSubmission;

use super::report_access::ReportScope;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// Where a unit's report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Submitted before the deadline.
    OnTime,
    /// Submitted on or after the deadline.
    Late,
    /// Not submitted; the deadline has not passed yet.
    Awaited,
    /// Not submitted and the deadline has passed.
    Missing,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTime => "on_time",
            Status::Late => "late",
            Status::Awaited => "awaited",
            Status::Missing => "missing",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Status::OnTime => "Đã gửi đúng hạn",
            Status::Late => "Gửi muộn",
            Status::Awaited => "Chưa gửi (còn hạn)",
            Status::Missing => "Chưa gửi (quá hạn)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::OnTime => "Submitted on time",
            Status::Late => "Submitted late",
            Status::Awaited => "Not yet submitted",
            Status::Missing => "Missing (deadline passed)",
        }
    }
}

/// One unit's report for the period.
pub struct UnitSubmission {
    pub unit: Unit,
    pub submission: Option<ReportSubmission>,
    pub status: Status,
}

/// The deadline of `period` (the annual one from the plan; the others UNVERIFIED).
pub fn deadline_of(period: ReportPeriod) -> SubmissionDeadline {
    SubmissionDeadlines::default().of(period)
}

/// Every unit of the scope with its latest submission and status.
pub async fn scope_submissions(
    state: &AppState,
    scope: &ReportScope,
    period: ReportPeriod,
) -> Result<Vec<UnitSubmission>, AppError> {
    let ids: Vec<_> = scope.units.iter().map(|u| u.id.clone()).collect();
    let mut latest = state
        .store
        .latest_submissions(&ids, period)
        .await
        .map_err(AppError::internal)?;
    let deadline = deadline_of(period);
    let today = today_in_vietnam();
    Ok(scope
        .units
        .iter()
        .map(|unit| {
            let submission = latest
                .iter()
                .position(|s| s.unit_id == unit.id)
                .map(|at| latest.swap_remove(at));
            let status = match &submission {
                Some(s) => {
                    let on = (s.submitted_at + chrono::Duration::hours(7)).date_naive();
                    if deadline.is_met_by(on) {
                        Status::OnTime
                    } else {
                        Status::Late
                    }
                }
                None if deadline.has_passed(today) => Status::Missing,
                None => Status::Awaited,
            };
            UnitSubmission {
                unit: unit.clone(),
                submission,
                status,
            }
        })
        .collect())
}
