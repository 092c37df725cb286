//! The process's one metrics recorder.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use super::{ARGON_WAIT, HTTP_DURATION, REMINDER_DURATION};

/// Latency buckets, in seconds: from a cached page to a slow Argon2 queue.
const SECONDS_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the Prometheus recorder once per process and returns its handle. The
/// `metrics` facade has a single global recorder; several servers in one process
/// (as in tests) share it. Until it is installed, recording costs nothing.
pub fn install_recorder() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = [HTTP_DURATION, ARGON_WAIT, REMINDER_DURATION]
            .into_iter()
            .fold(PrometheusBuilder::new(), |builder, name| {
                builder
                    .set_buckets_for_metric(Matcher::Full(name.to_owned()), &SECONDS_BUCKETS)
                    .expect("the buckets are not empty")
            });
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        // Fails only if another recorder is installed: then its handle still
        // renders nothing of ours, which the metrics test would show.
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("a metrics recorder was already installed");
        }
        handle
    })
}
