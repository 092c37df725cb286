//! `GET` and `PUT /api/v1/units/{code}/jurisdiction`: what an oversight body
//! oversees. Anyone on the staff may read it; administrators set it, audited.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::jurisdiction_input::{jurisdiction_failure, parse_jurisdiction, parse_unit_code};
use super::jurisdiction_words::jurisdiction_words;
use crate::api::json_body::ApiJson;
use crate::staff_session::{AdminOnly, Staff, WithRole};
use crate::{AppError, AppState};

/// `{"whole_province": true}` or `{"subtrees": ["CODE", …]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionBody {
    #[serde(default)]
    whole_province: bool,
    #[serde(default)]
    subtrees: Vec<String>,
}

async fn shown(state: &AppState, code: &str) -> Result<Json<Value>, AppError> {
    let code = parse_unit_code(code)?;
    let unit = state
        .store
        .unit_by_code(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let words = jurisdiction_words(state, &unit.id).await?;
    Ok(Json(json!({
        "unit": unit.code.as_str(),
        "oversees": unit.kind.oversees(),
        "jurisdiction": words.to_json(),
    })))
}

/// The unit's jurisdiction (its own subtree when none was set).
pub async fn show(
    State(state): State<AppState>,
    _staff: Staff,
    Path(code): Path<String>,
) -> Result<Json<Value>, AppError> {
    shown(&state, &code).await
}

/// Sets it (administrators): 200 with what it now is; 400 naming `unit` or
/// `subtrees` for an unknown code, a unit that is not an oversight body, or an
/// empty list.
pub async fn set(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<JurisdictionBody>,
) -> Result<Json<Value>, AppError> {
    let unit = parse_unit_code(&code)?;
    let jurisdiction = parse_jurisdiction(body.whole_province, &body.subtrees)?;
    state
        .store
        .set_jurisdiction(&admin.staff.actor(), &unit, &jurisdiction)
        .await
        .map_err(jurisdiction_failure)?;
    shown(&state, &code).await
}
