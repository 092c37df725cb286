//! `/staff/reports`: pick a period; the figures of every unit of one's subtree and
//! their total; a head's form to submit the unit's report and what was submitted; who
//! has submitted before the deadline, who is late, who is missing; the consolidated
//! report as DOCX. Plain forms: works without JavaScript.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;
use khien_domain::reporting::{INDICATOR_LINES, ReportPeriod};
use serde::Deserialize;

use super::api::docx_response;
use super::report_access::{ReportScope, report_scope};
use super::report_document::report_document;
use super::report_period_param::{current_annual, parse_period, recent_periods};
use super::submission_status::{Status, deadline_of, scope_submissions};
use super::submit::submit_report;
use super::unit_figures::scope_figures;
use khien_documents::money::grouped;

use crate::console::nav_links::NavLinks;
use crate::console::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff};
use crate::vietnam_time::{format_in_vietnam, today_in_vietnam};
use crate::{AppError, AppState};

/// One line of the figures table: its label and a value per unit, then the total.
pub struct FigureRow {
    label: &'static str,
    detail: bool,
    values: Vec<String>,
    total: String,
}

/// One unit's report status.
pub struct StatusRow {
    unit: String,
    status: Status,
    status_label: &'static str,
    submitted_at: String,
    revision: String,
}

/// What the head's unit submitted last.
pub struct OwnSubmission {
    revision: i64,
    submitted_at: String,
    status_label: &'static str,
    narrative: String,
}

#[derive(Template)]
#[template(path = "console/reports.html")]
struct ReportsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    period: String,
    period_label: String,
    periods: Vec<(String, String)>,
    deadline: String,
    deadline_verified: bool,
    unit_codes: Vec<String>,
    figures: Vec<FigureRow>,
    balances: bool,
    statuses: Vec<StatusRow>,
    is_head: bool,
    own: Option<OwnSubmission>,
    draft: String,
    submitted: bool,
    errors: Vec<String>,
}

/// `?period=…&submitted=1`
#[derive(Deserialize)]
pub struct PageQuery {
    period: Option<String>,
    submitted: Option<String>,
}

/// The page; a bad period is a 400 page naming it.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Query(query): Query<PageQuery>,
) -> Result<Response, PageError> {
    let scope = report_scope(&state, &staff, None)
        .await
        .map_err(page(lang))?;
    let period = match query.period.as_deref() {
        None | Some("") => current_annual(today_in_vietnam()),
        text => parse_period(text).map_err(page(lang))?,
    };
    let view = View {
        submitted: query.submitted.is_some(),
        ..View::default()
    };
    reports_page(&state, lang, &staff, &scope, period, view, StatusCode::OK).await
}

#[derive(Default)]
struct View {
    submitted: bool,
    errors: Vec<String>,
    draft: Option<String>,
}

async fn reports_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    scope: &ReportScope,
    period: ReportPeriod,
    view: View,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (figures, total) = scope_figures(state, scope, period)
        .await
        .map_err(page(lang))?;
    let submissions = scope_submissions(state, scope, period)
        .await
        .map_err(page(lang))?;
    let deadline = deadline_of(period);
    let own = submissions
        .iter()
        .find(|row| row.unit.id == staff.user.unit_id)
        .and_then(|row| {
            row.submission.as_ref().map(|s| OwnSubmission {
                revision: s.revision,
                submitted_at: format_in_vietnam(s.submitted_at),
                status_label: lang.pick(row.status.label_vi(), row.status.label_en()),
                narrative: s.narrative.clone(),
            })
        });
    let draft = view
        .draft
        .or_else(|| own.as_ref().map(|o| o.narrative.clone()))
        .unwrap_or_default();
    let rows = INDICATOR_LINES
        .iter()
        .map(|line| FigureRow {
            label: lang.pick(line.label_vi, line.label_en),
            detail: line.detail,
            values: figures
                .iter()
                .map(|f| grouped((line.value)(&f.indicators)))
                .collect(),
            total: grouped((line.value)(&total)),
        })
        .collect();
    let statuses = submissions
        .iter()
        .map(|row| StatusRow {
            unit: format!("{} ({})", row.unit.name.as_str(), row.unit.code.as_str()),
            status: row.status,
            status_label: lang.pick(row.status.label_vi(), row.status.label_en()),
            submitted_at: row
                .submission
                .as_ref()
                .map(|s| format_in_vietnam(s.submitted_at))
                .unwrap_or_else(|| "—".into()),
            revision: row
                .submission
                .as_ref()
                .map(|s| s.revision.to_string())
                .unwrap_or_else(|| "—".into()),
        })
        .collect();
    Ok(render_page(
        status,
        &ReportsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            period: period.code(),
            period_label: match lang {
                Language::Vi => period.label_vi(),
                Language::En => period.label_en(),
            },
            periods: recent_periods(today_in_vietnam())
                .into_iter()
                .map(|p| {
                    let label = match lang {
                        Language::Vi => p.label_vi(),
                        Language::En => p.label_en(),
                    };
                    (p.code(), label)
                })
                .collect(),
            deadline: match lang {
                Language::Vi => deadline.label_vi(),
                Language::En => deadline.label_en(),
            },
            deadline_verified: deadline.verified,
            unit_codes: figures
                .iter()
                .map(|f| f.unit.code.as_str().to_owned())
                .collect(),
            figures: rows,
            balances: total.balances(),
            statuses,
            is_head: staff.has_role(Role::Head),
            own,
            draft,
            submitted: view.submitted,
            errors: view.errors,
        },
    ))
}

/// The head's form.
#[derive(Deserialize)]
pub struct SubmissionForm {
    #[serde(default)]
    period: String,
    #[serde(default)]
    narrative: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
}

/// Submits the head's report and comes back to the page; a mistake comes back on the
/// form with what was typed.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<SubmissionForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(Role::Head) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let period = parse_period(Some(&form.period)).map_err(page(lang))?;
    let result = if form.confirm != "yes" {
        Err(AppError::BadRequest {
            field: Some("confirm"),
            message: "hãy xác nhận số liệu và nội dung trước khi gửi / confirm the figures and \
                      the text before submitting"
                .into(),
        })
    } else {
        submit_report(&state, &staff, period, &form.narrative, &form.reason).await
    };
    match result {
        Ok(_) => {
            let english = if lang == Language::En { "&lang=en" } else { "" };
            let location = format!(
                "/staff/reports?period={}&submitted=1{english}",
                period.code()
            );
            Ok((StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response())
        }
        Err(AppError::BadRequest { message, .. } | AppError::Conflict { message, .. }) => {
            let scope = report_scope(&state, &staff, None)
                .await
                .map_err(page(lang))?;
            let view = View {
                submitted: false,
                errors: vec![message],
                draft: Some(form.narrative),
            };
            reports_page(
                &state,
                lang,
                &staff,
                &scope,
                period,
                view,
                StatusCode::BAD_REQUEST,
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}

/// The consolidated report of one's subtree as DOCX.
pub async fn document(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(period): Path<String>,
) -> Result<Response, PageError> {
    let scope = report_scope(&state, &staff, None)
        .await
        .map_err(page(lang))?;
    let period = parse_period(Some(&period)).map_err(page(lang))?;
    let document = report_document(&state, &scope, period)
        .await
        .map_err(page(lang))?;
    docx_response(document).map_err(page(lang))
}
