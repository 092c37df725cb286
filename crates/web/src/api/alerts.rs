//! `/api/v1/alerts…`: the alerts of the caller's unit, for its protection
//! officers (who acknowledge and review them) and its head (who reads them).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use khien_store::tripwire::Alert;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::staff_session::WithRole;
use crate::tripwire::alert_access::{
    acknowledge as acknowledge_alert, alert_id, review as review_alert, unit_alerts,
};
use crate::tripwire::roles::{AlertReaders, ProtectionOnly};
use crate::{AppError, AppState};

fn labels(vi: &str, en: &str) -> Value {
    json!({ "vi": vi, "en": en })
}

/// An alert as the API shows it. Never an ID number: the person is named by
/// their place in the case (self, spouse, parent, child).
pub fn alert_json(alert: &Alert) -> Value {
    json!({
        "id": alert.id.as_str(),
        "kind": alert.kind.as_str(),
        "kind_label": labels(alert.kind.label_vi(), alert.kind.label_en()),
        "case": { "id": alert.case_id.as_str(), "tracking_number": alert.tracking_number },
        "unit": { "id": alert.unit_id.as_str(), "code": alert.unit_code, "name": alert.unit_name },
        "created_at": alert.created_at.to_rfc3339(),
        "acknowledged": alert.acknowledged.as_ref().map(|ack| json!({
            "by": ack.by,
            "at": ack.at.to_rfc3339(),
        })),
        "hr_action": alert.hr_action.as_ref().map(|hr| json!({
            "id": hr.hr_action_id.as_str(),
            "person": hr.person.map(|p| p.as_str()),
            "person_label": hr.person.map(|p| labels(p.label_vi(), p.label_en())),
            "action": hr.action.as_str(),
            "action_label": labels(hr.action.label_vi(), hr.action.label_en()),
            "employing_unit": { "code": hr.employing_unit_code, "name": hr.employing_unit_name },
            "decided_on": hr.decided_on.format("%Y-%m-%d").to_string(),
            "recorded_by": hr.recorded_by,
            "note": hr.note,
        })),
        "review": alert.review.as_ref().map(|review| json!({
            "outcome": review.outcome.as_str(),
            "outcome_label": labels(review.outcome.label_vi(), review.outcome.label_en()),
            "allowed_reason": review.outcome.is_allowed_reason(),
            "note": review.note,
            "by": review.by,
            "at": review.at.to_rfc3339(),
        })),
        "protection": alert.protection.as_ref().map(|details| json!({
            "request": details.request_id,
            "answer": details.answer.map(|a| a.as_str()),
            "answer_label": details.answer.map(|a| labels(a.label_vi(), a.label_en())),
            "note": details.note,
        })),
        "sealed": alert.sealed,
    })
}

/// The unit's alerts, not yet acknowledged first, then newest first.
pub async fn list(
    State(state): State<AppState>,
    reader: WithRole<AlertReaders>,
) -> Result<Json<Value>, AppError> {
    let alerts = unit_alerts(&state, &reader.staff).await?;
    Ok(Json(json!({
        "alerts": alerts.iter().map(alert_json).collect::<Vec<_>>(),
    })))
}

/// Acknowledges an alert of the caller's unit (again: no change); 404 for
/// any other.
pub async fn acknowledge(
    State(state): State<AppState>,
    officer: WithRole<ProtectionOnly>,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id = alert_id(&id)?;
    acknowledge_alert(&state, &officer.staff, &id).await?;
    Ok(Json(json!({ "id": id.as_str(), "acknowledged": true })))
}

/// `POST /api/v1/alerts/{id}/review` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    note: Option<String>,
}

/// Records the review (Circular 03/2020/TT-BNV) of an alert of the caller's
/// unit: 201, or 409 if it was already reviewed.
pub async fn review(
    State(state): State<AppState>,
    officer: WithRole<ProtectionOnly>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let id = alert_id(&id)?;
    let review = review_alert(
        &state,
        &officer.staff,
        &id,
        &body.outcome,
        body.note.as_deref().unwrap_or(""),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": id.as_str(),
            "outcome": review.outcome.as_str(),
            "allowed_reason": review.outcome.is_allowed_reason(),
        })),
    ))
}
