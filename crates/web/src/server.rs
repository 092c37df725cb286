//! The router and the server loop.

use std::future::Future;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

use crate::{AppState, health, pages, request_log, security_headers, static_assets};

/// Every route of the application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home::show))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/static/{*path}", get(static_assets::serve))
        .fallback(pages::not_found::show)
        .layer(axum::middleware::from_fn(security_headers::add))
        .layer(request_log::layer())
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
