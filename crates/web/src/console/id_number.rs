//! `/staff/profile/id-number`: a staff member registers their ID number and
//! full name, so that they are kept off cases about themselves.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use secrecy::SecretString;
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_identity::register_own_identity;
use crate::staff_session::{CsrfForm, Staff};
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "console/id_number.html")]
struct IdNumberPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    error: Option<String>,
    done: bool,
    /// When the staff member last registered (Vietnam time), if ever.
    registered_at: Option<String>,
}

async fn id_number_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    error: Option<String>,
    done: bool,
) -> Result<Response, PageError> {
    let registered_at = state
        .store
        .staff_identity_registration(&staff.user.id)
        .await
        .map_err(page(lang))?
        .map(|registration| format_in_vietnam(registration.registered_at));
    Ok(render_page(
        status,
        &IdNumberPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            error,
            done,
            registered_at,
        },
    ))
}

/// The form, and whether the staff member has registered.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    id_number_page(&state, lang, &staff, StatusCode::OK, None, false).await
}

/// The form's fields.
#[derive(Deserialize)]
pub struct IdNumberForm {
    #[serde(default)]
    id_number: Option<SecretString>,
    #[serde(default)]
    full_name: Option<SecretString>,
}

/// Registers; a bad field shows the form again with the reason (never the value).
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<IdNumberForm>,
) -> Result<Response, PageError> {
    match register_own_identity(
        &state,
        &staff,
        form.id_number.as_ref(),
        form.full_name.as_ref(),
    )
    .await
    {
        Ok(()) => id_number_page(&state, lang, &staff, StatusCode::OK, None, true).await,
        Err(AppError::BadRequest { message, .. }) => {
            id_number_page(
                &state,
                lang,
                &staff,
                StatusCode::BAD_REQUEST,
                Some(message),
                false,
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
