//! Request logging that cannot identify a reporter.
//!
//! Only the method, the route pattern (never the concrete path, which may hold an
//! id), the status and the latency are recorded. The client's address is never
//! read (the server does not ask axum for it) and no header is logged.

use std::time::Duration;

use axum::extract::{MatchedPath, Request};
use axum::http::Response;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{MakeSpan, OnResponse, TraceLayer};
use tracing::Span;

/// The tracing layer used by the router.
pub fn layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, RouteSpan, (), LogResponse> {
    TraceLayer::new_for_http()
        .make_span_with(RouteSpan)
        .on_request(())
        .on_response(LogResponse)
}

/// Makes a span holding the method and the matched route only.
#[derive(Clone, Copy, Debug)]
pub struct RouteSpan;

impl<B> MakeSpan<B> for RouteSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str)
            .unwrap_or("unmatched");
        tracing::info_span!("request", method = %request.method(), route)
    }
}

/// Logs the status and latency of each response.
#[derive(Clone, Copy, Debug)]
pub struct LogResponse;

impl<B> OnResponse<B> for LogResponse {
    fn on_response(self, response: &Response<B>, latency: Duration, _span: &Span) {
        tracing::info!(
            status = response.status().as_u16(),
            latency_ms = latency.as_millis() as u64,
            "response"
        );
    }
}
