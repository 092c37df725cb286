//! The summary a run prints: as text for a person, as one JSON object for a script.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::driver::Run;
use crate::latency::LatencySummary;
use crate::options::{Plan, Stop};

/// Everything a run measured.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Target base URL.
    pub url: String,
    /// Concurrent clients.
    pub concurrency: usize,
    /// Source addresses the requests came from.
    pub sources: usize,
    /// `duration` or `requests`.
    pub stop: String,
    /// Content length of each report.
    pub payload_bytes: usize,
    /// Attachment size (0: JSON submissions).
    pub attachment_bytes: u64,
    /// Wall time of the run, in seconds.
    pub elapsed_s: f64,
    /// Submissions attempted.
    pub requests: u64,
    /// Submissions answered 201 with a receipt.
    pub succeeded: u64,
    /// Everything else.
    pub failed: u64,
    /// Successful submissions per second.
    pub throughput_per_s: f64,
    /// Attachment bytes accepted per second (MiB/s), for multipart runs.
    pub upload_mib_per_s: Option<f64>,
    /// Latency of successful submissions.
    pub latency: Option<LatencySummary>,
    /// Failures by kind.
    pub errors: BTreeMap<String, u64>,
    /// One message per failure kind.
    pub error_examples: BTreeMap<String, String>,
}

impl Summary {
    /// Summarises a finished run.
    pub fn new(plan: &Plan, mut run: Run) -> Summary {
        let succeeded = run.tally.latencies.len() as u64;
        let failed: u64 = run.tally.errors.values().sum();
        let elapsed_s = run.elapsed.as_secs_f64();
        let throughput_per_s = if elapsed_s > 0.0 {
            succeeded as f64 / elapsed_s
        } else {
            0.0
        };
        let upload_mib_per_s = (plan.attachment_bytes > 0 && elapsed_s > 0.0).then(|| {
            succeeded as f64 * plan.attachment_bytes as f64 / (1024.0 * 1024.0) / elapsed_s
        });
        Summary {
            url: plan.target.as_str().to_owned(),
            concurrency: plan.concurrency,
            sources: plan.sources,
            stop: match plan.stop {
                Stop::After(duration) => format!("duration {} s", duration.as_secs()),
                Stop::Count(count) => format!("requests {count}"),
            },
            payload_bytes: plan.payload_bytes,
            attachment_bytes: plan.attachment_bytes,
            elapsed_s,
            requests: succeeded + failed,
            succeeded,
            failed,
            throughput_per_s,
            upload_mib_per_s,
            latency: LatencySummary::of(&mut run.tally.latencies),
            errors: run.tally.errors,
            error_examples: run.tally.examples,
        }
    }

    /// The human-readable form.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let submission = if self.attachment_bytes == 0 {
            "JSON".to_owned()
        } else {
            format!("multipart, {} B attachment", self.attachment_bytes)
        };
        let _ = writeln!(
            text,
            "khien-load: {} · {} clients from {} source address(es) · {} · content {} B · {submission}",
            self.url, self.concurrency, self.sources, self.stop, self.payload_bytes
        );
        let _ = writeln!(
            text,
            "  requests    {} in {:.1} s: {} succeeded, {} failed",
            self.requests, self.elapsed_s, self.succeeded, self.failed
        );
        let _ = writeln!(text, "  throughput  {:.2} reports/s", self.throughput_per_s);
        if let Some(rate) = self.upload_mib_per_s {
            let _ = writeln!(text, "  upload      {rate:.1} MiB/s of attachments");
        }
        match &self.latency {
            Some(latency) => {
                let _ = writeln!(
                    text,
                    "  latency ms  min {:.1} · mean {:.1} · p50 {:.1} · p95 {:.1} · p99 {:.1} · max {:.1}",
                    latency.min_ms,
                    latency.mean_ms,
                    latency.p50_ms,
                    latency.p95_ms,
                    latency.p99_ms,
                    latency.max_ms
                );
            }
            None => {
                let _ = writeln!(text, "  latency     (no successful request)");
            }
        }
        for (kind, count) in &self.errors {
            let example = self
                .error_examples
                .get(kind)
                .map(String::as_str)
                .unwrap_or("");
            let _ = writeln!(text, "  error       {kind}: {count} (e.g. {example})");
        }
        text
    }
}
