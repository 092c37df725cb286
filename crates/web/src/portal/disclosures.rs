//! Every disclosure of the reporter's identity, as the reporter is told it
//! (DESIGN §4): to which role, in which unit, on which legal ground, on which
//! day — never a name. For the follow-up page and `/api/v1/whistleblower/report`.

use khien_store::disclosure::Disclosure;
use khien_store::intake::CaseId;
use serde_json::{Value, json};

use crate::disclosure_access::{reason_json, role_json};
use crate::language::Language;
use crate::{AppError, AppState};

/// One disclosure as the follow-up page lists it.
pub struct DisclosureRow {
    /// The day k custodians agreed (Vietnam).
    pub date: String,
    /// The requester's role.
    pub role: &'static str,
    /// Their unit.
    pub unit: String,
    /// The legal ground.
    pub reason: &'static str,
    /// Whether the requester has opened it.
    pub opened: bool,
}

/// The case's disclosures, oldest first.
async fn disclosures(state: &AppState, case_id: &CaseId) -> Result<Vec<Disclosure>, AppError> {
    Ok(state.store.identity_disclosures(case_id).await?)
}

/// The rows of the follow-up page, labelled in `lang`.
pub async fn disclosure_rows(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
) -> Result<Vec<DisclosureRow>, AppError> {
    Ok(disclosures(state, case_id)
        .await?
        .into_iter()
        .map(|told| DisclosureRow {
            date: crate::vietnam_time::date_in_vietnam(told.approved_at),
            role: lang.pick(
                told.requester_role.label_vi(),
                told.requester_role.label_en(),
            ),
            unit: told.unit_name,
            reason: lang.pick(told.legal_reason.label_vi(), told.legal_reason.label_en()),
            opened: told.opened,
        })
        .collect())
}

/// The `disclosures` list of the reporter's API.
pub async fn disclosures_json(state: &AppState, case_id: &CaseId) -> Result<Value, AppError> {
    Ok(json!(
        disclosures(state, case_id)
            .await?
            .iter()
            .map(|told| json!({
                "role": role_json(told.requester_role),
                "unit": told.unit_name,
                "legal_reason": reason_json(told.legal_reason),
                "date": (told.approved_at + chrono::Duration::hours(7)).date_naive().to_string(),
                "opened": told.opened,
            }))
            .collect::<Vec<_>>()
    ))
}
