//! `/api/v1/auth/…`: log in, log out, who am I, change or recover a password.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::{Password, Username};
use khien_vault::recovery_key::RecoveryKey;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;

use khien_store::accounts::AccountError;

use super::account_error::into_app_error;
use super::json_body::ApiJson;
use super::user_view::UserView;
use crate::login_attempt::{Credentials, log_in};
use crate::staff_session::{Staff, end_session, session_cookie};
use crate::{AppError, AppState};

/// `POST /api/v1/auth/login` body.
#[derive(Deserialize)]
pub struct LoginBody {
    username: String,
    password: SecretString,
    totp: String,
}

/// Logs in; answers the bearer token and also sets the console cookie.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<Response, AppError> {
    let credentials = Credentials {
        username: body.username,
        password: body.password,
        totp: body.totp,
    };
    let session = log_in(&state, peer.ip(), &credentials).await?;
    let token = session.token.to_text();
    let cookie = session_cookie(&session.token);
    Ok((
        StatusCode::OK,
        [(SET_COOKIE, cookie.as_str().to_owned())],
        Json(json!({ "token": token.as_str(), "csrf_token": session.csrf_token })),
    )
        .into_response())
}

/// Ends the caller's session.
pub async fn logout(State(state): State<AppState>, staff: Staff) -> Result<StatusCode, AppError> {
    end_session(&state, staff.token()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's account.
pub async fn me(staff: Staff) -> Json<UserView> {
    Json(UserView::of(&staff.user))
}

/// `POST /api/v1/auth/password` body.
#[derive(Deserialize)]
pub struct PasswordChangeBody {
    old_password: SecretString,
    new_password: SecretString,
}

/// Changes the caller's password; the private key is re-sealed under the new one.
pub async fn change_password(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<PasswordChangeBody>,
) -> Result<StatusCode, AppError> {
    let new_password =
        Password::parse(body.new_password).map_err(|error| AppError::BadRequest {
            field: Some("new_password"),
            message: error.to_string(),
        })?;
    state
        .store
        .change_password(
            &staff.actor(),
            &staff.user.username,
            &body.old_password,
            &new_password,
            &state.kdf_params,
        )
        .await
        .map_err(into_app_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/auth/recover` body.
#[derive(Deserialize)]
pub struct RecoverBody {
    username: String,
    recovery_key: SecretString,
    new_password: SecretString,
}

/// Sets a new password with the recovery key; answers the new recovery key (shown once).
pub async fn recover(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RecoverBody>,
) -> Result<Json<serde_json::Value>, AppError> {
    let username = Username::parse(&body.username).map_err(|error| AppError::BadRequest {
        field: Some("username"),
        message: error.to_string(),
    })?;
    let recovery_key = RecoveryKey::parse(body.recovery_key.expose_secret()).map_err(|error| {
        AppError::BadRequest {
            field: Some("recovery_key"),
            message: error.to_string(),
        }
    })?;
    let new_password =
        Password::parse(body.new_password).map_err(|error| AppError::BadRequest {
            field: Some("new_password"),
            message: error.to_string(),
        })?;
    let new_key = state
        .store
        .recover_with_recovery_key(
            "recovery",
            &username,
            &recovery_key,
            &new_password,
            &state.kdf_params,
        )
        .await
        .map_err(|error| match error {
            // An unknown user answers like a wrong key: the endpoint reveals no usernames.
            AccountError::UnknownUser(_) => AppError::Unauthorized,
            other => into_app_error(other),
        })?;
    Ok(Json(
        json!({ "recovery_key": new_key.grouped().expose_secret() }),
    ))
}
