//! `/follow-up/protection`, `/follow-up/retaliation`: the reporter asks for
//! protection (LTC Arts 47–52) or reports retaliation, from the case page (which
//! also becomes a case of its own at the superior unit, with its own receipt).
//! Also the rows both the reporter's page and the staff case page list.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khien_domain::intake::FieldErrors;
use khien_domain::protection::{
    IdNumberDraft, ProtectedPerson, ProtectionRequest, RetaliationReport,
};
use khien_store::intake::CaseId;
use khien_vault::symmetric::DataKey;
use serde::Deserialize;

use crate::form_cookie;
use crate::intake_form::intake_failure;
use crate::language::Language;
use crate::outcomes::{AccusedOfRetaliation, report_retaliation_on_case};
use crate::portal::follow_up::case_page;
use crate::portal::retaliation::retaliation_receipt_page;
use crate::protection::case_protection::case_protection;
use crate::reporter_session::Reporter;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// One request for protection, as a page lists it.
pub struct ProtectionRow {
    /// The day it was sent (Vietnam).
    pub date: String,
    /// Who is to be protected, as labels.
    pub persons: String,
    /// What is to be protected, as labels.
    pub interests: String,
    /// Whose ID numbers were given, as labels (the numbers are never shown).
    pub id_numbers_for: String,
    /// The reporter's account.
    pub situation: String,
    /// An emergency.
    pub urgent: bool,
    /// Where it stands: awaiting a decision, protected since, refused, ended.
    pub status: String,
}

/// One report of retaliation, as a page lists it.
pub struct RetaliationRow {
    /// The day it was sent (Vietnam).
    pub date: String,
    /// When it happened, as the reporter put it.
    pub when: String,
    /// What happened.
    pub what_happened: String,
}

/// A case's requests for protection and reports of retaliation, decrypted,
/// labelled in `lang`.
pub async fn protection_rows(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(Vec<ProtectionRow>, Vec<RetaliationRow>), AppError> {
    let protection = case_protection(state, case_id, case_key, today_in_vietnam()).await?;
    let requests = protection
        .requests
        .iter()
        .map(|view| {
            let stored = &view.stored;
            ProtectionRow {
                date: stored.received_on.format("%d/%m/%Y").to_string(),
                persons: stored
                    .request
                    .persons
                    .iter()
                    .map(|p| lang.pick(p.label_vi(), p.label_en()))
                    .collect::<Vec<_>>()
                    .join("; "),
                interests: stored
                    .request
                    .interests
                    .iter()
                    .map(|i| lang.pick(i.label_vi(), i.label_en()))
                    .collect::<Vec<_>>()
                    .join("; "),
                id_numbers_for: stored
                    .request
                    .id_numbers
                    .iter()
                    .map(|entry| lang.pick(entry.person.label_vi(), entry.person.label_en()))
                    .collect::<Vec<_>>()
                    .join("; "),
                situation: stored.request.situation.clone(),
                urgent: stored.urgent,
                status: view.status(lang),
            }
        })
        .collect();
    let reports = state
        .store
        .retaliation_reports(case_id, case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .map(|stored| RetaliationRow {
            date: crate::vietnam_time::date_in_vietnam(stored.created_at),
            when: stored.report.when.clone(),
            what_happened: stored.report.what_happened.clone(),
        })
        .collect();
    Ok((requests, reports))
}

/// The protection form's fields (checkboxes repeat).
#[derive(Deserialize)]
pub struct ProtectionForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    persons: Vec<String>,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    urgent: Option<String>,
    #[serde(default, rename = "id_numbers.self")]
    id_numbers_self: String,
    #[serde(default, rename = "id_numbers.spouse")]
    id_numbers_spouse: String,
    #[serde(default, rename = "id_numbers.parent")]
    id_numbers_parent: String,
    #[serde(default, rename = "id_numbers.child")]
    id_numbers_child: String,
}

impl ProtectionForm {
    /// The ID numbers typed in the four boxes.
    fn id_numbers(&self) -> Vec<IdNumberDraft> {
        id_number_boxes([
            (ProtectedPerson::Myself, self.id_numbers_self.as_str()),
            (ProtectedPerson::Spouse, self.id_numbers_spouse.as_str()),
            (ProtectedPerson::Parent, self.id_numbers_parent.as_str()),
            (ProtectedPerson::Child, self.id_numbers_child.as_str()),
        ])
    }
}

/// The ID numbers typed in a form's box per person (several in a box
/// separated by commas or semicolons: two parents, several children); errors
/// name `id_numbers.<person>`. The console's form for spoken requests has the
/// same boxes.
pub(crate) fn id_number_boxes(boxes: [(ProtectedPerson, &str); 4]) -> Vec<IdNumberDraft> {
    boxes
        .into_iter()
        .flat_map(|(person, text)| {
            let field = format!("id_numbers.{}", person.as_str());
            text.split([',', ';'])
                .filter(|piece| !piece.trim().is_empty())
                .map(move |piece| IdNumberDraft::in_field(person, piece, &field))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The retaliation form's fields.
#[derive(Deserialize)]
pub struct RetaliationForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    accused_unit: String,
    #[serde(default)]
    accused_name: String,
    #[serde(default)]
    accused_position: String,
    #[serde(default)]
    what_happened: String,
    #[serde(default)]
    when: String,
}

fn expired(lang: Language) -> String {
    lang.pick(
        "Biểu mẫu đã hết hạn, hãy gửi lại.",
        "The form has expired; please send it again.",
    )
    .to_owned()
}

/// Refused fields as one line for the page, each named.
pub(crate) fn field_messages(lang: Language, errors: &FieldErrors) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, lang.pick(&e.message_vi, &e.message_en)))
        .collect::<Vec<_>>()
        .join(" ")
}

