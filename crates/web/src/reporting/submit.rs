//! A head submits their unit's report: the unit's own figures as they stand now,
//! frozen with the narrative.

use khien_domain::accounts::Role;
use khien_domain::reporting::{Narrative, ReportPeriod, RevisionReason};
use khien_store::reporting::{NewReportSubmission, ReportSubmission, ReportingError};

use crate::case_workflow::clock_context;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

fn bad(field: &'static str, message: String) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message,
    }
}

/// Records the head's report for their own unit.
pub async fn submit_report(
    state: &AppState,
    staff: &Staff,
    period: ReportPeriod,
    narrative: &str,
    reason: &str,
) -> Result<ReportSubmission, AppError> {
    if !staff.has_role(Role::Head) {
        return Err(AppError::Forbidden);
    }
    let narrative = Narrative::parse(narrative).map_err(|e| bad("narrative", e.to_string()))?;
    let reason = RevisionReason::parse(reason).map_err(|e| bad("reason", e.to_string()))?;
    let unit_id = staff.user.unit_id.clone();
    let figures = state
        .store
        .unit_indicators(
            std::slice::from_ref(&unit_id),
            period,
            &clock_context(state),
        )
        .await
        .map_err(AppError::internal)?;
    let indicators = figures.first().map(|f| f.indicators).unwrap_or_default();
    state
        .store
        .submit_unit_report(NewReportSubmission {
            unit_id: &unit_id,
            period,
            indicators,
            narrative: &narrative,
            reason: reason.as_ref(),
            submitted_by: &staff.user.id,
            now: chrono::Utc::now(),
        })
        .await
        .map_err(|error| match error {
            ReportingError::ReasonRequired { revision } => AppError::Conflict {
                field: Some("reason"),
                message: format!(
                    "đơn vị đã gửi báo cáo kỳ này (lần {revision}); ghi lý do để gửi thay / \
                     the unit already submitted this period's report (revision {revision}); \
                     give a reason to replace it"
                ),
            },
            other => AppError::internal(other),
        })
}
