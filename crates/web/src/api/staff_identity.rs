//! `PUT /api/v1/me/id-number`: the caller registers their ID number and full
//! name for the conflict-of-interest check.

use axum::extract::State;
use axum::http::StatusCode;
use secrecy::SecretString;
use serde::Deserialize;

use super::json_body::ApiJson;
use crate::staff_identity::register_own_identity;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// `{"id_number", "full_name"}`. Both are required; a missing one is a 400
/// naming it, like a malformed one.
#[derive(Deserialize)]
pub struct IdNumberBody {
    id_number: Option<SecretString>,
    full_name: Option<SecretString>,
}

/// Stores the blind indexes of the caller's ID number and of their name in
/// their unit; answers 204.
pub async fn put_id_number(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<IdNumberBody>,
) -> Result<StatusCode, AppError> {
    register_own_identity(
        &state,
        &staff,
        body.id_number.as_ref(),
        body.full_name.as_ref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
