//! What `read` prints: one line per read (a table for a person, JSON for a script).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::latency::LatencySummary;
use crate::options::Stop;
use crate::read_options::ReadPlan;
use crate::read_run::{ReadRun, Walk};

/// The failure kind of a read the inbox is too small for.
pub const SKIPPED: &str = "skipped";

/// One read's results.
#[derive(Debug, Serialize)]
pub struct ReadResult {
    /// Its name.
    pub read: &'static str,
    /// What it requests.
    pub request: &'static str,
    /// Requests sent.
    pub requests: u64,
    /// Answered 200 with the expected body.
    pub succeeded: u64,
    /// Everything else.
    pub failed: u64,
    /// Successful requests per second.
    pub throughput_per_s: f64,
    /// Latency of successful requests.
    pub latency: Option<LatencySummary>,
    /// Cases listed on the first answer (inbox reads).
    pub rows: Option<usize>,
    /// Failures by kind.
    pub errors: BTreeMap<String, u64>,
    /// One message per failure kind.
    pub error_examples: BTreeMap<String, String>,
}

/// Everything a `read` run measured.
#[derive(Debug, Serialize)]
pub struct ReadSummary {
    /// Target base URL.
    pub url: String,
    /// The unit whose inbox was read.
    pub unit: String,
    /// Cases the walk found in the inbox.
    pub inbox_cases: usize,
    /// Seconds the walk took (200 cases a page).
    pub walk_s: f64,
    /// Pages the walk read.
    pub walk_pages: usize,
    /// Concurrent clients.
    pub concurrency: usize,
    /// `requests N` or `duration N s`, per read.
    pub stop: String,
    /// Each read.
    pub reads: Vec<ReadResult>,
}

impl ReadSummary {
    /// Summarises a run.
    pub fn new(plan: &ReadPlan, unit: &str, walk: &Walk, runs: Vec<ReadRun>) -> ReadSummary {
        let reads = runs
            .into_iter()
            .map(|mut run| {
                let succeeded = run.tally.latencies.len() as u64;
                let failed: u64 = run.tally.errors.values().sum();
                let seconds = run.elapsed.as_secs_f64();
                ReadResult {
                    read: run.read.name(),
                    request: run.read.request(),
                    requests: succeeded + failed,
                    succeeded,
                    failed,
                    throughput_per_s: if seconds > 0.0 {
                        succeeded as f64 / seconds
                    } else {
                        0.0
                    },
                    latency: LatencySummary::of(&mut run.tally.latencies),
                    rows: run.rows,
                    errors: run.tally.errors,
                    error_examples: run.tally.examples,
                }
            })
            .collect();
        ReadSummary {
            url: plan.target.as_str().to_owned(),
            unit: unit.to_owned(),
            inbox_cases: walk.ids.len(),
            walk_s: walk.elapsed.as_secs_f64(),
            walk_pages: walk.pages,
            concurrency: plan.concurrency,
            stop: match plan.stop {
                Stop::After(duration) => format!("duration {} s", duration.as_secs()),
                Stop::Count(count) => format!("requests {count}"),
            },
            reads,
        }
    }

    /// Whether every read that could run had at least one success.
    pub fn all_answered(&self) -> bool {
        self.reads
            .iter()
            .all(|read| read.succeeded > 0 || read.errors.keys().all(|kind| kind == SKIPPED))
    }

    /// The table.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "khien-load read: {} · unit {} · {} cases in the inbox (walked {} pages in {:.1} s) · {} client(s) · {} per read",
            self.url,
            self.unit,
            self.inbox_cases,
            self.walk_pages,
            self.walk_s,
            self.concurrency,
            self.stop
        );
        let _ = writeln!(
            text,
            "  {:<14} {:>6} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>5}  request",
            "read", "ok", "failed", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "rows"
        );
        for read in &self.reads {
            let (p50, p95, p99, max) = read
                .latency
                .map_or((f64::NAN, f64::NAN, f64::NAN, f64::NAN), |l| {
                    (l.p50_ms, l.p95_ms, l.p99_ms, l.max_ms)
                });
            let _ = writeln!(
                text,
                "  {:<14} {:>6} {:>6} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>5}  {}",
                read.read,
                read.succeeded,
                read.failed,
                read.throughput_per_s,
                p50,
                p95,
                p99,
                max,
                read.rows.map_or("–".to_owned(), |rows| rows.to_string()),
                read.request
            );
            for (kind, count) in &read.errors {
                let example = read
                    .error_examples
                    .get(kind)
                    .map(String::as_str)
                    .unwrap_or("");
                let _ = writeln!(text, "    error {kind}: {count} (e.g. {example})");
            }
        }
        text
    }
}
