//! The associated data binding each disclosure ciphertext to its place.

use crate::accounts::UserId;
use crate::intake::{CaseId, IdentityRequestId};

/// A request's key, sealed to one holder.
pub(crate) fn request_key(request: &IdentityRequestId, holder: &UserId) -> Vec<u8> {
    format!("khien/identity-request/{request}/request-key/{holder}").into_bytes()
}

/// A request's details and purpose.
pub(crate) fn request_text(case_id: &CaseId, request: &IdentityRequestId) -> Vec<u8> {
    format!("khien/case/{case_id}/identity-request/{request}/text").into_bytes()
}

/// One custodian's reason for their decision.
pub(crate) fn decision_reason(
    case_id: &CaseId,
    request: &IdentityRequestId,
    custodian: &UserId,
) -> Vec<u8> {
    format!("khien/case/{case_id}/identity-request/{request}/decision/{custodian}").into_bytes()
}
