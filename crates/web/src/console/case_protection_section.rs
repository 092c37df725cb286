//! The protection section of the console's case page: each request's status
//! and deadlines with the days left, and a link to the case's protection
//! page where they are decided.

use khien_store::intake::CaseId;
use khien_vault::symmetric::DataKey;

use crate::language::Language;
use crate::protection::case_protection::case_protection;
use crate::protection::lines::{DeadlineLine, deadline_line};
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// One request in the section.
pub struct SectionRequest {
    /// Its id (the anchor on the protection page).
    pub id: String,
    /// The day it was made.
    pub date: String,
    /// An emergency.
    pub urgent: bool,
    /// Where it stands.
    pub status: String,
    /// Its deadlines.
    pub deadlines: Vec<DeadlineLine>,
}

/// What the case page shows of protection.
pub struct ProtectionSection {
    /// The requests, oldest first.
    pub requests: Vec<SectionRequest>,
}

/// The section for a case opened with its key.
pub async fn protection_section(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<ProtectionSection, AppError> {
    let protection = case_protection(state, case_id, case_key, today_in_vietnam()).await?;
    Ok(ProtectionSection {
        requests: protection
            .requests
            .iter()
            .map(|view| SectionRequest {
                id: view.stored.id.clone(),
                date: view.stored.received_on.format("%d/%m/%Y").to_string(),
                urgent: view.stored.urgent,
                status: view.status(lang),
                deadlines: view
                    .deadlines
                    .iter()
                    .map(|d| deadline_line(lang, d))
                    .collect(),
            })
            .collect(),
    })
}
