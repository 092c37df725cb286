//! `/api/v1/cases/{id}/documents…`: the case's official documents (NĐ31 forms).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_store::workflow::DocumentInfo;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::case_documents::{
    DocumentRequest, document_download, file_name, issue_document, type_of, visible_documents,
};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// One entry of the register, without content.
fn document_json(info: &DocumentInfo) -> Value {
    let kind = type_of(info);
    json!({
        "id": info.id.as_str(),
        "type": kind.map(|kind| kind.code()),
        "label": kind.map(|kind| json!({"vi": kind.label_vi(), "en": kind.label_en()})),
        "number": info.number,
        "series": info.doc_type,
        "year": info.year,
        "serial": info.serial,
        "event_seq": info.event_seq,
        "unit": info.unit_id.as_str(),
        "issued_at": info.created_at.to_rfc3339(),
        "file_name": file_name(info),
    })
}

/// Issues a document (`{"type": "acceptance_decision", …}`): 201 with its id and
/// number; 409 when the case cannot issue it yet; 400 naming a missing fact. A
/// forwarding letter forwards the case in the same request.
pub async fn issue(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let request = DocumentRequest::from_json(body)?;
    let issued = issue_document(&state, &staff, &id, request).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": issued.info.id.as_str(),
            "number": issued.info.number,
            "type": issued.doc_type.code(),
            "forwarded_to": issued.forwarded_to,
        })),
    ))
}

/// The case's documents, oldest first.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let documents = visible_documents(&state, &staff, &id).await?;
    Ok(Json(json!({
        "documents": documents.iter().map(document_json).collect::<Vec<_>>(),
    })))
}

/// One document as a `.docx` file (the read is audited).
pub async fn download(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, document_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    document_download(&state, &staff, &id, &document_id).await
}
