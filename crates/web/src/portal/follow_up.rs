//! `/follow-up…`: the reporter comes back with their receipt, reads the case's
//! status and messages, answers and adds files.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Multipart, Path, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khien_domain::intake::MessageBody;
use khien_store::intake::{AttachmentId, Author, IntakeError, unlock_as_reporter};
use khien_vault::receipt::{Receipt, receipt_lookup};
use khien_vault::reporter_ticket::issue_ticket;
use serde::Deserialize;

use crate::attachment_download::send_attachment;
use crate::case_messages::post_message;
use crate::case_workflow::{clock_context, reporter_notices, workflow_failure};
use crate::console::page_error::PageError;
use crate::form_cookie;
use crate::intake_form::{intake_failure, read_upload};
use crate::language::Language;
use crate::next_step::next_statutory_step;
use crate::pages::render_page;
use crate::portal::disclosures::{DisclosureRow, disclosure_rows};
use crate::portal::protection::{ProtectionRow, RetaliationRow, protection_rows};
use crate::portal::rewards::{RewardRow, reward_rows};
use crate::protection::reporter_protection::{ReporterProtection, reporter_protection};
use crate::reporter_session::{Reporter, TICKET_LIFETIME, clear_ticket_cookie, ticket_cookie};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "portal/follow_up_login.html")]
struct FollowUpLogin<'a> {
    lang: Language,
    csrf_token: &'a str,
    error: Option<&'a str>,
}

fn login_page(lang: Language, status: StatusCode, error: Option<&str>) -> Response {
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        status,
        &FollowUpLogin {
            lang,
            csrf_token: &token,
            error,
        },
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// The receipt form.
pub async fn show_login(lang: Language) -> Response {
    login_page(lang, StatusCode::OK, None)
}

/// The receipt form's fields.
#[derive(Deserialize)]
pub struct ReceiptForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    receipt: String,
}

/// Why a receipt did not open a case, for the form and the API.
pub enum ReceiptRefusal {
    /// Not 16 digits.
    Malformed(String),
    /// No case has this receipt (answered after the same work as a right one).
    Wrong,
    /// Inside failure.
    Failed(AppError),
}

/// Tries a receipt: the same Argon2 work whether or not it matches, on the
/// bounded pool. Returns the ticket that opens the case.
pub async fn open_with_receipt(
    state: &AppState,
    source: std::net::IpAddr,
    text: &str,
) -> Result<String, ReceiptRefusal> {
    state.receipt_slowdown.wait(source).await;
    let receipt =
        Receipt::parse(text).map_err(|error| ReceiptRefusal::Malformed(error.to_string()))?;
    let lookup = receipt_lookup(&state.server_secret, &receipt);
    let found = state
        .store
        .case_by_receipt_lookup(&lookup)
        .await
        .map_err(|error| ReceiptRefusal::Failed(error.into()))?;
    let params = state.kdf_params;
    let access = state
        .argon
        .run(move || unlock_as_reporter(&receipt, found.as_ref(), params))
        .await
        .map_err(ReceiptRefusal::Failed)?;
    match access {
        Ok(access) => {
            let expires = (Utc::now() + TICKET_LIFETIME).timestamp();
            Ok(issue_ticket(
                &state.server_secret,
                access.case_id.as_str(),
                &access.case_key,
                expires,
            )
            .to_string())
        }
        Err(IntakeError::WrongReceipt) => Err(ReceiptRefusal::Wrong),
        Err(other) => Err(ReceiptRefusal::Failed(intake_failure(other))),
    }
}

