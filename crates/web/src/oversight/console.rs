//! `/staff/oversight`: the overdue cases below one's unit, a page at a time.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::overdue_view::{OverdueView, overdue_view};
use crate::AppState;
use crate::console::nav_links::NavLinks;
use crate::console::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::Staff;

#[derive(Template)]
#[template(path = "console/oversight_overdue.html")]
struct OverduePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    view: OverdueView,
}

/// `?after=…`
#[derive(Deserialize)]
pub struct PageQuery {
    after: Option<String>,
}

/// The page.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Query(query): Query<PageQuery>,
) -> Result<Response, PageError> {
    let view = overdue_view(&state, &staff, query.after.as_deref(), 50)
        .await
        .map_err(page(lang))?;
    Ok(render_page(
        StatusCode::OK,
        &OverduePage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(&staff),
            view,
        },
    ))
}
