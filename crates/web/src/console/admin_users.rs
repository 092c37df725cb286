//! `/staff/admin/users`: staff accounts, for administrators.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::{Role, UnitCode};
use khien_store::accounts::{Enrolment, NewUser};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::api::account_error::into_app_error;
use crate::api::users::{parse_password, parse_roles, parse_username};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{AdminOnly, CsrfForm, Staff, WithRole};
use crate::{AppError, AppState};

/// One row of the accounts table.
pub struct UserRow {
    username: String,
    unit: String,
    roles: String,
    disabled: bool,
}

/// The add form's fields as typed (the password is never sent back).
#[derive(Default)]
pub struct UserFormEcho {
    username: String,
    unit: String,
}

#[derive(Template)]
#[template(path = "console/admin_users.html")]
struct UsersPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    users: Vec<UserRow>,
    roles: Vec<(&'static str, &'static str)>,
    form: UserFormEcho,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "console/enrolment.html")]
struct EnrolmentPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    username: &'a str,
    totp_secret: &'a str,
    recovery_key: &'a str,
}

async fn users_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    form: UserFormEcho,
    error: Option<String>,
) -> Result<Response, PageError> {
    let users = state
        .store
        .list_users()
        .await
        .map_err(page(lang))?
        .into_iter()
        .map(|user| UserRow {
            username: user.username.as_str().to_owned(),
            unit: user.unit_code.as_str().to_owned(),
            roles: user
                .roles
                .iter()
                .map(|role| lang.pick(role.label_vi(), role.label_en()))
                .collect::<Vec<_>>()
                .join(", "),
            disabled: user.disabled,
        })
        .collect();
    let roles = Role::ALL
        .iter()
        .map(|role| (role.as_str(), lang.pick(role.label_vi(), role.label_en())))
        .collect();
    Ok(render_page(
        status,
        &UsersPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            users,
            roles,
            form,
            error,
        },
    ))
}

fn enrolment_page(lang: Language, staff: &Staff, enrolment: &Enrolment) -> Response {
    let totp = enrolment.totp_secret.to_base32();
    let recovery = enrolment.recovery_key.grouped();
    render_page(
        StatusCode::OK,
        &EnrolmentPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            username: enrolment.user.username.as_str(),
            totp_secret: totp.expose_secret(),
            recovery_key: recovery.expose_secret(),
        },
    )
}

fn require_admin(staff: &Staff, lang: Language) -> Result<(), PageError> {
    if staff.has_role(Role::Admin) {
        Ok(())
    } else {
        Err(PageError::new(AppError::Forbidden, lang))
    }
}

/// The accounts and the add form.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    admin: WithRole<AdminOnly>,
) -> Result<Response, PageError> {
    users_page(
        &state,
        lang,
        &admin.staff,
        StatusCode::OK,
        UserFormEcho::default(),
        None,
    )
    .await
}

/// The add form's fields. Roles come as repeated `role` fields.
#[derive(Deserialize)]
pub struct AddUserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    unit: String,
    #[serde(default, rename = "role")]
    roles: Vec<String>,
    password: SecretString,
}

/// Creates the account and shows its one-time secrets.
pub async fn add(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<AddUserForm>,
) -> Result<Response, PageError> {
    require_admin(&staff, lang)?;
    let echo = UserFormEcho {
        username: form.username.clone(),
        unit: form.unit.clone(),
    };
    let parsed = (|| {
        Ok::<_, AppError>(NewUser {
            username: parse_username(&form.username)?,
            unit: UnitCode::parse(&form.unit).map_err(|error| AppError::BadRequest {
                field: Some("unit"),
                message: error.to_string(),
            })?,
            roles: parse_roles(&form.roles)?,
            password: parse_password(form.password.clone(), "password")?,
        })
    })();
    let result = match parsed {
        Ok(new_user) => state
            .store
            .create_user(
                &staff.actor(),
                new_user,
                &state.server_secret,
                &state.kdf_params,
            )
            .await
            .map_err(into_app_error),
        Err(error) => Err(error),
    };
    match result {
        Ok(enrolment) => Ok(enrolment_page(lang, &staff, &enrolment)),
        Err(error @ (AppError::BadRequest { .. } | AppError::Conflict { .. })) => {
            users_page(
                &state,
                lang,
                &staff,
                error.status(),
                echo,
                Some(error.to_string()),
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}

/// Empty form (CSRF token only).
#[derive(Deserialize)]
pub struct NoFields {}

async fn set_disabled(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    username: &str,
    disabled: bool,
) -> Result<Response, PageError> {
    require_admin(staff, lang)?;
    let username = parse_username(username).map_err(page(lang))?;
    state
        .store
        .set_user_disabled(&staff.actor(), &username, disabled)
        .await
        .map_err(|error| page(lang)(into_app_error(error)))?;
    Ok((StatusCode::SEE_OTHER, [(LOCATION, "/staff/admin/users")]).into_response())
}

/// Disables an account (its sessions end).
pub async fn disable(
    State(state): State<AppState>,
    lang: Language,
    Path(username): Path<String>,
    CsrfForm { staff, .. }: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    set_disabled(&state, lang, &staff, &username, true).await
}

/// Enables an account.
pub async fn enable(
    State(state): State<AppState>,
    lang: Language,
    Path(username): Path<String>,
    CsrfForm { staff, .. }: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    set_disabled(&state, lang, &staff, &username, false).await
}

/// The reset form's field.
#[derive(Deserialize)]
pub struct ResetForm {
    password: SecretString,
}

/// Resets an account: new password, key pair, TOTP secret and recovery key.
pub async fn reset(
    State(state): State<AppState>,
    lang: Language,
    Path(username): Path<String>,
    CsrfForm { staff, form }: CsrfForm<ResetForm>,
) -> Result<Response, PageError> {
    require_admin(&staff, lang)?;
    let username = parse_username(&username).map_err(page(lang))?;
    let password = match parse_password(form.password, "password") {
        Ok(password) => password,
        Err(error) => {
            let message = error.to_string();
            return users_page(
                &state,
                lang,
                &staff,
                StatusCode::BAD_REQUEST,
                UserFormEcho::default(),
                Some(message),
            )
            .await;
        }
    };
    let enrolment = state
        .store
        .admin_reset_user(
            &staff.actor(),
            &username,
            &password,
            &state.server_secret,
            &state.kdf_params,
        )
        .await
        .map_err(|error| page(lang)(into_app_error(error)))?;
    Ok(enrolment_page(lang, &staff, &enrolment))
}