/// Checks the receipt and opens the reporter's page.
pub async fn submit_login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: Language,
    headers: HeaderMap,
    Form(form): Form<ReceiptForm>,
) -> Response {
    if !form_cookie::matches(&headers, &form.csrf_token) {
        return login_page(
            lang,
            StatusCode::BAD_REQUEST,
            Some(lang.pick(
                "Biểu mẫu đã hết hạn, hãy thử lại.",
                "The form has expired; please try again.",
            )),
        );
    }
    match open_with_receipt(&state, peer.ip(), &form.receipt).await {
        Ok(ticket) => (
            StatusCode::SEE_OTHER,
            [
                (LOCATION, format!("/follow-up/case{}", lang.query())),
                (SET_COOKIE, ticket_cookie(&ticket)),
            ],
        )
            .into_response(),
        Err(ReceiptRefusal::Malformed(message)) => login_page(
            lang,
            StatusCode::BAD_REQUEST,
            Some(&format!(
                "{} ({message})",
                lang.pick("Mã biên nhận gồm 16 chữ số", "A receipt is 16 digits")
            )),
        ),
        Err(ReceiptRefusal::Wrong) => login_page(
            lang,
            StatusCode::UNAUTHORIZED,
            Some(lang.pick(
                "Mã biên nhận không đúng.",
                "This receipt does not match any report.",
            )),
        ),
        Err(ReceiptRefusal::Failed(error)) => error.into_response(),
    }
}

#[derive(Template)]
#[template(path = "portal/follow_up_case.html")]
struct CasePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    tracking_number: String,
    received_on: String,
    status: String,
    notices: Vec<(String, String)>,
    next_step: String,
    next_due: Option<String>,
    subject: String,
    content: String,
    attachments: Vec<(String, String, String)>,
    messages: Vec<(&'static str, String, String, String)>,
    anonymous: bool,
    protection_requests: Vec<ProtectionRow>,
    retaliation_reports: Vec<RetaliationRow>,
    rewards: Vec<RewardRow>,
    disclosures: Vec<DisclosureRow>,
    error: Option<String>,
    protection_measures: ReporterProtection,
    /// The units the retaliation form offers as the one that retaliated.
    accused_units: Vec<(String, String)>,
    /// Its default: the unit handling this case.
    handling_unit: String,
}

