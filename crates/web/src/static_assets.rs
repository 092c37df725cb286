//! Files compiled into the binary: a deployment has nothing to copy, and pages
//! never load anything from another host.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Every static asset: (path under /static/, media type, contents).
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "khien.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/khien.css"),
    ),
    (
        "favicon.ico",
        "image/x-icon",
        include_bytes!("../static/favicon.ico"),
    ),
];

/// Serves one asset, or 404.
pub async fn serve(Path(path): Path<String>) -> Response {
    asset_response(&path)
}

/// The small shield browsers ask for at `/favicon.ico` on every page; without it each
/// page view logged a 404.
pub async fn favicon() -> Response {
    asset_response("favicon.ico")
}

fn asset_response(path: &str) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == path) {
        Some((_, media_type, body)) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            );
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
