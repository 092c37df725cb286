//! `/staff/login` and `/staff/logout`.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use secrecy::SecretString;
use serde::Deserialize;

use super::page_error::{PageError, page};
use crate::AppState;
use crate::form_cookie;
use crate::language::Language;
use crate::login_attempt::{Credentials, LoginRefusal, log_in};
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, clear_session_cookie, end_session, session_cookie};

#[derive(Template)]
#[template(path = "console/login.html")]
struct LoginPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    username: &'a str,
    error: Option<&'a str>,
}

fn login_page(lang: Language, status: StatusCode, username: &str, error: Option<&str>) -> Response {
    let (token, cookie) = form_cookie::issue();
    let mut response = render_page(
        status,
        &LoginPage {
            lang,
            csrf_token: &token,
            username,
            error,
        },
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

/// The login form.
pub async fn show(lang: Language) -> Response {
    login_page(lang, StatusCode::OK, "", None)
}

/// The login form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    username: String,
    password: SecretString,
    #[serde(default)]
    totp: String,
}

/// Checks the login; on success sets the session cookie and goes to the console.
pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: Language,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    if !form_cookie::matches(&headers, &form.csrf_token) {
        return login_page(
            lang,
            StatusCode::BAD_REQUEST,
            &form.username,
            Some(lang.pick(
                "Biểu mẫu đã hết hạn, hãy thử lại.",
                "The form has expired; please try again.",
            )),
        );
    }
    let credentials = Credentials {
        username: form.username.clone(),
        password: form.password,
        totp: form.totp,
    };
    match log_in(&state, peer.ip(), &credentials).await {
        Ok(session) => {
            let cookie = session_cookie(&session.token);
            (
                StatusCode::SEE_OTHER,
                [
                    (LOCATION, "/staff".to_owned()),
                    (SET_COOKIE, cookie.as_str().to_owned()),
                ],
            )
                .into_response()
        }
        Err(LoginRefusal::Failed(error)) => PageError::new(error, lang).into_response(),
        Err(refusal) => {
            let status = match refusal {
                LoginRefusal::SlowDown { .. } => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNAUTHORIZED,
            };
            login_page(lang, status, &form.username, Some(refusal.message()))
        }
    }
}

/// Empty form body of logout (only the CSRF token).
#[derive(Deserialize)]
pub struct NoFields {}

/// Ends the session and returns to the login page.
pub async fn logout(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, .. }: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    end_session(&state, staff.token())
        .await
        .map_err(page(lang))?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/staff/login".to_owned()),
            (SET_COOKIE, clear_session_cookie()),
        ],
    )
        .into_response())
}
