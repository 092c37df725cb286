//! `/api/v1/whistleblower/…`: the reporter's way back in, for integrations
//! (the same as the follow-up pages).

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use khien_domain::intake::FieldErrors;
use khien_domain::protection::{IdNumberDraft, ProtectionRequest, RetaliationReport};
use khien_store::intake::{AttachmentId, Author, CaseId};
use khien_store::protection::{StoredProtectionRequest, StoredRetaliationReport};
use khien_vault::symmetric::DataKey;
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::{Value, json};

use super::case_views::{attachment_json, message_json, summary_json};
use super::incoming_body::IncomingBody;
use super::json_body::ApiJson;
use super::message_json::receive_message;
use crate::attachment_download::send_attachment;
use crate::case_messages::post_message;
use crate::case_workflow::{reporter_notices, workflow_failure};
use crate::intake_form::intake_failure;
use crate::outcomes::{
    AccusedOfRetaliation, report_retaliation_on_case, reporter_reward_json, reporter_rewards,
};
use crate::portal::disclosures::disclosures_json;
use crate::portal::follow_up::{ReceiptRefusal, open_with_receipt};
use crate::protection::reporter_protection::add_reporter_protection_json;
use crate::reporter_session::{Reporter, TICKET_LIFETIME};
use crate::{AppError, AppState};

/// `POST /api/v1/whistleblower/session` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionBody {
    receipt: String,
}

/// Trades a receipt for a bearer token. A wrong receipt answers 401 after the same
/// work as a right one.
pub async fn session(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<SessionBody>,
) -> Result<Json<Value>, AppError> {
    match open_with_receipt(&state, peer.ip(), &body.receipt).await {
        Ok(token) => Ok(Json(json!({
            "token": token,
            "expires_in": TICKET_LIFETIME.num_seconds(),
        }))),
        Err(ReceiptRefusal::Malformed(message)) => Err(AppError::BadRequest {
            field: Some("receipt"),
            message,
        }),
        Err(ReceiptRefusal::Wrong) => Err(AppError::Unauthorized),
        Err(ReceiptRefusal::Failed(error)) => Err(error),
    }
}

