//! `/staff/recover`: a new password with the recovery key, without an administrator.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::{Password, Username};
use khien_store::accounts::AccountError;
use khien_vault::recovery_key::RecoveryKey;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::page_error::PageError;
use crate::AppState;
use crate::form_cookie;
use crate::language::Language;
use crate::pages::render_page;

#[derive(Template)]
#[template(path = "console/recover.html")]
struct RecoverPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    username: &'a str,
    error: Option<String>,
    new_recovery_key: Option<String>,
}

fn recover_page(
    lang: Language,
    status: StatusCode,
    username: &str,
    error: Option<String>,
    new_recovery_key: Option<String>,
) -> Response {
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        status,
        &RecoverPage {
            lang,
            csrf_token: &token,
            username,
            error,
            new_recovery_key,
        },
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// The form.
pub async fn show(lang: Language) -> Response {
    recover_page(lang, StatusCode::OK, "", None, None)
}

/// The form's fields.
#[derive(Deserialize)]
pub struct RecoverForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    username: String,
    recovery_key: SecretString,
    new_password: SecretString,
}

/// Sets the new password and shows the new recovery key once.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    Form(form): Form<RecoverForm>,
) -> Response {
    let fail =
        |status, message: String| recover_page(lang, status, &form.username, Some(message), None);
    if !form_cookie::matches(&headers, &form.csrf_token) {
        return fail(
            StatusCode::BAD_REQUEST,
            lang.pick(
                "Biểu mẫu đã hết hạn, hãy thử lại.",
                "The form has expired; please try again.",
            )
            .to_owned(),
        );
    }
    let wrong = || {
        lang.pick(
            "Tên đăng nhập hoặc khóa khôi phục không đúng.",
            "The username or the recovery key is wrong.",
        )
        .to_owned()
    };
    let Ok(username) = Username::parse(&form.username) else {
        return fail(StatusCode::UNAUTHORIZED, wrong());
    };
    let recovery_key = match RecoveryKey::parse(form.recovery_key.expose_secret()) {
        Ok(key) => key,
        Err(error) => return fail(StatusCode::BAD_REQUEST, error.to_string()),
    };
    let new_password = match Password::parse(form.new_password.clone()) {
        Ok(password) => password,
        Err(error) => return fail(StatusCode::BAD_REQUEST, error.to_string()),
    };
    match state
        .store
        .recover_with_recovery_key(
            "recovery",
            &username,
            &recovery_key,
            &new_password,
            &state.kdf_params,
        )
        .await
    {
        Ok(new_key) => recover_page(
            lang,
            StatusCode::OK,
            "",
            None,
            Some(new_key.grouped().expose_secret().to_owned()),
        ),
        Err(AccountError::UnknownUser(_) | AccountError::WrongRecoveryKey) => {
            fail(StatusCode::UNAUTHORIZED, wrong())
        }
        Err(other) => {
            PageError::new(crate::api::account_error::into_app_error(other), lang).into_response()
        }
    }
}
