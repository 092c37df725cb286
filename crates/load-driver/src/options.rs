//! The command line, and the bounds every run stays within.

use std::time::Duration;

use clap::Parser;

use crate::loopback::{LoopbackTarget, TargetError};
use crate::payload::{CONTENT_MAX_CHARS, PDF_HEADER};
use crate::sources::SOURCES_MAX;

/// Most concurrent clients.
pub const CONCURRENCY_MAX: usize = 1024;
/// Longest run.
pub const DURATION_MAX_SECONDS: u64 = 3600;
/// Most requests in a `--requests` run.
pub const REQUESTS_MAX: u64 = 1_000_000;
/// Largest generated attachment (4 GiB).
pub const ATTACHMENT_MAX_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Longest wait for one request.
pub const TIMEOUT_MAX_SECONDS: u64 = 3600;

/// Submits reports concurrently to a Khiên server on this machine and prints
/// throughput, latency percentiles and errors.
#[derive(Debug, Parser)]
#[command(name = "khien-load", version, about, max_term_width = 100)]
pub struct Options {
    /// Base URL of the server; the host must be 127.0.0.1, localhost or `[::1]`.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// Clients submitting at the same time (1–1024).
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// Run for this many seconds (1–3600) [default: 20 unless --requests is given].
    #[arg(long, value_name = "SECONDS", conflicts_with = "requests")]
    pub duration: Option<u64>,
    /// Send exactly this many reports in all (1–1 000 000), then stop.
    #[arg(long, value_name = "N")]
    pub requests: Option<u64>,
    /// Length of each report's `content`, in bytes (ASCII, so also characters;
    /// at most 20 000).
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub payload_bytes: usize,
    /// 0: submit JSON. More: submit multipart with one generated `evidence.pdf`
    /// of this many bytes (at least 9, at most 4 GiB).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub attachment_bytes: u64,
    /// Unit code to address reports to [default: none, the server's default
    /// intake unit].
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Send from this many loopback addresses (1–4096), each standing for one
    /// reporter, round robin; more than 1 needs --url http://127.0.0.1:…. The
    /// server slows down more than 20 submissions in ten minutes from one
    /// address, so measure capacity with many sources.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub sources: usize,
    /// Give up on one request after this many seconds (1–3600).
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub timeout: u64,
    /// Print the summary as one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// When a run stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// After this long (requests in flight then still finish).
    After(Duration),
    /// After this many requests in all.
    Count(u64),
}

/// A checked run plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Where to send.
    pub target: LoopbackTarget,
    /// Concurrent clients.
    pub concurrency: usize,
    /// When to stop.
    pub stop: Stop,
    /// Content length.
    pub payload_bytes: usize,
    /// Attachment size, 0 for JSON submissions.
    pub attachment_bytes: u64,
    /// Unit code, if any.
    pub unit: Option<String>,
    /// Source addresses (1: the system's choice, 127.0.0.1).
    pub sources: usize,
    /// Per-request timeout.
    pub timeout: Duration,
}

/// A refused option, as one line for the user.
#[derive(Debug, PartialEq, Eq)]
pub struct OptionError(pub String);

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OptionError {}

impl From<TargetError> for OptionError {
    fn from(error: TargetError) -> Self {
        OptionError(error.to_string())
    }
}

/// `value` if it lies in `min..=max`, else an error naming `--name`.
pub(crate) fn within<T: PartialOrd + std::fmt::Display>(
    name: &str,
    value: T,
    min: T,
    max: T,
) -> Result<T, OptionError> {
    if value < min || value > max {
        return Err(OptionError(format!(
            "--{name} must be between {min} and {max} (got {value})"
        )));
    }
    Ok(value)
}

