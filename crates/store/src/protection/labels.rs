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

/// A decision on a protection request.
pub(crate) fn protection_decision(case_id: &CaseId, id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/protection-decision/{id}").into_bytes()
}

/// The note on the end of measures.
pub(crate) fn protection_end_note(case_id: &CaseId, id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/protection-decision/{id}/end-note").into_bytes()
}

/// The reporter's note with a check-in answer.
pub(crate) fn check_in_note(case_id: &CaseId, id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/protection-check-in/{id}/note").into_bytes()
}

/// What a protection alert is about.
pub(crate) fn alert_details(case_id: &CaseId, alert_id: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/alert/{alert_id}/details").into_bytes()
}