async fn again(
    state: &AppState,
    lang: Language,
    reporter: &Reporter,
    message: String,
) -> Result<Response, AppError> {
    case_page(
        state,
        lang,
        reporter,
        StatusCode::BAD_REQUEST,
        Some(message),
    )
    .await
}

fn back_to_case(lang: Language) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(LOCATION, format!("/follow-up/case{}", lang.query()))],
    )
        .into_response()
}

/// A request for protection from the reporter's page.
pub async fn request_protection(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    reporter: Reporter,
    body: Bytes,
) -> Result<Response, AppError> {
    let Ok(form) = serde_html_form::from_bytes::<ProtectionForm>(&body) else {
        return again(&state, lang, &reporter, expired(lang)).await;
    };
    if !form_cookie::matches(&headers, &form.csrf_token) {
        return again(&state, lang, &reporter, expired(lang)).await;
    }
    let request = match ProtectionRequest::parse(
        &form.persons,
        &form.interests,
        &form.situation,
        form.urgent.is_some(),
        &form.id_numbers(),
    ) {
        Ok(request) => request,
        Err(errors) => return again(&state, lang, &reporter, field_messages(lang, &errors)).await,
    };
    state
        .store
        .add_protection_request(
            &reporter.case_id,
            &request,
            &reporter.case_key,
            &state.server_secret,
            Utc::now(),
        )
        .await
        .map_err(intake_failure)?;
    Ok(back_to_case(lang))
}

/// A report of retaliation from the reporter's page.
pub async fn report_retaliation(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    reporter: Reporter,
    body: Bytes,
) -> Result<Response, AppError> {
    let Ok(form) = serde_html_form::from_bytes::<RetaliationForm>(&body) else {
        return again(&state, lang, &reporter, expired(lang)).await;
    };
    if !form_cookie::matches(&headers, &form.csrf_token) {
        return again(&state, lang, &reporter, expired(lang)).await;
    }
    let report = match RetaliationReport::parse(&form.what_happened, &form.when) {
        Ok(report) => report,
        Err(errors) => return again(&state, lang, &reporter, field_messages(lang, &errors)).await,
    };
    let accused = AccusedOfRetaliation {
        unit: form.accused_unit,
        name: form.accused_name,
        position: form.accused_position,
    };
    match report_retaliation_on_case(&state, &reporter, &report, &accused).await {
        Ok((_, Some(linked))) => Ok(retaliation_receipt_page(lang, &linked, true)),
        Ok((_, None)) => Ok(back_to_case(lang)),
        Err(AppError::InvalidReport(errors)) => match FieldErrors::from_vec(errors) {
            Some(errors) => again(&state, lang, &reporter, field_messages(lang, &errors)).await,
            None => Ok(back_to_case(lang)),
        },
        Err(other) => Err(other),
    }
}
