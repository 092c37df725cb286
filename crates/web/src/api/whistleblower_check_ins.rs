//! `POST /api/v1/whistleblower/check-ins`: the reporter answers "are you
//! safe?" about running measures (the open questions are in
//! `GET /api/v1/whistleblower/report`, `open_check_ins`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::protection::reporter_protection::answer_check_in;
use crate::reporter_session::Reporter;
use crate::{AppError, AppState};

/// The answer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    #[serde(default)]
    request: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    note: String,
}

/// Records the answer; 201 `{"id", "alerted"}` (`alerted`: the protection
/// officers were told, for any answer but "fine").
pub async fn answer(
    State(state): State<AppState>,
    reporter: Reporter,
    ApiJson(body): ApiJson<CheckInBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let answered =
        answer_check_in(&state, &reporter, &body.request, &body.answer, &body.note).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": answered.id.as_str(), "alerted": answered.alert.is_some() })),
    ))
}
