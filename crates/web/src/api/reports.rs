//! `POST /api/v1/reports` (the public) and `POST /api/v1/intake` (intake officers):
//! a report as JSON, or as multipart with the JSON in a part named `report` and
//! files in parts named `files`.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use khien_domain::accounts::Role;
use khien_domain::intake::{Channel, ReportDraft, ReportFieldError};
use khien_store::blobs::StagedBlob;
use khien_store::intake::{Author, PendingCase};
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::incoming_body::{IncomingBody, parse_json};
use super::report_json::{IntakeJson, ReportJson};
use crate::intake_form::{SubmitFailure, Submitted, read_upload, submit};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The JSON document and any files of a submission.
struct Received<T> {
    document: T,
    files: Vec<StagedBlob>,
    file_errors: Vec<ReportFieldError>,
}

async fn receive<T: DeserializeOwned>(
    state: &AppState,
    pending: &PendingCase,
    body: IncomingBody,
) -> Result<Received<T>, AppError> {
    match body {
        IncomingBody::Json(bytes) => Ok(Received {
            document: parse_json(&bytes)?,
            files: Vec::new(),
            file_errors: Vec::new(),
        }),
        IncomingBody::Multipart(mut multipart) => {
            let upload =
                read_upload(&mut multipart, state, pending.id(), pending.case_key()).await?;
            let json = upload.report_json.ok_or(AppError::BadRequest {
                field: Some("report"),
                message: "thiếu phần `report` (JSON) / the `report` part (JSON) is missing".into(),
            })?;
            Ok(Received {
                document: parse_json(json.as_bytes())?,
                files: upload.files,
                file_errors: upload.file_errors,
            })
        }
    }
}

async fn store(
    state: &AppState,
    pending: PendingCase,
    draft: ReportDraft,
    files: Vec<StagedBlob>,
    file_errors: Vec<ReportFieldError>,
    author: Author,
) -> Result<Submitted, AppError> {
    submit(state, pending, draft, files, file_errors, author)
        .await
        .map_err(|failure| match failure {
            SubmitFailure::Invalid(errors) => AppError::InvalidReport(errors),
            SubmitFailure::Failed(error) => error,
        })
}

fn answer(submitted: &Submitted, with_case_id: bool) -> (StatusCode, Json<Value>) {
    let mut body = json!({
        "receipt": submitted.receipt.expose_secret(),
        "tracking_number": submitted.tracking_number.as_str(),
        "received_on": submitted.received_on.to_string(),
    });
    if with_case_id {
        body["id"] = json!(submitted.case_id.to_string());
    }
    (StatusCode::CREATED, Json(body))
}

/// A report from the public. The receipt is in the answer only once the report
/// and its files are committed.
pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: IncomingBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    state.submission_slowdown.wait(peer.ip()).await;
    let pending = PendingCase::new();
    let received: Received<ReportJson> = receive(&state, &pending, body).await?;
    let draft = received.document.into_draft();
    let submitted = store(
        &state,
        pending,
        draft,
        received.files,
        received.file_errors,
        Author::Reporter,
    )
    .await?;
    Ok(answer(&submitted, false))
}

/// A hotline call, letter or in-person report recorded by an intake officer.
pub async fn intake(
    State(state): State<AppState>,
    staff: Staff,
    body: IncomingBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    if !staff.has_role(Role::Intake) {
        return Err(AppError::Forbidden);
    }
    let pending = PendingCase::new();
    let received: Received<IntakeJson> = receive(&state, &pending, body).await?;
    let channel: Channel = received.document.channel().ok_or(AppError::BadRequest {
        field: Some("channel"),
        message: "kênh phải là hotline, letter hoặc in_person / channel must be hotline, letter or in_person".into(),
    })?;
    let draft = received.document.into_draft(channel);
    let submitted = store(
        &state,
        pending,
        draft,
        received.files,
        received.file_errors,
        Author::Staff(staff.user.id.clone()),
    )
    .await?;
    Ok(answer(&submitted, true))
}
