//! The review of a report found false, for the API and the console: members of the
//! case's unit read it; its head decides whether the report was deliberate and,
//! only then, recommends handling (LTC Art. 8(10), 44(1)(c); NĐ31 Art. 23).
//! Nothing here touches the reporter's protection (LTC Art. 54(2)).

use chrono::Utc;
use khien_domain::accounts::Role;
use khien_domain::outcomes::{HandlingBasis, HandlingKind, checked_note};
use khien_store::outcomes::StoredFalseReportReview;

use super::event_follow_up::sync_outcome_records;
use super::outcome_failure::outcome_failure;
use crate::case_access::{OpenedCase, open_case, visible_case};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The case's reviews, oldest first, for a member of its unit.
pub async fn false_report_reviews(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<(OpenedCase, Vec<StoredFalseReportReview>), AppError> {
    let opened = open_case(state, staff, case_id, "false_report_review").await?;
    let reviews = state
        .store
        .false_report_reviews(&opened.summary.id, Some(&opened.case_key))
        .await
        .map_err(outcome_failure)?;
    Ok((opened, reviews))
}

/// The case opened by the head of its unit; 404 for those who may not know it,
/// 403 for its other members.
async fn opened_by_head(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<OpenedCase, AppError> {
    visible_case(state, staff, case_id).await?;
    if !staff.has_role(Role::Head) {
        return Err(AppError::Forbidden);
    }
    let opened = open_case(state, staff, case_id, "false_report_review").await?;
    // A review the conclusion's follow-up missed is opened now.
    sync_outcome_records(state, &staff.actor(), &opened.summary, &opened.case_key).await?;
    Ok(opened)
}

fn note(text: &str) -> Result<Option<String>, AppError> {
    checked_note(text).map_err(|errors| AppError::InvalidReport(errors.iter().cloned().collect()))
}

/// The head decides whether the case's (latest) false report was deliberate.
pub async fn decide_false_report(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    deliberate: Option<bool>,
    note_text: &str,
) -> Result<(), AppError> {
    let opened = opened_by_head(state, staff, case_id).await?;
    let deliberate = deliberate.ok_or(AppError::BadRequest {
        field: Some("deliberate"),
        message: "cho biết có cố ý tố cáo sai sự thật hay không (true/false) / say whether the \
                  report was knowingly false (true/false)"
            .into(),
    })?;
    let note = note(note_text)?;
    state
        .store
        .decide_false_report(
            &staff.user.id,
            &opened.summary.id,
            deliberate,
            note.as_deref(),
            &opened.case_key,
            Utc::now(),
        )
        .await
        .map_err(outcome_failure)
}

/// The head recommends handling, with its legal basis: refused unless the report
/// was found deliberate.
pub async fn recommend_handling(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    handling: &str,
    legal_basis: &str,
    note_text: &str,
) -> Result<(), AppError> {
    let opened = opened_by_head(state, staff, case_id).await?;
    let kind = HandlingKind::parse(handling).ok_or_else(|| AppError::BadRequest {
        field: Some("handling"),
        message: format!(
            "hình thức xử lý là một trong / the handling is one of: {}",
            HandlingKind::ALL.map(HandlingKind::as_str).join(", ")
        ),
    })?;
    let basis = HandlingBasis::parse(legal_basis).ok_or_else(|| AppError::BadRequest {
        field: Some("legal_basis"),
        message: format!(
            "căn cứ pháp lý là một trong / the legal basis is one of: {}",
            HandlingBasis::ALL.map(HandlingBasis::as_str).join(", ")
        ),
    })?;
    let note = note(note_text)?;
    state
        .store
        .recommend_false_report_handling(
            &staff.user.id,
            &opened.summary.id,
            kind,
            basis,
            note.as_deref(),
            &opened.case_key,
            Utc::now(),
        )
        .await
        .map_err(outcome_failure)
}
