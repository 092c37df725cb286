//! `/staff`: the console's front page.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::AppState;
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::Staff;

#[derive(Template)]
#[template(path = "console/home.html")]
struct HomePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    username: &'a str,
    unit_code: &'a str,
    unit_name: String,
    roles: Vec<&'static str>,
    /// Alerts nobody in the unit has acknowledged yet (for those who see alerts).
    alerts_waiting: Option<i64>,
}

/// Who is logged in, in which unit, with which roles.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    let unit_name = state
        .store
        .unit_by_id(&staff.user.unit_id)
        .await
        .map_err(page(lang))?
        .map(|unit| unit.name.as_str().to_owned())
        .unwrap_or_default();
    let roles = staff
        .user
        .roles
        .iter()
        .map(|role| match lang {
            Language::Vi => role.label_vi(),
            Language::En => role.as_str(),
        })
        .collect();
    let nav = NavLinks::for_staff(&staff);
    let alerts_waiting = if nav.sees_alerts {
        Some(
            state
                .store
                .unacknowledged_alerts(&staff.user.unit_id)
                .await
                .map_err(page(lang))?,
        )
    } else {
        None
    };
    Ok(render_page(
        StatusCode::OK,
        &HomePage {
            lang,
            csrf_token: &staff.csrf_token,
            nav,
            username: staff.user.username.as_str(),
            unit_code: staff.user.unit_code.as_str(),
            unit_name,
            roles,
            alerts_waiting,
        },
    ))
}
