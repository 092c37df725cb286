//! `/api/v1/cases/{id}/false-report-review…`: the review of a report found false
//! (LTC Arts 8(10), 35(2)(c), 44(1)(c); NĐ31 Art. 23). Members of the case's unit
//! read it; its head decides and recommends handling. Protection is untouched.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::outcomes::{decide_false_report, false_report_reviews, recommend_handling, review_json};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The case's reviews, oldest first; `current` is the latest.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (_, reviews) = false_report_reviews(&state, &staff, &id).await?;
    Ok(Json(json!({
        "current": reviews.last().map(review_json),
        "reviews": reviews.iter().map(review_json).collect::<Vec<_>>(),
    })))
}

/// `POST …/decision` body. `deliberate` is taken as any JSON value so that a
/// missing or mistyped one is refused by name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    #[serde(default)]
    deliberate: Value,
    #[serde(default)]
    note: Option<String>,
}

/// The head decides whether the report was deliberate.
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Json<Value>, AppError> {
    decide_false_report(
        &state,
        &staff,
        &id,
        body.deliberate.as_bool(),
        body.note.as_deref().unwrap_or(""),
    )
    .await?;
    let (_, reviews) = false_report_reviews(&state, &staff, &id).await?;
    Ok(Json(json!({ "current": reviews.last().map(review_json) })))
}

/// `POST …/handling` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlingBody {
    #[serde(default)]
    handling: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    note: Option<String>,
}

/// The head recommends handling: 409 unless the report was found deliberate.
pub async fn recommend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<HandlingBody>,
) -> Result<Json<Value>, AppError> {
    recommend_handling(
        &state,
        &staff,
        &id,
        &body.handling,
        &body.legal_basis,
        body.note.as_deref().unwrap_or(""),
    )
    .await?;
    let (_, reviews) = false_report_reviews(&state, &staff, &id).await?;
    Ok(Json(json!({ "current": reviews.last().map(review_json) })))
}
