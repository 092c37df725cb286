//! `/api/v1/units/{code}/identity-threshold` and `/api/v1/identity-reshares`:
//! how many custodians must agree, and moving shares when custodians change.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;
use khien_domain::accounts::UnitCode;
use khien_store::disclosure::ThresholdSetting;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::disclosure_access::{disclosure_failure, require_custodian};
use crate::staff_session::{AdminOnly, Staff, WithRole};
use crate::{AppError, AppState};

/// `POST /api/v1/units/{code}/identity-threshold` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdBody {
    threshold: i64,
    #[serde(default)]
    accept_single_custodian: bool,
}

fn setting_json(code: &UnitCode, setting: &ThresholdSetting) -> Value {
    json!({
        "unit": code.as_str(),
        "threshold": setting.threshold.get(),
        "single_custodian_accepted": setting.single_custodian_accepted.as_ref().map(|(by, at)| json!({
            "by": by.as_str(),
            "at": at.to_rfc3339(),
        })),
        "updated_by": setting.updated_by.as_str(),
        "updated_at": setting.updated_at.to_rfc3339(),
    })
}

/// An administrator sets how many of a unit's custodians must agree (k ≥ 2;
/// 1 only for a unit with a single custodian, with `accept_single_custodian`,
/// recorded with who and when). Applies to reports received from now on.
pub async fn set_threshold(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<ThresholdBody>,
) -> Result<Json<Value>, AppError> {
    let code = UnitCode::parse(&code).map_err(|_| AppError::NotFound)?;
    let setting = state
        .store
        .set_identity_threshold(
            &admin.staff.user.id,
            &code,
            body.threshold,
            body.accept_single_custodian,
            Utc::now(),
        )
        .await
        .map_err(disclosure_failure)?;
    Ok(Json(setting_json(&code, &setting)))
}

/// The cases where this custodian holds a share and a re-share is due.
pub async fn pending_reshares(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Json<Value>, AppError> {
    require_custodian(&staff)?;
    let pending = state
        .store
        .reshares_for_custodian(&staff.user.id)
        .await
        .map_err(disclosure_failure)?;
    Ok(Json(json!({
        "reshares": pending.iter().map(|due| json!({
            "case_id": due.case_id.as_str(),
            "tracking_number": due.tracking_number.as_str(),
            "contributions": due.contributions,
            "needed": due.needed,
            "recipients": due.recipients,
            "contributed": due.contributed,
        })).collect::<Vec<_>>(),
    })))
}

/// The custodian contributes their shares to every re-share due (in their
/// session; the key is never rebuilt); answers the counts.
pub async fn contribute(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Json<Value>, AppError> {
    require_custodian(&staff)?;
    let key = staff.private_key()?;
    let outcome = state
        .store
        .contribute_to_reshares(&staff.user.id, &key, Utc::now())
        .await
        .map_err(disclosure_failure)?;
    Ok(Json(json!({
        "contributed": outcome.contributed,
        "completed": outcome.completed,
        "blocked": outcome.blocked,
    })))
}
