//! `GET /api/v1/openapi.json`: the API's description, written by hand beside the
//! code and checked by a test that every `/api/` route is in it.

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;

/// The document, compiled into the binary.
pub const OPENAPI_JSON: &str = include_str!("../../openapi/openapi.json");

/// Serves the document.
pub async fn serve() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}
