//! Retaliation as linked cases: a colleague's report (`POST
//! /api/v1/retaliation-reports`, public, like `POST /api/v1/reports`), the
//! retaliation cases a unit handles or oversees, a case's linked cases, and staff
//! naming the unit accused of retaliating.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use khien_store::intake::CaseId;
use secrecy::ExposeSecret;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::case_access::case_visibility;
use crate::intake_form::SubmitFailure;
use crate::outcomes::{
    AccusedOfRetaliation, ColleagueDraft, linked_case_json, name_accused_unit,
    report_retaliation_as_colleague, visible_linked_cases, visible_retaliation_cases,
};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// `POST /api/v1/retaliation-reports` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColleagueBody {
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

/// A colleague's report of retaliation: 201 with the new case's receipt (shown
/// once), or 400 naming every wrong field.
pub async fn report(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<ColleagueBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    state.submission_slowdown.wait(peer.ip()).await;
    let draft = ColleagueDraft {
        accused: AccusedOfRetaliation {
            unit: body.accused_unit,
            name: body.accused_name,
            position: body.accused_position,
        },
        original_tracking_number: body.original_tracking_number,
        what_happened: body.what_happened,
        when: body.when,
    };
    let submitted = report_retaliation_as_colleague(&state, &draft)
        .await
        .map_err(|failure| match failure {
            SubmitFailure::Invalid(errors) => AppError::InvalidReport(errors),
            SubmitFailure::Failed(error) => error,
        })?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "receipt": submitted.receipt.expose_secret(),
            "tracking_number": submitted.tracking_number.as_str(),
            "received_on": submitted.received_on.to_string(),
        })),
    ))
}

/// The retaliation cases the caller's unit handles (as the superior) or oversees
/// (as the party inspection committee): their public facts only.
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Json<Value>, AppError> {
    let mut cases = Vec::new();
    for row in visible_retaliation_cases(&state, &staff).await? {
        cases.push(json!({
            "id": row.summary.id.as_str(),
            "tracking_number": row.summary.tracking_number.as_str(),
            "stage": row.summary.stage.code(),
            "received_on": row.summary.received_on.to_string(),
            "next_due": row.summary.next_due.map(|(kind, due)| json!({
                "kind": kind.code(), "due": due.to_string(),
            })),
            "source": row.link.source.as_str(),
            "accused_unit": row.link.accused_unit_id.as_str(),
            "inspection_unit": row.link.inspection_unit_id.as_ref().map(|unit| unit.as_str()),
            "original_case": row.link.original_case_id.as_ref().map(CaseId::as_str),
        }));
    }
    Ok(Json(json!({ "cases": cases })))
}

/// The cases linked to this one that the caller may see.
pub async fn linked(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (summary, _) = case_visibility(&state, &staff, &id).await?;
    let linked = visible_linked_cases(&state, &staff, &summary.id).await?;
    let link = state.store.retaliation_link(&summary.id).await?;
    Ok(Json(json!({
        "linked_cases": linked.iter().map(linked_case_json).collect::<Vec<_>>(),
        "retaliation": link.map(|link| json!({
            "source": link.source.as_str(),
            "accused_unit": link.accused_unit_id.as_str(),
            "inspection_unit": link.inspection_unit_id.as_ref().map(|unit| unit.as_str()),
        })),
    })))
}

/// `POST /api/v1/cases/{id}/accused-unit` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccusedBody {
    #[serde(default)]
    unit: String,
}

/// Names the unit accused of retaliating; the case is forwarded to its superior
/// if that is another unit.
pub async fn name_accused(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AccusedBody>,
) -> Result<Json<Value>, AppError> {
    let named = name_accused_unit(&state, &staff, &id, &body.unit).await?;
    Ok(Json(json!({
        "accused_unit": named.accused.code.as_str(),
        "forwarded_to": named.forwarded_to.as_ref().map(|unit| unit.code.as_str()),
    })))
}