/// The reporter's page, with `error` shown when a form was refused.
pub(crate) async fn case_page(
    state: &AppState,
    lang: Language,
    reporter: &Reporter,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AppError> {
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
    let attachments = state
        .store
        .attachments(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .filter(|info| info.message_id.is_none())
        .map(|info| {
            (
                info.id.to_string(),
                info.name.as_str().to_owned(),
                human_size(info.size),
            )
        })
        .collect();
    let messages = state
        .store
        .messages(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .map(|message| {
            let (class, who) = match message.author {
                Author::Reporter => ("reporter", lang.pick("Bạn", "You")),
                Author::Staff(_) => ("staff", lang.pick("Cơ quan xử lý", "The handling body")),
            };
            let mut body = message.body;
            for file in &message.attachments {
                body.push_str(&format!("\n📎 {}", file.name.as_str()));
            }
            (
                class,
                who.to_owned(),
                crate::vietnam_time::date_in_vietnam(message.created_at),
                body,
            )
        })
        .collect();
    let (protection_requests, retaliation_reports) =
        protection_rows(state, lang, &reporter.case_id, &reporter.case_key).await?;
    let disclosures = disclosure_rows(state, lang, &reporter.case_id).await?;
    let protection_measures =
        reporter_protection(state, lang, &reporter.case_id, &reporter.case_key).await?;
    let step = next_statutory_step(state, &summary);
    let folded = state
        .store
        .folded_case(&reporter.case_id, &clock_context(state))
        .await
        .map_err(workflow_failure)?;
    let stage = folded.state.public_stage();
    let history = state
        .store
        .case_history(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(workflow_failure)?;
    let notices = reporter_notices(state, &history)
        .await
        .into_iter()
        .map(|notice| {
            (
                notice.date.format("%d/%m/%Y").to_string(),
                lang.pick(&notice.vi, &notice.en).to_owned(),
            )
        })
        .collect();
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        status,
        &CasePage {
            lang,
            csrf_token: &token,
            tracking_number: summary.tracking_number.to_string(),
            received_on: summary.received_on.format("%d/%m/%Y").to_string(),
            status: lang.pick(&stage.vi, &stage.en).to_owned(),
            notices,
            next_step: lang.pick(&step.text_vi, &step.text_en).to_owned(),
            next_due: step.due.map(|date| date.format("%d/%m/%Y").to_string()),
            subject: content.subject.clone(),
            content: content.content.clone(),
            attachments,
            messages,
            anonymous: summary.anonymous,
            protection_requests,
            retaliation_reports,
            rewards: reward_rows(state, lang, reporter).await?,
            disclosures,
            error,
            protection_measures,
            accused_units: crate::intake_form::unit_choices(state).await?,
            handling_unit: state
                .store
                .unit_by_id(&summary.unit_id)
                .await?
                .map(|unit| unit.code.as_str().to_owned())
                .unwrap_or_default(),
        },
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
    Ok(response)
}

/// The reporter's page.
pub async fn show_case(
    State(state): State<AppState>,
    lang: Language,
    reporter: Reporter,
) -> Result<Response, AppError> {
    case_page(&state, lang, &reporter, StatusCode::OK, None).await
}

/// A message (and files) from the reporter.
pub async fn add_message(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    reporter: Reporter,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    // A body that cannot be read still gets a page, not a bare error.
    let upload = match read_upload(
        &mut multipart,
        &state,
        &reporter.case_id,
        &reporter.case_key,
    )
    .await
    {
        Ok(upload) => upload,
        Err(error) => return Ok(PageError::portal(error, lang).into_response()),
    };
    if !form_cookie::matches(&headers, upload.fields.get("csrf_token")) {
        let message = lang
            .pick(
                "Biểu mẫu đã hết hạn, hãy gửi lại.",
                "The form has expired; please send it again.",
            )
            .to_owned();
        return case_page(
            &state,
            lang,
            &reporter,
            StatusCode::BAD_REQUEST,
            Some(message),
        )
        .await;
    }
    if let Some(error) = upload.file_errors.first() {
        let message = format!(
            "{}: {}",
            error.field,
            lang.pick(&error.message_vi, &error.message_en)
        );
        return case_page(
            &state,
            lang,
            &reporter,
            StatusCode::BAD_REQUEST,
            Some(message),
        )
        .await;
    }
    let body = match MessageBody::parse(upload.fields.get("body")) {
        Ok(body) => body,
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| lang.pick(&e.message_vi, &e.message_en).to_owned())
                .collect::<Vec<_>>()
                .join(" ");
            return case_page(
                &state,
                lang,
                &reporter,
                StatusCode::BAD_REQUEST,
                Some(message),
            )
            .await;
        }
    };
    post_message(
        &state,
        &reporter.case_id,
        Author::Reporter,
        &body,
        &reporter.case_key,
        upload.files,
    )
    .await?;
    Ok((
        StatusCode::SEE_OTHER,
        [(LOCATION, format!("/follow-up/case{}", lang.query()))],
    )
        .into_response())
}

/// One of the case's files, decrypted for the reporter.
pub async fn attachment(
    State(state): State<AppState>,
    reporter: Reporter,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = AttachmentId::parse(&id).ok_or(AppError::NotFound)?;
    send_attachment(&state, &reporter.case_id, &reporter.case_key, &id).await
}

/// The leave form's field.
#[derive(Deserialize)]
pub struct LeaveForm {
    #[serde(default)]
    csrf_token: String,
}

/// Forgets the ticket in this browser.
pub async fn leave(headers: HeaderMap, Form(form): Form<LeaveForm>) -> Response {
    let _ = form_cookie::matches(&headers, &form.csrf_token);
    (
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/follow-up".to_owned()),
            (SET_COOKIE, clear_ticket_cookie()),
        ],
    )
        .into_response()
}

/// "1.2 MB", "340 KB", "12 B".
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}
