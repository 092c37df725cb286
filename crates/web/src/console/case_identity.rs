//! `/staff/cases/{id}/identity`: a handler, head or protection officer asks to
//! see a case's reporter, follows the custodians' decisions, and — once k of
//! them agreed — opens the identity (audited).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khien_domain::disclosure::{IdentityRequestText, LegalReason};
use khien_domain::intake::{ReporterIdentities, ReporterIdentity};
use khien_store::disclosure::{DisclosureError, RequestStatus};
use khien_store::intake::CaseSummary;
use serde::Deserialize;

use super::identity_requests::{RequestCard, request_card};
use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::disclosure_access::{
    NOT_APPROVED_EN, NOT_APPROVED_VI, ask_for_identity, disclosure_failure, requester_case,
};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff};
use crate::{AppError, AppState};

/// The request form as typed, shown again when it is refused.
#[derive(Default)]
pub struct RequestEcho {
    legal_reason: String,
    details: String,
    purpose: String,
}

#[derive(Template)]
#[template(path = "console/case_identity.html")]
struct IdentityPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    case_id: String,
    tracking_number: String,
    reasons: Vec<(&'static str, &'static str)>,
    requests: Vec<RequestCard>,
    approved: bool,
    identity: Vec<Vec<(&'static str, String)>>,
    form: RequestEcho,
    error: Option<String>,
}

/// What the page shows besides the requests.
#[derive(Default)]
struct Shown {
    identity: Option<ReporterIdentities>,
    form: RequestEcho,
    error: Option<String>,
}

async fn identity_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    summary: &CaseSummary,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, AppError> {
    let key = staff.private_key()?;
    let views = state
        .store
        .identity_requests_of_requester(&summary.id, &staff.user.id, &key, Utc::now())
        .await
        .map_err(disclosure_failure)?;
    let approved = views
        .iter()
        .any(|view| view.status == RequestStatus::Approved);
    Ok(render_page(
        status,
        &IdentityPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            case_id: summary.id.to_string(),
            tracking_number: summary.tracking_number.to_string(),
            reasons: LegalReason::ALL
                .iter()
                .map(|reason| {
                    (
                        reason.as_str(),
                        lang.pick(reason.label_vi(), reason.label_en()),
                    )
                })
                .collect(),
            requests: views.iter().map(|view| request_card(lang, view)).collect(),
            approved,
            identity: shown
                .identity
                .as_ref()
                .map(|people| identity_lines(lang, people))
                .unwrap_or_default(),
            form: shown.form,
            error: shown.error,
        },
    ))
}

fn person_lines(lang: Language, person: &ReporterIdentity) -> Vec<(&'static str, String)> {
    [
        (
            lang.pick("Họ tên", "Full name"),
            Some(person.full_name.clone()),
        ),
        (lang.pick("Số CCCD", "ID number"), person.id_number.clone()),
        (lang.pick("Địa chỉ", "Address"), person.address.clone()),
        (lang.pick("Điện thoại", "Phone"), person.phone.clone()),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|value| (label, value)))
    .collect()
}

fn identity_lines(lang: Language, people: &ReporterIdentities) -> Vec<Vec<(&'static str, String)>> {
    std::iter::once(&people.representative)
        .chain(&people.co_reporters)
        .map(|person| person_lines(lang, person))
        .collect()
}

/// The page: the requester's requests for this case and the request form.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let summary = requester_case(&state, &staff, &id)
        .await
        .map_err(page(lang))?;
    identity_page(
        &state,
        lang,
        &staff,
        &summary,
        StatusCode::OK,
        Shown::default(),
    )
    .await
    .map_err(page(lang))
}

/// The page's two forms: `action=request` (with the request's fields) or `action=open`.
#[derive(Deserialize)]
pub struct IdentityForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    legal_reason: String,
    #[serde(default)]
    details: String,
    #[serde(default)]
    purpose: String,
}

/// Makes a request, or opens the identity once approved.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<IdentityForm>,
) -> Result<Response, PageError> {
    let summary = requester_case(&state, &staff, &id)
        .await
        .map_err(page(lang))?;
    let outcome = if form.action == "open" {
        open_identity(&state, lang, &staff, &summary).await
    } else {
        make_request(&state, lang, &staff, &summary, form).await
    };
    outcome.map_err(page(lang))
}

async fn open_identity(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    summary: &CaseSummary,
) -> Result<Response, AppError> {
    let key = staff.private_key()?;
    let (status, shown) = match state
        .store
        .open_disclosed_identity(&summary.id, &staff.user.id, &key, Utc::now())
        .await
    {
        Ok(opened) => (
            StatusCode::OK,
            Shown {
                identity: Some(opened.identities),
                ..Shown::default()
            },
        ),
        Err(DisclosureError::NotApproved) => (
            StatusCode::FORBIDDEN,
            Shown {
                error: Some(lang.pick(NOT_APPROVED_VI, NOT_APPROVED_EN).to_owned()),
                ..Shown::default()
            },
        ),
        Err(other) => return Err(disclosure_failure(other)),
    };
    identity_page(state, lang, staff, summary, status, shown).await
}

async fn make_request(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    summary: &CaseSummary,
    form: IdentityForm,
) -> Result<Response, AppError> {
    let echo = RequestEcho {
        legal_reason: form.legal_reason.clone(),
        details: form.details.clone(),
        purpose: form.purpose.clone(),
    };
    let refused = |status: StatusCode, message: String, echo: RequestEcho| {
        (
            status,
            Shown {
                error: Some(message),
                form: echo,
                identity: None,
            },
        )
    };
    let text = match IdentityRequestText::parse(&form.legal_reason, &form.details, &form.purpose) {
        Ok(text) => text,
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| lang.pick(&e.message_vi, &e.message_en).to_owned())
                .collect::<Vec<_>>()
                .join(" ");
            let (status, shown) = refused(StatusCode::BAD_REQUEST, message, echo);
            return identity_page(state, lang, staff, summary, status, shown).await;
        }
    };
    match ask_for_identity(state, staff, summary, &text, Utc::now()).await {
        Ok(_) => Ok((
            StatusCode::SEE_OTHER,
            [(
                LOCATION,
                format!("/staff/cases/{}/identity{}", summary.id, lang.query()),
            )],
        )
            .into_response()),
        Err(AppError::Conflict { message, .. }) => {
            let (status, shown) = refused(StatusCode::CONFLICT, message, echo);
            identity_page(state, lang, staff, summary, status, shown).await
        }
        Err(other) => Err(other),
    }
}
