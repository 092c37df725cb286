//! `POST /api/v1/hr-actions`: an HR officer records an adverse decision for the
//! retaliation tripwire. The answer is the same whether or not the person is
//! protected: `201 {"id", "recorded": true}`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use khien_domain::tripwire::HrActionDraft;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::staff_session::WithRole;
use crate::tripwire::hr_recording::record_hr_action;
use crate::tripwire::roles::HrOnly;
use crate::{AppError, AppState};

/// `POST /api/v1/hr-actions` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HrActionBody {
    /// Taken as any JSON value so that a number sent as a JSON number is
    /// refused by our own message, not by one that repeats it.
    #[serde(default)]
    id_number: Value,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    note: Option<String>,
}

/// Records the decision; bad input answers 400 naming every bad field.
pub async fn create(
    State(state): State<AppState>,
    hr: WithRole<HrOnly>,
    ApiJson(body): ApiJson<HrActionBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let draft = HrActionDraft {
        id_number: body.id_number.as_str().unwrap_or("").to_owned(),
        unit: body.unit,
        action: body.action,
        decided_on: body.decided_on,
        note: body.note.unwrap_or_default(),
    };
    let id = record_hr_action(&state, &hr.staff, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id.to_string(), "recorded": true })),
    ))
}
