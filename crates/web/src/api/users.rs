//! `/api/v1/users`: staff accounts (administrators only).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use khien_domain::accounts::{Password, Role, UnitCode, Username};
use khien_store::accounts::{Enrolment, NewUser};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::{Value, json};

use super::account_error::into_app_error;
use super::json_body::ApiJson;
use super::user_view::UserView;
use crate::staff_session::{AdminOnly, WithRole};
use crate::{AppError, AppState};

/// Every account.
pub async fn list(
    State(state): State<AppState>,
    _admin: WithRole<AdminOnly>,
) -> Result<Json<Vec<UserView>>, AppError> {
    let users = state.store.list_users().await?;
    Ok(Json(users.iter().map(UserView::of).collect()))
}

/// `POST /api/v1/users` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    username: String,
    unit: String,
    roles: Vec<String>,
    password: SecretString,
}

/// Parses a username at the boundary.
pub fn parse_username(text: &str) -> Result<Username, AppError> {
    Username::parse(text).map_err(|error| AppError::BadRequest {
        field: Some("username"),
        message: error.to_string(),
    })
}

/// Parses a password against the policy.
pub fn parse_password(secret: SecretString, field: &'static str) -> Result<Password, AppError> {
    Password::parse(secret).map_err(|error| AppError::BadRequest {
        field: Some(field),
        message: error.to_string(),
    })
}

/// Parses a list of role names; at least one.
pub fn parse_roles<S: AsRef<str>>(names: &[S]) -> Result<Vec<Role>, AppError> {
    if names.is_empty() {
        return Err(AppError::BadRequest {
            field: Some("roles"),
            message: "cần ít nhất một vai trò / at least one role is needed".into(),
        });
    }
    names
        .iter()
        .map(|name| {
            name.as_ref()
                .parse::<Role>()
                .map_err(|error| AppError::BadRequest {
                    field: Some("roles"),
                    message: error.to_string(),
                })
        })
        .collect()
}

/// What an enrolment shows once: the TOTP secret and the recovery key.
pub fn enrolment_json(enrolment: &Enrolment) -> Value {
    json!({
        "user": UserView::of(&enrolment.user),
        "totp_secret": enrolment.totp_secret.to_base32().expose_secret(),
        "recovery_key": enrolment.recovery_key.grouped().expose_secret(),
    })
}

/// Creates an account; the answer holds its one-time secrets.
pub async fn add(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    ApiJson(body): ApiJson<NewUserBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let new_user = NewUser {
        username: parse_username(&body.username)?,
        unit: UnitCode::parse(&body.unit).map_err(|error| AppError::BadRequest {
            field: Some("unit"),
            message: error.to_string(),
        })?,
        roles: parse_roles(&body.roles)?,
        password: parse_password(body.password, "password")?,
    };
    let enrolment = state
        .store
        .create_user(
            &admin.staff.actor(),
            new_user,
            &state.server_secret,
            &state.kdf_params,
        )
        .await
        .map_err(into_app_error)?;
    Ok((StatusCode::CREATED, Json(enrolment_json(&enrolment))))
}

/// Disables an account and ends its sessions.
pub async fn disable(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    Path(username): Path<String>,
) -> Result<StatusCode, AppError> {
    let username = parse_username(&username)?;
    state
        .store
        .set_user_disabled(&admin.staff.actor(), &username, true)
        .await
        .map_err(into_app_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Enables an account again.
pub async fn enable(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    Path(username): Path<String>,
) -> Result<StatusCode, AppError> {
    let username = parse_username(&username)?;
    state
        .store
        .set_user_disabled(&admin.staff.actor(), &username, false)
        .await
        .map_err(into_app_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/users/{username}/reset` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetBody {
    password: SecretString,
}

/// Resets an account: a new password, a new key pair, new TOTP and recovery key.
/// The administrator never learns the old key, which is gone.
pub async fn reset(
    State(state): State<AppState>,
    admin: WithRole<AdminOnly>,
    Path(username): Path<String>,
    ApiJson(body): ApiJson<ResetBody>,
) -> Result<Json<Value>, AppError> {
    let username = parse_username(&username)?;
    let password = parse_password(body.password, "password")?;
    let enrolment = state
        .store
        .admin_reset_user(
            &admin.staff.actor(),
            &username,
            &password,
            &state.server_secret,
            &state.kdf_params,
        )
        .await
        .map_err(into_app_error)?;
    Ok(Json(enrolment_json(&enrolment)))
}