impl Options {
    /// Checks every bound and the target.
    pub fn plan(&self) -> Result<Plan, OptionError> {
        let target = LoopbackTarget::parse(&self.url)?;
        let concurrency = within("concurrency", self.concurrency, 1, CONCURRENCY_MAX)?;
        let stop = match (self.duration, self.requests) {
            (Some(_), Some(_)) => {
                return Err(OptionError(
                    "give --duration or --requests, not both".into(),
                ));
            }
            (_, Some(count)) => Stop::Count(within("requests", count, 1, REQUESTS_MAX)?),
            (seconds, None) => Stop::After(Duration::from_secs(within(
                "duration",
                seconds.unwrap_or(20),
                1,
                DURATION_MAX_SECONDS,
            )?)),
        };
        let payload_bytes = within("payload-bytes", self.payload_bytes, 1, CONTENT_MAX_CHARS)?;
        if self.attachment_bytes != 0 {
            within(
                "attachment-bytes",
                self.attachment_bytes,
                PDF_HEADER.len() as u64,
                ATTACHMENT_MAX_BYTES,
            )?;
        }
        let timeout = within("timeout", self.timeout, 1, TIMEOUT_MAX_SECONDS)?;
        let sources = within("sources", self.sources, 1, SOURCES_MAX)?;
        if sources > 1 && !target.is_ipv4() {
            return Err(OptionError(
                "--sources above 1 sends from addresses in 127.0.0.0/8: give --url http://127.0.0.1:PORT"
                    .into(),
            ));
        }
        Ok(Plan {
            target,
            concurrency,
            stop,
            payload_bytes,
            attachment_bytes: self.attachment_bytes,
            unit: self.unit.clone().filter(|code| !code.is_empty()),
            sources,
            timeout: Duration::from_secs(timeout),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Plan, OptionError> {
        let mut argv = vec!["khien-load"];
        argv.extend_from_slice(args);
        Options::try_parse_from(argv).unwrap().plan()
    }

    #[test]
    fn defaults_are_a_twenty_second_json_run() {
        let plan = parse(&[]).unwrap();
        assert_eq!(plan.target.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(plan.concurrency, 8);
        assert_eq!(plan.stop, Stop::After(Duration::from_secs(20)));
        assert_eq!(plan.payload_bytes, 2000);
        assert_eq!(plan.attachment_bytes, 0);
        assert_eq!(plan.unit, None);
    }

    #[test]
    fn bounds_are_enforced() {
        assert!(parse(&["--concurrency", "0"]).is_err());
        assert!(parse(&["--concurrency", "1025"]).is_err());
        assert!(parse(&["--duration", "0"]).is_err());
        assert!(parse(&["--duration", "3601"]).is_err());
        assert!(parse(&["--requests", "0"]).is_err());
        assert!(parse(&["--payload-bytes", "20001"]).is_err());
        assert!(parse(&["--attachment-bytes", "8"]).is_err());
        assert!(parse(&["--timeout", "0"]).is_err());
        assert!(parse(&["--sources", "0"]).is_err());
        assert!(parse(&["--sources", "4097"]).is_err());
        assert_eq!(parse(&["--sources", "4096"]).unwrap().sources, 4096);
        assert_eq!(parse(&["--requests", "5"]).unwrap().stop, Stop::Count(5));
        assert_eq!(
            parse(&["--payload-bytes", "20000"]).unwrap().payload_bytes,
            20_000
        );
        assert!(
            Options::try_parse_from(["khien-load", "--duration", "5", "--requests", "5"]).is_err()
        );
    }

    #[test]
    fn several_sources_need_an_ipv4_target() {
        assert!(parse(&["--url", "http://localhost:8080", "--sources", "2"]).is_err());
        assert!(parse(&["--url", "http://[::1]:8080", "--sources", "2"]).is_err());
        assert!(parse(&["--url", "http://localhost:8080", "--sources", "1"]).is_ok());
        assert_eq!(
            parse(&["--url", "http://127.0.0.1:8080", "--sources", "64"])
                .unwrap()
                .sources,
            64
        );
    }

    #[test]
    fn a_remote_url_is_refused_before_anything_else() {
        let refused = parse(&["--url", "http://203.0.113.9:8080"]).unwrap_err();
        assert!(
            refused.0.contains("203.0.113.9 is not this machine"),
            "{refused}"
        );
    }
}
