//! `/staff/identity-requests`: a custodian's requests to decide on, with
//! approve and refuse forms, and the re-shares due on their cases.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khien_store::disclosure::{CustodianQueueItem, Decision, RequestStatus, RequesterView};
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::api::identity_requests::record_decision;
use crate::disclosure_access::{disclosure_failure, require_custodian};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff};
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

/// One decision on a request, as a page lists it.
pub struct DecisionLine {
    /// The custodian.
    pub custodian: String,
    /// What they decided, labelled.
    pub decision: &'static str,
    /// Why.
    pub reason: String,
    /// When (Vietnam time).
    pub when: String,
}

/// A request as a console page shows it.
pub struct RequestCard {
    /// The request id (for forms).
    pub id: String,
    /// The case's tracking number.
    pub tracking_number: String,
    /// Who asked (username), for custodians.
    pub requester: String,
    /// In which role.
    pub role: &'static str,
    /// The legal ground.
    pub reason: &'static str,
    /// The circumstances.
    pub details: String,
    /// The purpose.
    pub purpose: String,
    /// Status, labelled.
    pub status: &'static str,
    /// Approvals so far and needed.
    pub approvals: usize,
    /// k.
    pub threshold: usize,
    /// When it was made and when it expires (Vietnam time).
    pub created: String,
    /// Expiry.
    pub expires: String,
    /// The decisions so far.
    pub decisions: Vec<DecisionLine>,
    /// This custodian may still approve (holds a share, has not decided).
    pub can_approve: bool,
    /// This custodian may still refuse.
    pub can_refuse: bool,
}

fn decision_label(lang: Language, decision: Decision) -> &'static str {
    match decision {
        Decision::Approve => lang.pick("Đồng ý", "Approved"),
        Decision::Refuse => lang.pick("Từ chối", "Refused"),
    }
}

/// A request's card, labelled in `lang` (the requester's own page reuses it).
pub fn request_card(lang: Language, view: &RequesterView) -> RequestCard {
    RequestCard {
        id: view.id.to_string(),
        tracking_number: String::new(),
        requester: String::new(),
        role: lang.pick(view.role.label_vi(), view.role.label_en()),
        reason: lang.pick(
            view.text.legal_reason.label_vi(),
            view.text.legal_reason.label_en(),
        ),
        details: view.text.details.clone(),
        purpose: view.text.purpose.clone(),
        status: lang.pick(view.status.label_vi(), view.status.label_en()),
        approvals: view.approvals,
        threshold: view.threshold,
        created: format_in_vietnam(view.created_at),
        expires: format_in_vietnam(view.expires_at),
        decisions: view
            .decisions
            .iter()
            .map(|decision| DecisionLine {
                custodian: decision.custodian.as_str().to_owned(),
                decision: decision_label(lang, decision.decision),
                reason: decision.reason.clone(),
                when: format_in_vietnam(decision.decided_at),
            })
            .collect(),
        can_approve: false,
        can_refuse: false,
    }
}

fn queue_card(lang: Language, item: &CustodianQueueItem) -> RequestCard {
    let open = item.request.status == RequestStatus::Pending && item.my_decision.is_none();
    RequestCard {
        tracking_number: item.tracking_number.to_string(),
        requester: item.requester.as_str().to_owned(),
        can_approve: open && item.holds_share,
        can_refuse: open,
        ..request_card(lang, &item.request)
    }
}

/// A case whose shares must move to the unit's current custodians.
pub struct ReshareRow {
    tracking_number: String,
    contributions: usize,
    needed: usize,
    recipients: usize,
    contributed: bool,
}

#[derive(Template)]
#[template(path = "console/identity_requests.html")]
struct RequestsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    pending: Vec<RequestCard>,
    decided: Vec<RequestCard>,
    reshares: Vec<ReshareRow>,
    notice: Option<String>,
    error: Option<String>,
}

async fn requests_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, AppError> {
    require_custodian(staff)?;
    let key = staff.private_key()?;
    let items = state
        .store
        .identity_requests_for_custodian(&staff.user.id, &key, Utc::now())
        .await
        .map_err(disclosure_failure)?;
    let (pending, decided): (Vec<RequestCard>, Vec<RequestCard>) = items
        .iter()
        .map(|item| queue_card(lang, item))
        .partition(|card| card.can_refuse);
    let reshares = state
        .store
        .reshares_for_custodian(&staff.user.id)
        .await
        .map_err(disclosure_failure)?
        .into_iter()
        .map(|due| ReshareRow {
            tracking_number: due.tracking_number.to_string(),
            contributions: due.contributions,
            needed: due.needed,
            recipients: due.recipients,
            contributed: due.contributed,
        })
        .collect();
    Ok(render_page(
        status,
        &RequestsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            pending,
            decided,
            reshares,
            notice,
            error,
        },
    ))
}

/// The custodian's requests.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    requests_page(&state, lang, &staff, StatusCode::OK, None, None)
        .await
        .map_err(page(lang))
}

/// The decision form's field.
#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    reason: String,
}

/// Approves a request: the custodian's share goes to the requester, re-sealed.
pub async fn approve(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<DecisionForm>,
) -> Result<Response, PageError> {
    decide(&state, lang, &staff, &id, &form.reason, Decision::Approve).await
}

/// Refuses a request: it is closed.
pub async fn refuse(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<DecisionForm>,
) -> Result<Response, PageError> {
    decide(&state, lang, &staff, &id, &form.reason, Decision::Refuse).await
}

async fn decide(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    id: &str,
    reason: &str,
    decision: Decision,
) -> Result<Response, PageError> {
    match record_decision(state, staff, id, reason, decision).await {
        Ok(_) => Ok((
            StatusCode::SEE_OTHER,
            [(
                LOCATION,
                format!("/staff/identity-requests{}", lang.query()),
            )],
        )
            .into_response()),
        Err(error) => refused_form(state, lang, staff, error).await,
    }
}

/// A refused form shows the page again with the reason; anything else is an error page.
async fn refused_form(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    error: AppError,
) -> Result<Response, PageError> {
    let message = match &error {
        AppError::Conflict { message, .. } => message.clone(),
        AppError::InvalidReport(errors) => errors
            .iter()
            .map(|e| lang.pick(&e.message_vi, &e.message_en).to_owned())
            .collect::<Vec<_>>()
            .join(" "),
        _ => return Err(PageError::new(error, lang)),
    };
    requests_page(state, lang, staff, error.status(), None, Some(message))
        .await
        .map_err(page(lang))
}

/// The re-share form carries only its CSRF token.
#[derive(Deserialize)]
pub struct ReshareForm {}

/// The custodian contributes their shares to every re-share due.
pub async fn reshare(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form: _ }: CsrfForm<ReshareForm>,
) -> Result<Response, PageError> {
    require_custodian(&staff).map_err(page(lang))?;
    let key = staff.private_key().map_err(page(lang))?;
    let outcome = state
        .store
        .contribute_to_reshares(&staff.user.id, &key, Utc::now())
        .await
        .map_err(|error| PageError::new(disclosure_failure(error), lang))?;
    let notice = format!(
        "{} {} · {} {} · {} {}",
        lang.pick("Đã góp phần chia lại:", "Contributed to re-shares:"),
        outcome.contributed,
        lang.pick("hoàn tất:", "completed:"),
        outcome.completed,
        lang.pick("không mở được phần khóa:", "shares that would not open:"),
        outcome.blocked,
    );
    requests_page(&state, lang, &staff, StatusCode::OK, Some(notice), None)
        .await
        .map_err(page(lang))
}
