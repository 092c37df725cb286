//! `/follow-up/check-ins`: the reporter answers "are you safe?" while
//! measures protect them. Any answer but "fine" alerts the protection
//! officers at once.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_domain::intake::FieldErrors;
use serde::Deserialize;

use crate::form_cookie;
use crate::language::Language;
use crate::portal::follow_up::case_page;
use crate::portal::protection::field_messages;
use crate::protection::reporter_protection::answer_check_in;
use crate::reporter_session::Reporter;
use crate::{AppError, AppState};

/// The check-in form's fields.
#[derive(Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    request: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    note: String,
}

/// An answer from the reporter's page; a mistake comes back on the page.
pub async fn answer(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    reporter: Reporter,
    body: Bytes,
) -> Result<Response, AppError> {
    let expired = || {
        lang.pick(
            "Biểu mẫu đã hết hạn, hãy gửi lại.",
            "The form has expired; please send it again.",
        )
        .to_owned()
    };
    let form = match serde_html_form::from_bytes::<CheckInForm>(&body) {
        Ok(form) if form_cookie::matches(&headers, &form.csrf_token) => form,
        _ => {
            return case_page(
                &state,
                lang,
                &reporter,
                StatusCode::BAD_REQUEST,
                Some(expired()),
            )
            .await;
        }
    };
    match answer_check_in(&state, &reporter, &form.request, &form.answer, &form.note).await {
        Ok(_) => Ok((
            StatusCode::SEE_OTHER,
            [(
                LOCATION,
                format!("/follow-up/case{}#check-in-answers", lang.query()),
            )],
        )
            .into_response()),
        Err(AppError::InvalidReport(errors)) => {
            let message = FieldErrors::from_vec(errors)
                .map(|errors| field_messages(lang, &errors))
                .unwrap_or_default();
            case_page(
                &state,
                lang,
                &reporter,
                StatusCode::BAD_REQUEST,
                Some(message),
            )
            .await
        }
        Err(error @ (AppError::Conflict { .. } | AppError::BadRequest { .. })) => {
            let status = error.status();
            case_page(&state, lang, &reporter, status, Some(error.to_string())).await
        }
        Err(other) => Err(other),
    }
}
