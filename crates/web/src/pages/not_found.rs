//! The page for an address that does not exist.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::render::render_page;
use crate::language::Language;

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage {
    lang: Language,
}

/// Any unknown address.
pub async fn show(lang: Language) -> Response {
    render_page(StatusCode::NOT_FOUND, &NotFoundPage { lang })
}
