//! The associated data binding each ciphertext of this module to its case, row and
//! place, so that one cannot be moved into another.

use crate::intake::CaseId;

/// A note on a false-report review (`decision` or `handling`).
pub(crate) fn review_note(case_id: &CaseId, review_id: &str, which: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/false-report-review/{review_id}/{which}").into_bytes()
}

/// A reward proposal's grounds, or the head's note on it.
pub(crate) fn reward_text(case_id: &CaseId, reward_id: &str, which: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/reward/{reward_id}/{which}").into_bytes()
}
