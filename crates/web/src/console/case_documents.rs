//! `POST /staff/cases/{id}/documents`: a document issued from the case page's forms;
//! `GET /staff/cases/{id}/documents/{doc_id}`: its `.docx`.
//!
//! Issued: back to the case's documents (or, for a forwarding letter, a page that
//! says where the case went and offers the letter, since the case page is no longer
//! the unit's). Refused: the documents section again with the reason and what was
//! typed, so that nothing has to be typed twice.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};

use super::case_documents_view::{DocumentsView, documents_view};
use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::case_access::open_case;
use crate::case_documents::{DocumentRequest, document_download, file_name, issue_document};
use crate::console::case_file_read::read_case_file;
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "console/case_documents_page.html")]
struct DocumentsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    case_id: String,
    tracking_number: String,
    documents: DocumentsView,
}

#[derive(Template)]
#[template(path = "console/document_forwarded.html")]
struct ForwardedPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    case_id: String,
    to_unit: String,
    number: String,
    document_id: String,
    file_name: String,
}

/// Issues the document the form names.
pub async fn issue(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let fields: Vec<(String, String)> = form
        .into_iter()
        .filter(|(name, _)| name != "csrf_token")
        .collect();
    let outcome = match DocumentRequest::from_form(&fields) {
        Ok(request) => issue_document(&state, &staff, &id, request).await,
        Err(error) => Err(error),
    };
    match outcome {
        Ok(issued) => match issued.forwarded_to {
            Some(to_unit) => Ok(render_page(
                StatusCode::OK,
                &ForwardedPage {
                    lang,
                    csrf_token: &staff.csrf_token,
                    nav: NavLinks::for_staff(&staff),
                    case_id: id,
                    to_unit,
                    number: issued.info.number.clone(),
                    document_id: issued.info.id.to_string(),
                    file_name: file_name(&issued.info),
                },
            )),
            None => Ok((
                StatusCode::SEE_OTHER,
                [(
                    LOCATION,
                    format!("/staff/cases/{id}{}#documents", lang.query()),
                )],
            )
                .into_response()),
        },
        Err(error @ (AppError::Conflict { .. } | AppError::BadRequest { .. })) => {
            let status = error.status();
            refused_page(&state, lang, &staff, &id, status, error.to_string(), fields)
                .await
                .map_err(page(lang))
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}

/// The documents section alone, with the refusal and the fields as sent.
async fn refused_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    case_id: &str,
    status: StatusCode,
    message: String,
    fields: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let opened = open_case(state, staff, case_id, "documents").await?;
    let file = read_case_file(state, &opened.summary.id, &opened.case_key).await?;
    let documents = documents_view(state, lang, staff, &opened.summary.id, &file)
        .await?
        .refused(message, fields);
    Ok(render_page(
        status,
        &DocumentsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            case_id: opened.summary.id.to_string(),
            tracking_number: opened.summary.tracking_number.to_string(),
            documents,
        },
    ))
}

/// A document's `.docx` (the read is audited).
pub async fn download(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path((id, document_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    document_download(&state, &staff, &id, &document_id)
        .await
        .map_err(page(lang))
}
