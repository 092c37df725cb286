//! `/api/v1/whistleblower/…`: the reporter's way back in, for integrations
//! (the same as the follow-up pages).

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_store::intake::{AttachmentId, Author};
use serde::Deserialize;
use serde_json::{Value, json};

use super::case_views::{attachment_json, message_json, summary_json};
use super::incoming_body::IncomingBody;
use super::json_body::ApiJson;
use super::message_json::receive_message;
use crate::attachment_download::send_attachment;
use crate::case_messages::post_message;
use crate::intake_form::intake_failure;
use crate::portal::follow_up::{ReceiptRefusal, open_with_receipt};
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
    // Identity disclosures: none can happen yet (the custodian approval flow is
    // not built), so the list is honestly empty.
    body["disclosures"] = json!([]);
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
