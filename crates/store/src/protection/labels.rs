//! The associated data binding each protection ciphertext to its case and row.

use crate::intake::CaseId;

/// One protection request.
pub(crate) fn protection_request(case_id: &CaseId, id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/protection-request/{id}").into_bytes()
}

/// One report of retaliation.
pub(crate) fn retaliation_report(case_id: &CaseId, id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/retaliation-report/{id}").into_bytes()
}
