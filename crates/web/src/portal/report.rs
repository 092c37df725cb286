//! `/report/new`, `/report`: the reporter's form and its submission.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_domain::intake::{Channel, Handling, ReportFieldError};
use khien_store::intake::{Author, PendingCase};
use khien_vault::submission_proof::proof_code;
use secrecy::ExposeSecret;

use crate::console::page_error::PageError;
use crate::form_cookie;
use crate::intake_form::{
    FormEcho, SubmitFailure, Submitted, draft_from_fields, form_page, read_upload, submit,
};
use crate::language::Language;
use crate::pages::render_page;
use crate::{AppError, AppState};

/// The empty form.
pub async fn show(State(state): State<AppState>, lang: Language) -> Result<Response, AppError> {
    form_page(
        &state,
        lang,
        StatusCode::OK,
        FormEcho::blank(false),
        &[],
        None,
    )
    .await
}

#[derive(Template)]
#[template(path = "portal/receipt.html")]
struct ReceiptPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    receipt: &'a str,
    tracking_number: &'a str,
    received_on: String,
    received_on_shown: String,
    proof_code: String,
    rerouted: bool,
    handled_as_denunciation: bool,
}

/// The page that shows the receipt: only ever rendered for a committed report.
pub fn receipt_page(state: &AppState, lang: Language, submitted: &Submitted) -> Response {
    let received_on = submitted.received_on.to_string();
    let tracking = submitted.tracking_number.as_str();
    // The proof form is posted with a form cookie like every anonymous form.
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        StatusCode::OK,
        &ReceiptPage {
            lang,
            csrf_token: &token,
            receipt: submitted.receipt.expose_secret(),
            tracking_number: tracking,
            proof_code: proof_code(&state.server_secret, tracking, &received_on),
            received_on_shown: submitted.received_on.format("%d/%m/%Y").to_string(),
            received_on,
            rerouted: submitted.rerouted,
            handled_as_denunciation: submitted.handling != Handling::InformationForInspection,
        },
    );
    if let Ok(value) = cookie.parse() {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    response
}

/// Receives the form: files are encrypted as they arrive; the receipt is shown
/// only after everything is committed.
pub async fn submit_form(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let pending = PendingCase::new();
    // A body that cannot be read (a field far over its limit, a broken upload)
    // still gets a page, not a bare error.
    let upload = match read_upload(&mut multipart, &state, pending.id(), pending.case_key()).await {
        Ok(upload) => upload,
        Err(error) => return Ok(PageError::portal(error, lang).into_response()),
    };
    let fields = upload.fields;
    if !form_cookie::matches(&headers, fields.get("csrf_token")) {
        let expired = ReportFieldError::new(
            "csrf_token",
            "Biểu mẫu đã hết hạn (hoặc trình duyệt chặn cookie). Hãy gửi lại.",
            "The form has expired (or the browser blocks cookies). Please send it again.",
        );
        let echo = FormEcho::from_fields(&fields, false);
        return form_page(
            &state,
            lang,
            StatusCode::BAD_REQUEST,
            echo,
            &[expired],
            None,
        )
        .await;
    }
    if fields.has("add_accused") && !fields.has("send") {
        let echo = FormEcho::from_fields(&fields, false);
        return form_page(&state, lang, StatusCode::OK, echo, &[], None).await;
    }
    let draft = draft_from_fields(&fields, Channel::Web);
    match submit(
        &state,
        pending,
        draft,
        upload.files,
        upload.file_errors,
        Author::Reporter,
    )
    .await
    {
        Ok(submitted) => Ok(receipt_page(&state, lang, &submitted)),
        Err(SubmitFailure::Invalid(errors)) => {
            let echo = FormEcho::from_fields(&fields, false);
            form_page(&state, lang, StatusCode::BAD_REQUEST, echo, &errors, None).await
        }
        Err(SubmitFailure::Failed(error)) => Ok(PageError::portal(error, lang).into_response()),
    }
}