/// The reporter's case: status, next step and date, what they sent, messages,
/// and every disclosure of their identity.
pub async fn report(
    State(state): State<AppState>,
    reporter: Reporter,
) -> Result<Json<Value>, AppError> {
    let summary = state
        .store
        .case_summary(&reporter.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let content = state
        .store
        .report_content(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(intake_failure)?;
    let messages = state
        .store
        .messages(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(intake_failure)?;
    let attachments = state
        .store
        .attachments(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(intake_failure)?;
    let mut body = summary_json(&state, &summary);
    body["subject"] = json!(content.subject);
    body["content"] = json!(content.content);
    body["messages"] = json!(messages.iter().map(message_json).collect::<Vec<_>>());
    body["attachments"] = json!(attachments.iter().map(attachment_json).collect::<Vec<_>>());
    add_protection_json(&state, &mut body, &reporter.case_id, &reporter.case_key).await?;
    add_reporter_protection_json(&state, &mut body, &reporter.case_id, &reporter.case_key).await?;
    let history = state
        .store
        .case_history(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(workflow_failure)?;
    let notices = reporter_notices(&state, &history).await;
    body["notices"] = json!(notices.iter().map(|n| n.to_json()).collect::<Vec<_>>());
    body.as_object_mut().map(|fields| fields.remove("assignee"));
    body["disclosures"] = disclosures_json(&state, &reporter.case_id).await?;
    let rewards = reporter_rewards(&state, &reporter).await?;
    body["rewards"] = json!(rewards.iter().map(reporter_reward_json).collect::<Vec<_>>());
    Ok(Json(body))
}

/// A message (JSON `{"body"}` or multipart with files) from the reporter.
pub async fn add_message(
    State(state): State<AppState>,
    reporter: Reporter,
    incoming: IncomingBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let (body, files) =
        receive_message(&state, &reporter.case_id, &reporter.case_key, incoming).await?;
    let id = post_message(
        &state,
        &reporter.case_id,
        Author::Reporter,
        &body,
        &reporter.case_key,
        files,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id.to_string() }))))
}

/// One of the case's files.
pub async fn attachment(
    State(state): State<AppState>,
    reporter: Reporter,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = AttachmentId::parse(&id).ok_or(AppError::NotFound)?;
    send_attachment(&state, &reporter.case_id, &reporter.case_key, &id).await
}

/// A request for protection as the API shows it (to the reporter and the unit).
pub fn protection_request_json(stored: &StoredProtectionRequest) -> Value {
    json!({
        "id": stored.id,
        "created_at": stored.created_at.to_rfc3339(),
        "urgent": stored.urgent,
        "persons": stored.request.persons.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        "interests": stored.request.interests.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        "situation": stored.request.situation,
        // Whose ID numbers were given; the numbers themselves are never shown.
        "id_numbers_for": stored.request.id_numbers.iter().map(|n| n.person.as_str()).collect::<Vec<_>>(),
        "status": {
            "vi": "Đã gửi, chờ cơ quan có thẩm quyền xem xét",
            "en": "Sent; awaiting review by the competent authority",
        },
    })
}

/// A report of retaliation as the API shows it.
pub fn retaliation_report_json(stored: &StoredRetaliationReport) -> Value {
    json!({
        "id": stored.id,
        "created_at": stored.created_at.to_rfc3339(),
        "what_happened": stored.report.what_happened,
        "when": stored.report.when,
    })
}

/// Adds `protection_requests` and `retaliation_reports` to a case's JSON.
pub async fn add_protection_json(
    state: &AppState,
    body: &mut Value,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(), AppError> {
    let requests = state
        .store
        .protection_requests(case_id, case_key)
        .await
        .map_err(intake_failure)?;
    let reports = state
        .store
        .retaliation_reports(case_id, case_key)
        .await
        .map_err(intake_failure)?;
    body["protection_requests"] = json!(
        requests
            .iter()
            .map(protection_request_json)
            .collect::<Vec<_>>()
    );
    body["retaliation_reports"] = json!(
        reports
            .iter()
            .map(retaliation_report_json)
            .collect::<Vec<_>>()
    );
    Ok(())
}

fn invalid(errors: FieldErrors) -> AppError {
    AppError::InvalidReport(errors.iter().cloned().collect())
}

/// `POST /api/v1/whistleblower/protection-requests` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectionBody {
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

/// One protected person's ID number in a protection request (also in one
/// recorded by staff, `POST /api/v1/cases/{id}/protection-requests`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdNumberBody {
    #[serde(default)]
    person: String,
    /// Taken as any JSON value so that a number sent as a JSON number is
    /// refused by our own message, not by one that repeats it.
    #[serde(default)]
    number: Value,
}

/// The ID numbers of a request as drafts; anything but a string is no number.
pub(crate) fn id_number_drafts(entries: &[IdNumberBody]) -> Vec<IdNumberDraft> {
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            IdNumberDraft::in_list(index, &entry.person, entry.number.as_str().unwrap_or(""))
        })
        .collect()
}

/// A request for protection (LTC Art. 50); answers 201 `{"id"}`.
pub async fn request_protection(
    State(state): State<AppState>,
    reporter: Reporter,
    ApiJson(body): ApiJson<ProtectionBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let request = ProtectionRequest::parse(
        &body.persons,
        &body.interests,
        &body.situation,
        body.urgent,
        &id_number_drafts(&body.id_numbers),
    )
    .map_err(invalid)?;
    let id = state
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
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `POST /api/v1/whistleblower/retaliation-reports` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetaliationBody {
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

/// A report of retaliation against `accused_unit` (a code; by default the unit
/// handling the case), `accused_name` and `accused_position` optional; answers 201
/// `{"id", "linked_case"}`: the report in the reporter's case, and the case it
/// became at the accused unit's superior or the oversight body covering it (with
/// its own receipt, shown once). 400 naming `accused_unit` when the unit is unknown
/// or no unit but the accused one could take it; nothing is stored then.
pub async fn report_retaliation(
    State(state): State<AppState>,
    reporter: Reporter,
    ApiJson(body): ApiJson<RetaliationBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let report = RetaliationReport::parse(&body.what_happened, &body.when).map_err(invalid)?;
    let accused = AccusedOfRetaliation {
        unit: body.accused_unit,
        name: body.accused_name,
        position: body.accused_position,
    };
    let (id, linked) = report_retaliation_on_case(&state, &reporter, &report, &accused).await?;
    let linked_case = linked.map(|linked| {
        json!({
            "receipt": linked.receipt.expose_secret(),
            "tracking_number": linked.tracking_number.as_str(),
            "received_on": linked.received_on.to_string(),
        })
    });
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "linked_case": linked_case })),
    ))
}
