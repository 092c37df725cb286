//! `/api/v1/units`: the organisation tree.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use khien_domain::accounts::{HeadPosition, UnitCode, UnitKind, UnitName};
use khien_store::accounts::{NewUnit, Unit};
use serde::{Deserialize, Serialize};

use super::account_error::into_app_error;
use super::json_body::ApiJson;
use crate::staff_session::{AdminOnly, Staff, WithRole};
use crate::{AppError, AppState};

/// A unit as the API shows it.
#[derive(Serialize)]
pub struct UnitView {
    code: String,
    name: String,
    kind: &'static str,
    parent: Option<String>,
    head_position: Option<String>,
    depth: usize,
}

/// Every unit, in tree order. Any staff member may read the tree.
pub async fn list(
    State(state): State<AppState>,
    _staff: Staff,
) -> Result<Json<Vec<UnitView>>, AppError> {
    let units = state.store.list_units().await?;
    let code_of = |id: &khien_store::accounts::UnitId| {
        units
            .iter()
            .find(|entry| &entry.unit.id == id)
            .map(|entry| entry.unit.code.as_str().to_owned())
    };
    Ok(Json(
        units
            .iter()
            .map(|entry| UnitView {
                code: entry.unit.code.as_str().to_owned(),
                name: entry.unit.name.as_str().to_owned(),
                kind: entry.unit.kind.as_str(),
                parent: entry.unit.parent_id.as_ref().and_then(code_of),
                head_position: entry
                    .unit
                    .head_position
                    .as_ref()
                    .map(|position| position.as_str().to_owned()),
                depth: entry.depth,
            })
            .collect(),
    ))
}

/// `POST /api/v1/units` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUnitBody {
    code: String,
    name: String,
    kind: String,
    parent: Option<String>,
    head_position: Option<String>,
}

/// Parses a new unit at the boundary; every error names its field.
pub fn parse_new_unit(
    code: &str,
    name: &str,
    kind: &str,
    parent: Option<&str>,
    head_position: Option<&str>,
) -> Result<NewUnit, AppError> {
    let bad = |field: &'static str| {
        move |error: khien_domain::accounts::FieldError| AppError::BadRequest {
            field: Some(field),
            message: error.to_string(),
        }
    };
    Ok(NewUnit {
        code: UnitCode::parse(code).map_err(bad("code"))?,
        name: UnitName::parse(name).map_err(bad("name"))?,
        kind: kind
            .parse::<UnitKind>()
            .map_err(|error| AppError::BadRequest {
                field: Some("kind"),
                message: error.to_string(),
            })?,
        parent: parent
            .filter(|text| !text.trim().is_empty())
            .map(UnitCode::parse)
            .transpose()
            .map_err(bad("parent"))?,
        head_position: head_position
            .filter(|text| !text.trim().is_empty())
            .map(HeadPosition::parse)
            .transpose()
            .map_err(bad("head_position"))?,
    })
}

/// Adds a unit (administrators).
pub async fn add(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    ApiJson(body): ApiJson<NewUnitBody>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let new_unit = parse_new_unit(
        &body.code,
        &body.name,
        &body.kind,
        body.parent.as_deref(),
        body.head_position.as_deref(),
    )?;
    let unit: Unit = state
        .store
        .add_unit(&admin.staff.actor(), &new_unit)
        .await
        .map_err(into_app_error)?;
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "code": unit.code.as_str(), "id": unit.id.to_string() })),
    ))
}
