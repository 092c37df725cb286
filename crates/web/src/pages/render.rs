//! Turning a template into a response.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::AppError;

/// Renders a page with the given status; a template failure is an internal error.
pub fn render_page(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => AppError::internal(error).into_response(),
    }
}
