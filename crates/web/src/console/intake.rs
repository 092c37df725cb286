//! `/staff/intake`: the intake officer records a hotline call, a letter (scanned
//! pages as files) or an in-person report (the signed record, scanned) into the
//! same pipeline as the portal, and reads the receipt to the reporter.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::accounts::Role;
use khien_domain::intake::{Channel, ReportFieldError};
use khien_store::intake::{Author, PendingCase};
use secrecy::ExposeSecret;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::intake_form::{
    FormEcho, SubmitFailure, Submitted, draft_from_fields, form_page, read_upload, submit,
};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{Staff, tokens_match};
use crate::{AppError, AppState};

fn require_intake(staff: &Staff, lang: Language) -> Result<(), PageError> {
    if staff.has_role(Role::Intake) {
        Ok(())
    } else {
        Err(PageError::new(AppError::Forbidden, lang))
    }
}

/// The blank intake form.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    require_intake(&staff, lang)?;
    form_page(
        &state,
        lang,
        StatusCode::OK,
        FormEcho::blank(true),
        &[],
        Some(&staff.csrf_token),
    )
    .await
    .map_err(page(lang))
}

#[derive(Template)]
#[template(path = "console/intake_receipt.html")]
struct IntakeReceiptPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    receipt: &'a str,
    tracking_number: &'a str,
    received_on: String,
}

fn receipt_page(lang: Language, staff: &Staff, submitted: &Submitted) -> Response {
    render_page(
        StatusCode::OK,
        &IntakeReceiptPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            receipt: submitted.receipt.expose_secret(),
            tracking_number: submitted.tracking_number.as_str(),
            received_on: submitted.received_on.format("%d/%m/%Y").to_string(),
        },
    )
}

/// Records the report; the receipt page shows only after it is committed.
pub async fn submit_form(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    require_intake(&staff, lang)?;
    let pending = PendingCase::new();
    let upload = read_upload(&mut multipart, &state, pending.id(), pending.case_key())
        .await
        .map_err(page(lang))?;
    let fields = upload.fields;
    let echo = || FormEcho::from_fields(&fields, true);
    if !tokens_match(fields.get("csrf_token"), &staff.csrf_token) {
        let expired = ReportFieldError::new(
            "csrf_token",
            "Biểu mẫu đã hết hạn, hãy gửi lại.",
            "The form has expired; please send it again.",
        );
        return form_page(
            &state,
            lang,
            StatusCode::BAD_REQUEST,
            echo(),
            &[expired],
            Some(&staff.csrf_token),
        )
        .await
        .map_err(page(lang));
    }
    if (fields.has("add_accused") || fields.has("add_co_reporter")) && !fields.has("send") {
        return form_page(
            &state,
            lang,
            StatusCode::OK,
            echo(),
            &[],
            Some(&staff.csrf_token),
        )
        .await
        .map_err(page(lang));
    }
    let channel = match Channel::parse(fields.get("channel")) {
        Some(channel) if channel != Channel::Web => channel,
        _ => {
            let error = ReportFieldError::new(
                "channel",
                "Chọn kênh: điện thoại, thư hoặc trực tiếp.",
                "Choose the channel: hotline, letter or in person.",
            );
            return form_page(
                &state,
                lang,
                StatusCode::BAD_REQUEST,
                echo(),
                &[error],
                Some(&staff.csrf_token),
            )
            .await
            .map_err(page(lang));
        }
    };
    let draft = draft_from_fields(&fields, channel);
    match submit(
        &state,
        pending,
        draft,
        upload.files,
        upload.file_errors,
        Author::Staff(staff.user.id.clone()),
    )
    .await
    {
        Ok(submitted) => Ok(receipt_page(lang, &staff, &submitted)),
        Err(SubmitFailure::Invalid(errors)) => form_page(
            &state,
            lang,
            StatusCode::BAD_REQUEST,
            echo(),
            &errors,
            Some(&staff.csrf_token),
        )
        .await
        .map_err(page(lang)),
        Err(SubmitFailure::Failed(error)) => Err(PageError::new(error, lang)),
    }
}
