//! The portal's front page.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::render::render_page;
use crate::language::Language;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    lang: Language,
}

/// `GET /`
pub async fn show(lang: Language) -> Response {
    render_page(StatusCode::OK, &HomePage { lang })
}
