//! The console's protection forms: a request made in person or by phone
//! (`POST /staff/cases/{id}/protection/requests`), and a step on a request
//! (`POST /staff/protection-requests/{id}/actions`: confirm, assess, decide,
//! end). A refusal (400, 409) comes back on the case's protection page with
//! the fields named; success goes back to the request. Also the printable
//! protection file (`GET /staff/cases/{id}/protection/file`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::protection::{
    DecisionDraft, ProtectedPerson, ProtectionAssessment, RequestDraft,
};
use serde::Deserialize;

use super::case_protection_page::protection_page;
use super::page_error::{PageError, page};
use crate::language::Language;
use crate::portal::protection::id_number_boxes;
use crate::protection::access::request_case;
use crate::protection::protection_file::{protection_file, protection_file_page};
use crate::protection::staff_actions::{
    EndDraft, SpokenRequest, assess, confirm, decide, end, record_request,
};
use crate::staff_session::{CsrfForm, Staff};
use crate::{AppError, AppState};

/// The spoken request's fields.
#[derive(Deserialize)]
pub struct SpokenRequestForm {
    #[serde(default)]
    channel: String,
    #[serde(default)]
    received_on: String,
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

/// A step's fields (each step reads its own).
#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    confirmed_on: String,
    #[serde(default)]
    corruption_or_waste: Option<String>,
    #[serde(default)]
    complex: Option<String>,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    measures: Vec<String>,
    #[serde(default)]
    other_measures: String,
    #[serde(default)]
    implemented_by: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    check_in_every_days: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    ended_on: String,
    #[serde(default)]
    note: String,
}

fn to_request(lang: Language, case_id: &str, request_id: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            LOCATION,
            format!(
                "/staff/cases/{case_id}/protection{}#request-{request_id}",
                lang.query()
            ),
        )],
    )
        .into_response()
}

/// A refusal as a message on the page: every field named.
fn refusal_message(lang: Language, error: &AppError) -> Option<String> {
    match error {
        AppError::InvalidReport(errors) => Some(
            errors
                .iter()
                .map(|e| format!("{}: {}", e.field, lang.pick(&e.message_vi, &e.message_en)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        AppError::Conflict { .. } | AppError::BadRequest { .. } => Some(error.to_string()),
        _ => None,
    }
}

/// The page again with the refusal, or the error page.
async fn refused(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    case_id: &str,
    error: AppError,
) -> Result<Response, PageError> {
    match refusal_message(lang, &error) {
        Some(message) => {
            protection_page(state, lang, staff, case_id, error.status(), Some(message))
                .await
                .map_err(page(lang))
        }
        None => Err(PageError::new(error, lang)),
    }
}

/// Records a request made in person or by phone.
pub async fn record(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<SpokenRequestForm>,
) -> Result<Response, PageError> {
    let id_numbers = id_number_boxes([
        (ProtectedPerson::Myself, form.id_numbers_self.as_str()),
        (ProtectedPerson::Spouse, form.id_numbers_spouse.as_str()),
        (ProtectedPerson::Parent, form.id_numbers_parent.as_str()),
        (ProtectedPerson::Child, form.id_numbers_child.as_str()),
    ]);
    let spoken = SpokenRequest {
        draft: RequestDraft {
            persons: &form.persons,
            interests: &form.interests,
            situation: &form.situation,
            urgent: form.urgent.is_some(),
            id_numbers: &id_numbers,
        },
        channel: &form.channel,
        received_on: &form.received_on,
    };
    match record_request(&state, &staff, &id, &spoken).await {
        Ok((opened, request_id)) => Ok(to_request(lang, opened.summary.id.as_str(), &request_id)),
        Err(error) => refused(&state, lang, &staff, &id, error).await,
    }
}

/// A step on a request.
pub async fn act(
    State(state): State<AppState>,
    lang: Language,
    Path(request_id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<StepForm>,
) -> Result<Response, PageError> {
    let case_id = request_case(&state, &request_id)
        .await
        .map_err(page(lang))?;
    let done = match form.action.as_str() {
        "confirm" => confirm(&state, &staff, &request_id, &form.confirmed_on)
            .await
            .map(|_| ()),
        "assess" => assess(
            &state,
            &staff,
            &request_id,
            ProtectionAssessment {
                corruption_or_waste: form.corruption_or_waste.is_some(),
                complex: form.complex.is_some(),
            },
        )
        .await
        .map(|_| ()),
        "decide" => {
            let draft = DecisionDraft {
                outcome: form.outcome.clone(),
                body: form.body.clone(),
                decided_on: form.decided_on.clone(),
                measures: form.measures.clone(),
                other_measures: form.other_measures.clone(),
                implemented_by: form.implemented_by.clone(),
                starts_on: form.starts_on.clone(),
                check_in_every_days: form.check_in_every_days.clone(),
                reasons: form.reasons.clone(),
            };
            decide(&state, &staff, &request_id, &draft)
                .await
                .map(|_| ())
        }
        "end" => end(
            &state,
            &staff,
            &request_id,
            &EndDraft {
                reason: &form.reason,
                ended_on: &form.ended_on,
                note: &form.note,
            },
        )
        .await
        .map(|_| ()),
        _ => Err(AppError::BadRequest {
            field: Some("action"),
            message: "bước không hợp lệ / unknown step".into(),
        }),
    };
    match done {
        Ok(()) => Ok(to_request(lang, &case_id, &request_id)),
        Err(error) => refused(&state, lang, &staff, &case_id, error).await,
    }
}

/// The case's protection file, printable.
pub async fn file(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let file = protection_file(&state, &staff, &id)
        .await
        .map_err(page(lang))?;
    Ok(protection_file_page(&file, &staff, lang))
}
