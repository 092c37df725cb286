//! Who may take part in a disclosure, and what each refusal says.
//!
//! A case's identity requests belong to its handling unit: anyone else gets 404,
//! as for the case itself. Within the unit, handlers, heads and protection
//! officers ask; custodians decide; only the requester opens, and only with
//! enough approvals (until then, 403 with [`NOT_APPROVED_MESSAGE`]).

use chrono::{DateTime, Utc};
use khien_domain::accounts::Role;
use khien_domain::disclosure::{IdentityRequestText, LegalReason};
use khien_store::disclosure::{
    DisclosureError, NewIdentityRequest, REQUESTER_ROLES, RequestStatus,
};
use khien_store::intake::{CaseId, CaseSummary, IdentityRequestId};
use serde_json::{Value, json};

use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// What a staff member is told when they may not (yet) see the identity, in Vietnamese.
pub const NOT_APPROVED_VI: &str = "Chưa được xem danh tính người tố cáo: cần một yêu cầu của chính \
     bạn cho vụ việc này, còn hạn, được đủ số người giữ khóa đồng ý (Điều 56 Luật Tố cáo).";
/// The same in English.
pub const NOT_APPROVED_EN: &str = "You may not see the reporter's identity yet: it takes a request \
     of your own for this case, not expired, approved by enough custodians (Law on Denunciation, \
     Art. 56).";

/// Both, for the API.
pub fn not_approved_message() -> String {
    format!("{NOT_APPROVED_VI} / {NOT_APPROVED_EN}")
}

/// The case, if it is with the staff member's own unit; `NotFound` otherwise.
pub async fn case_of_own_unit(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<CaseSummary, AppError> {
    let case_id = CaseId::parse(case_id).ok_or(AppError::NotFound)?;
    state
        .store
        .case_summary(&case_id)
        .await?
        .filter(|summary| summary.unit_id == staff.user.unit_id)
        .ok_or(AppError::NotFound)
}

/// Whether the staff member may ask to see identities.
pub fn may_request(staff: &Staff) -> bool {
    REQUESTER_ROLES.iter().any(|role| staff.has_role(*role))
}

/// The case, if the staff member may ask about its reporter: `NotFound`
/// outside their unit, `Forbidden` without a requester role.
pub async fn requester_case(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<CaseSummary, AppError> {
    let summary = case_of_own_unit(state, staff, case_id).await?;
    if !may_request(staff) {
        return Err(AppError::Forbidden);
    }
    Ok(summary)
}

/// Records the staff member's request; it expires after the configured lifetime.
pub async fn ask_for_identity(
    state: &AppState,
    staff: &Staff,
    case: &CaseSummary,
    text: &IdentityRequestText,
    now: DateTime<Utc>,
) -> Result<IdentityRequestId, AppError> {
    state
        .store
        .request_identity(NewIdentityRequest {
            case_id: &case.id,
            requester: &staff.user.id,
            text,
            now,
            lifetime: state.identity_request_lifetime,
        })
        .await
        .map_err(disclosure_failure)
}

/// Custodians only.
pub fn require_custodian(staff: &Staff) -> Result<(), AppError> {
    if staff.has_role(Role::Custodian) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A disclosure step's refusal as the user sees it; the store's own failures
/// stay internal.
pub fn disclosure_failure(error: DisclosureError) -> AppError {
    let conflict = |message: &str| AppError::Conflict {
        field: None,
        message: message.to_owned(),
    };
    match error {
        DisclosureError::NotFound => AppError::NotFound,
        DisclosureError::NotPermitted | DisclosureError::NotApproved => AppError::Forbidden,
        DisclosureError::Invalid(errors) => {
            AppError::InvalidReport(errors.iter().cloned().collect())
        }
        DisclosureError::Anonymous => conflict(
            "Báo cáo này nặc danh: không có danh tính nào để mở. / \
             This report is anonymous: there is no identity to open.",
        ),
        DisclosureError::NoShares => conflict(
            "Khi tiếp nhận, đơn vị chưa có người giữ khóa: danh tính không mở được bằng khóa chia sẻ. / \
             The unit had no custodian when the report arrived: no custodian shares exist.",
        ),
        DisclosureError::Expired => conflict(
            "Yêu cầu đã hết hạn; hãy lập yêu cầu mới. / The request has expired; make a new one.",
        ),
        DisclosureError::Closed => conflict(
            "Yêu cầu đã được quyết định (đủ người đồng ý hoặc đã bị từ chối). / \
             The request has already been decided (approved or refused).",
        ),
        DisclosureError::AlreadyDecided => conflict(
            "Bạn đã cho ý kiến về yêu cầu này. / You have already decided on this request.",
        ),
        DisclosureError::OwnRequest => conflict(
            "Người giữ khóa không tự quyết định yêu cầu của chính mình. / \
             A custodian cannot decide on their own request.",
        ),
        DisclosureError::NoShare => conflict(
            "Bạn chưa giữ phần khóa của vụ việc này: cần chia lại khóa trước. / \
             You hold no share of this case yet: a re-share is needed first.",
        ),
        DisclosureError::RequesterChanged => conflict(
            "Khóa của người yêu cầu đã thay đổi hoặc tài khoản đã bị khóa: cần lập yêu cầu mới. / \
             The requester's keys changed or their account was disabled: a new request is needed.",
        ),
        other @ (DisclosureError::Store(_)
        | DisclosureError::Vault(_)
        | DisclosureError::Intake(_)) => AppError::internal(other),
    }
}

/// A code with its labels, as JSON shows a legal reason or a role.
pub fn labelled(code: &str, vi: &str, en: &str) -> Value {
    json!({ "code": code, "vi": vi, "en": en })
}

/// A legal reason as JSON.
pub fn reason_json(reason: LegalReason) -> Value {
    labelled(reason.as_str(), reason.label_vi(), reason.label_en())
}

/// A role as JSON.
pub fn role_json(role: Role) -> Value {
    labelled(role.as_str(), role.label_vi(), role.label_en())
}

/// A request's status as JSON.
pub fn status_json(status: RequestStatus) -> Value {
    labelled(status.as_str(), status.label_vi(), status.label_en())
}
