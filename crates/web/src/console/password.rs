//! `/staff/account/password`: changing one's own password.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::accounts::Password;
use khien_store::accounts::AccountError;
use secrecy::SecretString;
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::AppState;
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff};

#[derive(Template)]
#[template(path = "console/password.html")]
struct PasswordPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    error: Option<String>,
    done: bool,
}

fn password_page(
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    error: Option<String>,
    done: bool,
) -> Response {
    render_page(
        status,
        &PasswordPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            error,
            done,
        },
    )
}

/// The form.
pub async fn show(lang: Language, staff: Staff) -> Response {
    password_page(lang, &staff, StatusCode::OK, None, false)
}

/// The form's fields.
#[derive(Deserialize)]
pub struct PasswordForm {
    old_password: SecretString,
    new_password: SecretString,
}

/// Changes the password; the private key is re-sealed, so access is unchanged.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<PasswordForm>,
) -> Result<Response, PageError> {
    let new_password = match Password::parse(form.new_password) {
        Ok(password) => password,
        Err(error) => {
            return Ok(password_page(
                lang,
                &staff,
                StatusCode::BAD_REQUEST,
                Some(error.to_string()),
                false,
            ));
        }
    };
    match state
        .store
        .change_password(
            &staff.actor(),
            &staff.user.username,
            &form.old_password,
            &new_password,
            &state.kdf_params,
        )
        .await
    {
        Ok(()) => Ok(password_page(lang, &staff, StatusCode::OK, None, true)),
        Err(AccountError::WrongPassword) => Ok(password_page(
            lang,
            &staff,
            StatusCode::BAD_REQUEST,
            Some(
                lang.pick(
                    "Mật khẩu hiện tại không đúng.",
                    "The current password is wrong.",
                )
                .to_owned(),
            ),
            false,
        )),
        Err(other) => Err(page(lang)(crate::api::account_error::into_app_error(other))),
    }
}
