//! `/staff/alerts`: the unit's alerts for its protection officers, who
//! acknowledge them and record their review (Circular 03/2020/TT-BNV), and for
//! its head, who reads them.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;
use khien_domain::tripwire::ReviewOutcome;
use khien_store::tripwire::Alert;
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff, WithRole};
use crate::tripwire::alert_access::{
    acknowledge as acknowledge_alert, alert_id, review as review_alert, unit_alerts,
};
use crate::tripwire::roles::AlertReaders;
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

/// The review of an alert, as the page shows it.
pub struct ReviewRow {
    outcome: &'static str,
    allowed: bool,
    note: Option<String>,
    by: String,
    at: String,
}

/// One alert, as the page shows it. Never an ID number.
pub struct AlertRow {
    id: String,
    case_id: String,
    tracking_number: String,
    kind: &'static str,
    created_at: String,
    person: String,
    action: &'static str,
    employing_unit: String,
    decided_on: String,
    recorded_by: String,
    note: Option<String>,
    acknowledged: Option<String>,
    review: Option<ReviewRow>,
    /// An HR decision is what the alert is about.
    is_hr_action: bool,
    /// For protection's own alerts: the check-in answer and note, or the
    /// urgent request, with a link to the case's protection page.
    protection: Option<String>,
}

fn alert_row(lang: Language, alert: &Alert) -> AlertRow {
    let sealed = lang.pick(
        "(chưa mở được: khóa của đơn vị chưa được cấp cho bạn)",
        "(cannot be opened yet: the unit's key has not been granted to you)",
    );
    let hr = alert.hr_action.as_ref();
    AlertRow {
        id: alert.id.to_string(),
        case_id: alert.case_id.to_string(),
        tracking_number: alert.tracking_number.clone(),
        kind: lang.pick(alert.kind.label_vi(), alert.kind.label_en()),
        created_at: format_in_vietnam(alert.created_at),
        person: match hr.and_then(|hr| hr.person) {
            Some(person) => lang.pick(person.label_vi(), person.label_en()).to_owned(),
            None => sealed.to_owned(),
        },
        action: hr.map_or("", |hr| {
            lang.pick(hr.action.label_vi(), hr.action.label_en())
        }),
        employing_unit: hr.map_or_else(String::new, |hr| {
            format!("{} ({})", hr.employing_unit_name, hr.employing_unit_code)
        }),
        decided_on: hr.map_or_else(String::new, |hr| {
            hr.decided_on.format("%d/%m/%Y").to_string()
        }),
        recorded_by: hr.map_or_else(String::new, |hr| hr.recorded_by.clone()),
        note: hr.and_then(|hr| hr.note.clone()),
        acknowledged: alert
            .acknowledged
            .as_ref()
            .map(|ack| format!("{} · {}", ack.by, format_in_vietnam(ack.at))),
        is_hr_action: hr.is_some(),
        protection: alert.protection.as_ref().map(|details| match details.answer {
            Some(answer) => format!(
                "{}: {}{}",
                lang.pick("Trả lời \"Bạn có an toàn không?\"", "Answer to \"Are you safe?\""),
                lang.pick(answer.label_vi(), answer.label_en()),
                details
                    .note
                    .as_ref()
                    .map(|note| format!(" — {note}"))
                    .unwrap_or_default()
            ),
            None => lang
                .pick(
                    "Đề nghị bảo vệ khẩn cấp: cần xem xét và yêu cầu cơ quan có thẩm quyền áp dụng biện pháp bảo vệ ngay.",
                    "Urgent protection request: review it and ask the competent body to apply measures at once.",
                )
                .to_owned(),
        }),
        review: alert.review.as_ref().map(|review| ReviewRow {
            outcome: lang.pick(review.outcome.label_vi(), review.outcome.label_en()),
            allowed: review.outcome.is_allowed_reason(),
            note: review.note.clone(),
            by: review.by.clone(),
            at: format_in_vietnam(review.at),
        }),
    }
}

#[derive(Template)]
#[template(path = "console/alerts.html")]
struct AlertsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    alerts: Vec<AlertRow>,
    can_act: bool,
    key_pending: bool,
    outcomes: Vec<(&'static str, &'static str)>,
    error: Option<String>,
}

async fn alerts_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, PageError> {
    let alerts = unit_alerts(state, staff).await.map_err(page(lang))?;
    Ok(render_page(
        status,
        &AlertsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            key_pending: alerts.iter().any(|alert| alert.sealed),
            alerts: alerts.iter().map(|alert| alert_row(lang, alert)).collect(),
            can_act: staff.has_role(Role::Protection),
            outcomes: ReviewOutcome::ALL
                .iter()
                .map(|outcome| {
                    (
                        outcome.as_str(),
                        lang.pick(outcome.label_vi(), outcome.label_en()),
                    )
                })
                .collect(),
            error,
        },
    ))
}

/// The unit's alerts, not yet acknowledged first.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    reader: WithRole<AlertReaders>,
) -> Result<Response, PageError> {
    alerts_page(&state, lang, &reader.staff, StatusCode::OK, None).await
}

fn back_to_alerts(lang: Language) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(LOCATION, format!("/staff/alerts{}", lang.query()))],
    )
        .into_response()
}

/// The acknowledge button's form (only its CSRF token).
#[derive(Deserialize)]
pub struct AcknowledgeForm {}

/// A protection officer acknowledges an alert of their unit.
pub async fn acknowledge(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, .. }: CsrfForm<AcknowledgeForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(Role::Protection) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let id = alert_id(&id).map_err(page(lang))?;
    acknowledge_alert(&state, &staff, &id)
        .await
        .map_err(page(lang))?;
    Ok(back_to_alerts(lang))
}

/// The review form's fields.
#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    note: String,
}

/// A protection officer records the review of an alert of their unit; a
/// mistake comes back on the page, naming the field.
pub async fn review(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<ReviewForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(Role::Protection) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let id = alert_id(&id).map_err(page(lang))?;
    match review_alert(&state, &staff, &id, &form.outcome, &form.note).await {
        Ok(_) => Ok(back_to_alerts(lang)),
        Err(AppError::InvalidReport(errors)) => {
            let message = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, lang.pick(&e.message_vi, &e.message_en)))
                .collect::<Vec<_>>()
                .join(" ");
            alerts_page(&state, lang, &staff, StatusCode::BAD_REQUEST, Some(message)).await
        }
        Err(error @ AppError::Conflict { .. }) => {
            let message = error.to_string();
            alerts_page(&state, lang, &staff, StatusCode::CONFLICT, Some(message)).await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
