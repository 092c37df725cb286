//! Protection on the API, for staff: the unit's board
//! (`GET /api/v1/protection-requests`), a case's protection with routing,
//! deadlines and days left (`GET /api/v1/cases/{id}/protection`), a request
//! made in person or by phone (`POST /api/v1/cases/{id}/protection-requests`),
//! the steps on a request (`POST /api/v1/protection-requests/{id}/…`:
//! `confirmation`, `assessment`, `decision`, `end`), and the protection file
//! (`GET /api/v1/cases/{id}/protection-file`, JSON or `?format=html`).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use khien_domain::protection::{DecisionDraft, ProtectionAssessment, RequestDraft};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use super::whistleblower::{IdNumberBody, id_number_drafts};
use crate::case_access::{CASE_ROLES, OpenedCase};
use crate::language::Language;
use crate::protection::access::{ProtectionLeads, open_for};
use crate::protection::case_protection::case_protection;
use crate::protection::protection_file::{
    protection_file, protection_file_json, protection_file_page,
};
use crate::protection::protection_json::{case_protection_json, request_view_json};
use crate::protection::staff_actions::{
    EndDraft, SpokenRequest, assess, confirm, decide, end as end_measures, record_request,
};
use crate::protection::unit_board::{BoardEntry, unit_board};
use crate::staff_session::{Staff, WithRole};
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

fn board_entry_json(entry: &BoardEntry) -> Value {
    json!({
        "case": { "id": entry.case_id.as_str(), "tracking_number": entry.tracking_number },
        "request": request_view_json(&entry.view),
    })
}

/// The unit's requests awaiting a decision (urgent first, then by due date)
/// and its measures running.
pub async fn board(
    State(state): State<AppState>,
    lead: WithRole<ProtectionLeads>,
) -> Result<Json<Value>, AppError> {
    let board = unit_board(&state, &lead.staff).await?;
    Ok(Json(json!({
        "awaiting": board.awaiting.iter().map(board_entry_json).collect::<Vec<_>>(),
        "running": board.running.iter().map(board_entry_json).collect::<Vec<_>>(),
    })))
}

/// A case's protection.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let opened = open_for(&state, &staff, &id, &CASE_ROLES, "protection").await?;
    let protection = case_protection(
        &state,
        &opened.summary.id,
        &opened.case_key,
        today_in_vietnam(),
    )
    .await?;
    Ok(Json(case_protection_json(&protection)))
}

/// The request, as it now stands.
async fn request_now(
    state: &AppState,
    opened: &OpenedCase,
    request_id: &str,
) -> Result<Value, AppError> {
    let protection = case_protection(
        state,
        &opened.summary.id,
        &opened.case_key,
        today_in_vietnam(),
    )
    .await?;
    protection
        .request(request_id)
        .map(request_view_json)
        .ok_or(AppError::NotFound)
}

/// `POST /api/v1/cases/{id}/protection-requests` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpokenRequestBody {
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
    urgent: bool,
    #[serde(default)]
    id_numbers: Vec<IdNumberBody>,
}

/// Records a request made in person or by phone; 201 with the request.
pub async fn record(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SpokenRequestBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let id_numbers = id_number_drafts(&body.id_numbers);
    let spoken = SpokenRequest {
        draft: RequestDraft {
            persons: &body.persons,
            interests: &body.interests,
            situation: &body.situation,
            urgent: body.urgent,
            id_numbers: &id_numbers,
        },
        channel: &body.channel,
        received_on: &body.received_on,
    };
    let (opened, request_id) = record_request(&state, &staff, &id, &spoken).await?;
    Ok((
        StatusCode::CREATED,
        Json(request_now(&state, &opened, &request_id).await?),
    ))
}

/// `POST /api/v1/protection-requests/{id}/confirmation` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmationBody {
    #[serde(default)]
    confirmed_on: String,
}

/// Records the written confirmation of a spoken request.
pub async fn confirmation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConfirmationBody>,
) -> Result<Json<Value>, AppError> {
    let opened = confirm(&state, &staff, &id, &body.confirmed_on).await?;
    Ok(Json(request_now(&state, &opened, &id).await?))
}

/// `POST /api/v1/protection-requests/{id}/assessment` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentBody {
    #[serde(default = "yes")]
    corruption_or_waste: bool,
    #[serde(default)]
    complex: bool,
}

fn yes() -> bool {
    true
}

/// Records the assessment that picks the police's time limit.
pub async fn assessment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssessmentBody>,
) -> Result<Json<Value>, AppError> {
    let opened = assess(
        &state,
        &staff,
        &id,
        ProtectionAssessment {
            corruption_or_waste: body.corruption_or_waste,
            complex: body.complex,
        },
    )
    .await?;
    Ok(Json(request_now(&state, &opened, &id).await?))
}

/// `POST /api/v1/protection-requests/{id}/decision` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
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
    check_in_every_days: Option<Value>,
    #[serde(default)]
    reasons: String,
}

/// Records the decision: measures or a refusal; 201 with the request.
pub async fn decision(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let draft = DecisionDraft {
        outcome: body.outcome,
        body: body.body,
        decided_on: body.decided_on,
        measures: body.measures,
        other_measures: body.other_measures,
        implemented_by: body.implemented_by,
        starts_on: body.starts_on,
        // A number or a string of digits; anything else is refused by the parser.
        check_in_every_days: match body.check_in_every_days {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => text,
            Some(Value::Number(number)) => number.to_string(),
            Some(_) => "-".to_owned(),
        },
        reasons: body.reasons,
    };
    let (opened, _) = decide(&state, &staff, &id, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(request_now(&state, &opened, &id).await?),
    ))
}

/// `POST /api/v1/protection-requests/{id}/end` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndBody {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    ended_on: String,
    #[serde(default)]
    note: String,
}

/// Ends the measures (LTC Art. 54(2)); the tripwire stops matching the
/// request's persons after the last day.
pub async fn end(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EndBody>,
) -> Result<Json<Value>, AppError> {
    let (opened, ended) = end_measures(
        &state,
        &staff,
        &id,
        &EndDraft {
            reason: &body.reason,
            ended_on: &body.ended_on,
            note: &body.note,
        },
    )
    .await?;
    let mut value = request_now(&state, &opened, &id).await?;
    value["id_numbers_released"] = json!(ended);
    Ok(Json(value))
}

/// `?format=html` for the printable page, `?lang=en` for English.
#[derive(Deserialize)]
pub struct FileQuery {
    #[serde(default)]
    format: Option<String>,
}

/// The case's protection file (LTC Art. 55), for its unit's protection
/// officers and head; the read is audited.
pub async fn file(
    State(state): State<AppState>,
    staff: Staff,
    lang: Language,
    Path(id): Path<String>,
    Query(query): Query<FileQuery>,
) -> Result<Response, AppError> {
    let file = protection_file(&state, &staff, &id).await?;
    match query.format.as_deref() {
        None | Some("json") => Ok(Json(protection_file_json(&file)).into_response()),
        Some("html") => Ok(protection_file_page(&file, &staff, lang)),
        Some(_) => Err(AppError::BadRequest {
            field: Some("format"),
            message: "format: json hoặc html / json or html".into(),
        }),
    }
}
