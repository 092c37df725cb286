//! `/legal`: the law summarised for reporters.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::render::render_page;
use crate::language::Language;

#[derive(Template)]
#[template(path = "legal.html")]
struct LegalPage {
    lang: Language,
}

/// The summary.
pub async fn show(lang: Language) -> Response {
    render_page(StatusCode::OK, &LegalPage { lang })
}
