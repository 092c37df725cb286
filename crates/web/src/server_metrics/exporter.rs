//! `GET /metrics` on the metrics address.

use axum::Router;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;

use super::{AUDIT_ENTRIES, DB_CONNECTIONS, DB_IDLE, install_recorder};
use crate::AppState;

/// Serves the metrics on `listener` until `shutdown` completes.
pub async fn serve_metrics(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/metrics", get(render))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// The Prometheus text format, with the gauges that are read when scraped.
async fn render(State(state): State<AppState>) -> impl IntoResponse {
    let pool = state.store.pool_use();
    metrics::gauge!(DB_CONNECTIONS).set(f64::from(pool.open));
    metrics::gauge!(DB_IDLE).set(pool.idle as f64);
    match state.store.audit_entry_count().await {
        Ok(entries) => metrics::gauge!(AUDIT_ENTRIES).set(entries as f64),
        Err(error) => tracing::warn!(cause = %error, "metrics: cannot read the audit head"),
    }
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        install_recorder().render(),
    )
}
