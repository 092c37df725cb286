//! `/api/v1/reports/…`: figures, submissions and the consolidated document.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::report_access::report_scope;
use super::report_document::report_document;
use super::report_json::{indicators_json, submission_json, unit_json};
use super::report_period_param::parse_period;
use super::submission_status::{deadline_of, scope_submissions};
use super::submit::submit_report;
use super::unit_figures::scope_figures;
use crate::api::json_body::ApiJson;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The DOCX media type.
pub const DOCX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `?period=2026-annual[&unit=CODE]`
#[derive(Deserialize)]
pub struct ReportQuery {
    period: Option<String>,
    unit: Option<String>,
}

fn period_json(period: khien_domain::reporting::ReportPeriod) -> Value {
    let deadline = deadline_of(period);
    json!({
        "code": period.code(),
        "starts_on": period.starts_on().to_string(),
        "ends_on": period.ends_on().to_string(),
        "label": { "vi": period.label_vi(), "en": period.label_en() },
        "deadline": {
            "before": deadline.before.to_string(),
            "verified": deadline.verified,
            "basis": deadline.basis,
        },
    })
}

/// Each unit's figures in the caller's subtree (or `unit`'s), and the total.
pub async fn indicators(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ReportQuery>,
) -> Result<Json<Value>, AppError> {
    let scope = report_scope(&state, &staff, query.unit.as_deref()).await?;
    let period = parse_period(query.period.as_deref())?;
    let (figures, total) = scope_figures(&state, &scope, period).await?;
    Ok(Json(json!({
        "period": period_json(period),
        "units": figures.iter().map(|f| json!({
            "unit": unit_json(&f.unit),
            "indicators": indicators_json(&f.indicators),
        })).collect::<Vec<_>>(),
        "total": indicators_json(&total),
    })))
}

/// Every unit of the subtree with its report's status and, when submitted, the report.
pub async fn submissions(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ReportQuery>,
) -> Result<Json<Value>, AppError> {
    let scope = report_scope(&state, &staff, query.unit.as_deref()).await?;
    let period = parse_period(query.period.as_deref())?;
    let rows = scope_submissions(&state, &scope, period).await?;
    Ok(Json(json!({
        "period": period_json(period),
        "units": rows.iter().map(submission_json).collect::<Vec<_>>(),
    })))
}

/// `{period, narrative, reason?}`
#[derive(Deserialize)]
pub struct SubmissionBody {
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    narrative: String,
    #[serde(default)]
    reason: String,
}

/// A head submits their unit's report: 201 with the revision recorded.
pub async fn submit(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<SubmissionBody>,
) -> Result<Response, AppError> {
    if !staff.has_role(khien_domain::accounts::Role::Head) {
        return Err(AppError::Forbidden);
    }
    let period = parse_period(body.period.as_deref())?;
    let submission = submit_report(&state, &staff, period, &body.narrative, &body.reason).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": submission.id.as_str(),
            "period": period.code(),
            "revision": submission.revision,
            "submitted_at": submission.submitted_at.to_rfc3339(),
            "indicators": indicators_json(&submission.indicators),
        })),
    )
        .into_response())
}

/// The consolidated report of the caller's subtree (or `unit`'s) as DOCX.
pub async fn document(
    State(state): State<AppState>,
    staff: Staff,
    Path(period): Path<String>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let scope = report_scope(&state, &staff, query.unit.as_deref()).await?;
    let period = parse_period(Some(&period))?;
    docx_response(report_document(&state, &scope, period).await?)
}

/// The bytes as a download.
pub fn docx_response((bytes, name): (Vec<u8>, String)) -> Result<Response, AppError> {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(DOCX_MEDIA_TYPE));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
