//! The associated data binding each tripwire ciphertext to its place.

use super::{AlertId, ProtectedIdNumberId};
use crate::accounts::UnitId;
use crate::intake::CaseId;

/// Who a protected ID number belongs to, under the case key.
pub(crate) fn protected_person(case_id: &CaseId, id: &ProtectedIdNumberId) -> Vec<u8> {
    format!("khien/case/{case_id}/protected-id-number/{id}/person").into_bytes()
}

/// The HR officer's note, sealed to the alerted unit's key.
pub(crate) fn hr_note(unit_id: &UnitId, alert_id: &AlertId) -> Vec<u8> {
    format!("khien/unit/{unit_id}/alert/{alert_id}/hr-note").into_bytes()
}

/// The protection officer's review note, under the case key.
pub(crate) fn review_note(case_id: &CaseId, alert_id: &AlertId) -> Vec<u8> {
    format!("khien/case/{case_id}/alert/{alert_id}/review-note").into_bytes()
}
