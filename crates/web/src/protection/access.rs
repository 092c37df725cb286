//! Who may do what with protection, and reaching a request's case.
//!
//! Every member of the handling unit with a case role sees a case's
//! protection, as they see its page. Protection officers, handlers and the
//! head record requests made in person or by phone and their written
//! confirmation; protection officers and the head assess, decide and end
//! measures, and read the protection file and the unit's board.

use khien_domain::accounts::Role;
use khien_store::protection::ProtectionError;

use crate::case_access::{OpenedCase, open_case, visible_case};
use crate::staff_session::{RoleRequirement, Staff};
use crate::{AppError, AppState};

/// Who records spoken requests and their written confirmation.
pub const RECORDERS: &[Role] = &[Role::Protection, Role::Handler, Role::Head];

/// Who assesses, decides, ends measures, and reads the protection file.
pub const DECIDERS: &[Role] = &[Role::Protection, Role::Head];

/// The unit's protection officers and its head (the board).
pub struct ProtectionLeads;
impl RoleRequirement for ProtectionLeads {
    const ROLES: &'static [Role] = DECIDERS;
}

/// Opens a case for a protection step: 404 unless the case is visible, 403
/// for a superior or a member without one of `roles`; the read is audited as
/// `what`.
pub async fn open_for(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    roles: &[Role],
    what: &str,
) -> Result<OpenedCase, AppError> {
    visible_case(state, staff, case_id).await?;
    if !roles.iter().any(|role| staff.has_role(*role)) {
        return Err(AppError::Forbidden);
    }
    open_case(state, staff, case_id, what).await
}

/// The case of a request from a path: 404 for anything that is not one.
pub async fn request_case(state: &AppState, request_id: &str) -> Result<String, AppError> {
    let well_formed = request_id.len() == 32
        && request_id
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !well_formed {
        return Err(AppError::NotFound);
    }
    state
        .store
        .protection_request_case(request_id)
        .await?
        .map(|case_id| case_id.to_string())
        .ok_or(AppError::NotFound)
}

/// A protection failure as the user sees it.
pub fn protection_failure(error: ProtectionError) -> AppError {
    let conflict = |field, message: &str| AppError::Conflict {
        field: Some(field),
        message: message.to_owned(),
    };
    match error {
        ProtectionError::NotFound => AppError::NotFound,
        ProtectionError::AlreadyDecided => conflict(
            "request",
            "Đề nghị này đã có quyết định. / This request has already been decided.",
        ),
        ProtectionError::NotRunning => conflict(
            "request",
            "Không có biện pháp bảo vệ nào đang áp dụng cho đề nghị này. / No measures are running for this request.",
        ),
        ProtectionError::AlreadyEnded => conflict(
            "request",
            "Biện pháp bảo vệ đã chấm dứt. / The measures have already ended.",
        ),
        ProtectionError::AlreadyAnswered => conflict(
            "answer",
            "Bạn đã trả lời câu hỏi này. / You have already answered this question.",
        ),
        ProtectionError::NothingToConfirm => conflict(
            "request",
            "Đề nghị này không cần hoặc đã được xác nhận bằng văn bản. / This request needs no written confirmation, or already has it.",
        ),
        other => AppError::internal(other),
    }
}
