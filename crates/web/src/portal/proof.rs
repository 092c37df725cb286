//! `POST /report/proof`: the reporter's proof of having reported, as a printable
//! document to download. It holds the tracking number, the date and a code the
//! receiving body can check — no content and no receipt.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_domain::intake::TrackingNumber;
use khien_vault::submission_proof::proof_code_matches;
use serde::Deserialize;

use crate::pages::render_page;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "portal/proof.html")]
struct ProofDocument<'a> {
    tracking_number: &'a str,
    received_on: &'a str,
    code: &'a str,
}

/// The proof form's hidden fields.
#[derive(Deserialize)]
pub struct ProofForm {
    tracking_number: String,
    received_on: String,
    code: String,
}

/// Renders the proof as an HTML file to save or print, after checking that the
/// code is this server's for that number and date.
pub async fn download(
    State(state): State<AppState>,
    Form(form): Form<ProofForm>,
) -> Result<Response, AppError> {
    // No CSRF check: rendering a proof changes nothing, and only this server's
    // verification code for the number and date makes one (checked below), so the
    // download still works after the form cookie was renewed on another page.
    let tracking = TrackingNumber::parse(&form.tracking_number).ok_or(AppError::BadRequest {
        field: Some("tracking_number"),
        message: "số theo dõi không hợp lệ / invalid tracking number".into(),
    })?;
    if chrono::NaiveDate::parse_from_str(&form.received_on, "%Y-%m-%d").is_err()
        || !proof_code_matches(
            &state.server_secret,
            tracking.as_str(),
            &form.received_on,
            &form.code,
        )
    {
        return Err(AppError::BadRequest {
            field: Some("code"),
            message: "mã xác thực không đúng / the verification code does not match".into(),
        });
    }
    let mut response = render_page(
        StatusCode::OK,
        &ProofDocument {
            tracking_number: tracking.as_str(),
            received_on: &form.received_on,
            code: &form.code,
        },
    );
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"khien-{}.html\"",
        tracking.as_str()
    )) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response.into_response())
}
