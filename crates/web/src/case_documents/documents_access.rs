//! Who may list and download a case's documents.
//!
//! Members of the case's unit see every document of the case (they hold the case
//! key). A unit that forwarded the case keeps the documents it issued itself (the
//! forwarding letter it signed) and nothing else: the store opens them through the
//! seal of the case key to that unit, which forwarding leaves in place, and only for
//! documents registered under that unit. Every download is audited as a read.

use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_store::accounts::UnitKeyKind;
use khien_store::intake::CaseId;
use khien_store::workflow::{DocumentId, DocumentInfo};

use super::type_of;
use crate::case_access::{open_case, unit_secret, visible_case, works_on_cases};
use crate::case_workflow::workflow_failure;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The media type of a Word document.
const DOCX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The documents of a case this staff member may see: all of them for a member of
/// the case's unit, the ones their unit issued for a unit that forwarded it.
pub async fn visible_documents(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<Vec<DocumentInfo>, AppError> {
    match visible_case(state, staff, case_id).await {
        Ok(summary) => Ok(state.store.case_documents(&summary.id).await?),
        Err(denied @ (AppError::NotFound | AppError::Forbidden)) => {
            let own = issued_by_own_unit(state, staff, case_id).await?;
            if own.is_empty() { Err(denied) } else { Ok(own) }
        }
        Err(other) => Err(other),
    }
}

async fn issued_by_own_unit(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<Vec<DocumentInfo>, AppError> {
    let Some(case_id) = CaseId::parse(case_id) else {
        return Ok(Vec::new());
    };
    if !works_on_cases(staff) {
        return Ok(Vec::new());
    }
    Ok(state
        .store
        .documents_issued_by(&case_id, &staff.user.unit_id)
        .await?)
}

/// A document as a download: the DOCX, decrypted for whoever may see it.
pub async fn document_download(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    document_id: &str,
) -> Result<Response, AppError> {
    let document_id = DocumentId::parse(document_id).ok_or(AppError::NotFound)?;
    let what = format!("document:{document_id}");
    let (info, docx) = match visible_case(state, staff, case_id).await {
        Ok(_) => {
            let opened = open_case(state, staff, case_id, &what).await?;
            let info = state
                .store
                .case_documents(&opened.summary.id)
                .await?
                .into_iter()
                .find(|info| info.id == document_id)
                .ok_or(AppError::NotFound)?;
            let docx = state
                .store
                .document_docx(&opened.summary.id, &document_id, &opened.case_key)
                .await
                .map_err(workflow_failure)?;
            (info, docx)
        }
        Err(denied @ (AppError::NotFound | AppError::Forbidden)) => {
            let Some(info) = issued_by_own_unit(state, staff, case_id)
                .await?
                .into_iter()
                .find(|info| info.id == document_id)
            else {
                return Err(denied);
            };
            let secret = unit_secret(state, staff, UnitKeyKind::Unit).await?;
            let docx = state
                .store
                .issued_document_docx(&info.case_id, &document_id, &staff.user.unit_id, &secret)
                .await
                .map_err(workflow_failure)?;
            state
                .store
                .record_case_read(&staff.actor(), &info.case_id, &what)
                .await?;
            (info, docx)
        }
        Err(other) => return Err(other),
    };
    let mut response = (StatusCode::OK, docx).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(DOCX_MEDIA_TYPE));
    if let Ok(value) =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file_name(&info)))
    {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// "acceptance_decision-01-QD-TTT.docx": the type and the number, in ASCII.
pub fn file_name(info: &DocumentInfo) -> String {
    let kind = type_of(info).map_or(info.doc_type.as_str(), |kind| kind.code());
    let number: String = info
        .number
        .chars()
        .map(|c| match c {
            'Đ' => 'D',
            'đ' => 'd',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    format!("{kind}-{number}.docx")
}
