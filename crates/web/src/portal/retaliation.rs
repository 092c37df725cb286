//! `/retaliation/new`, `/retaliation`: a colleague who saw a reporter suffer
//! retaliation, and has no receipt, reports it. Like a report, it becomes a case
//! (at the superior of the unit accused) with a receipt of its own, shown once.
//! Also the page that shows that receipt, for the reporter's own retaliation
//! reports too.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_domain::intake::ReportFieldError;
use secrecy::ExposeSecret;
use serde::Deserialize;

use crate::console::page_error::PageError;
use crate::form_cookie;
use crate::intake_form::{SubmitFailure, Submitted, unit_choices};
use crate::language::Language;
use crate::outcomes::{AccusedOfRetaliation, ColleagueDraft, report_retaliation_as_colleague};
use crate::pages::render_page;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "portal/retaliation_form.html")]
struct RetaliationFormPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    units: Vec<(String, String)>,
    form: ColleagueDraft,
    errors: Vec<(String, String)>,
}

/// The form, with what was typed and the fields that were refused.
async fn form_page(
    state: &AppState,
    lang: Language,
    status: StatusCode,
    form: ColleagueDraft,
    errors: &[ReportFieldError],
) -> Result<Response, AppError> {
    let units = unit_choices(state).await?;
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        status,
        &RetaliationFormPage {
            lang,
            csrf_token: &token,
            units,
            form,
            errors: errors
                .iter()
                .map(|error| {
                    (
                        error.field.clone(),
                        format!(
                            "{}: {}",
                            error.field,
                            lang.pick(&error.message_vi, &error.message_en)
                        ),
                    )
                })
                .collect(),
        },
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
    Ok(response)
}

/// The empty form.
pub async fn show(State(state): State<AppState>, lang: Language) -> Result<Response, AppError> {
    form_page(&state, lang, StatusCode::OK, ColleagueDraft::default(), &[]).await
}

/// The form's fields.
#[derive(Deserialize)]
pub struct ColleagueForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    accused_unit: String,
    #[serde(default)]
    accused_name: String,
    #[serde(default)]
    accused_position: String,
    #[serde(default)]
    original_tracking_number: String,
    #[serde(default)]
    what_happened: String,
    #[serde(default)]
    when: String,
}

/// Receives the form: the receipt is shown only once the case is stored.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    Form(form): Form<ColleagueForm>,
) -> Result<Response, AppError> {
    let draft = ColleagueDraft {
        accused: AccusedOfRetaliation {
            unit: form.accused_unit,
            name: form.accused_name,
            position: form.accused_position,
        },
        original_tracking_number: form.original_tracking_number,
        what_happened: form.what_happened,
        when: form.when,
    };
    if !form_cookie::matches(&headers, &form.csrf_token) {
        let expired = ReportFieldError::new(
            "csrf_token",
            "Biểu mẫu đã hết hạn (hoặc trình duyệt chặn cookie). Hãy gửi lại.",
            "The form has expired (or the browser blocks cookies). Please send it again.",
        );
        return form_page(&state, lang, StatusCode::BAD_REQUEST, draft, &[expired]).await;
    }
    match report_retaliation_as_colleague(&state, &draft).await {
        Ok(submitted) => Ok(retaliation_receipt_page(lang, &submitted, false)),
        Err(SubmitFailure::Invalid(errors)) => {
            form_page(&state, lang, StatusCode::BAD_REQUEST, draft, &errors).await
        }
        Err(SubmitFailure::Failed(error)) => Ok(PageError::portal(error, lang).into_response()),
    }
}

#[derive(Template)]
#[template(path = "portal/retaliation_receipt.html")]
struct ReceiptPage<'a> {
    lang: Language,
    receipt: &'a str,
    tracking_number: &'a str,
    received_on: String,
    from_reporter: bool,
    named: bool,
}

/// The receipt of a retaliation case, shown once: to a colleague, or to the
/// reporter whose report of retaliation became a case of its own.
pub fn retaliation_receipt_page(
    lang: Language,
    submitted: &Submitted,
    from_reporter: bool,
) -> Response {
    render_page(
        StatusCode::OK,
        &ReceiptPage {
            lang,
            receipt: submitted.receipt.expose_secret(),
            tracking_number: submitted.tracking_number.as_str(),
            received_on: submitted.received_on.format("%d/%m/%Y").to_string(),
            from_reporter,
            named: submitted.handling != khien_domain::intake::Handling::InformationForInspection,
        },
    )
}
