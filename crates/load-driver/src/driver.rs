//! The run: `concurrency` workers, each submitting one report after another until
//! the plan says stop; each keeps its own latencies and error counts, merged at
//! the end so that workers never contend on a lock.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::multipart::{Form, Part};
use reqwest::{Body, Client, StatusCode, Url};
use serde_json::Value;

use crate::loopback::LoopbackTarget;
use crate::options::{Plan, Stop};
use crate::payload::{ATTACHMENT_NAME, ReportTemplate, pdf_chunks};
use crate::sources::{loopback_sources, run_seed};

/// What the workers saw.
#[derive(Debug, Default)]
pub struct Tally {
    /// Latency of every successful submission.
    pub latencies: Vec<Duration>,
    /// Failed submissions by kind (`HTTP 429`, `timeout`, …).
    pub errors: BTreeMap<String, u64>,
    /// One example message per error kind.
    pub examples: BTreeMap<String, String>,
}

impl Tally {
    /// Adds another worker's outcomes.
    pub(crate) fn merge(&mut self, other: Tally) {
        self.latencies.extend(other.latencies);
        for (kind, count) in other.errors {
            *self.errors.entry(kind).or_default() += count;
        }
        for (kind, example) in other.examples {
            self.examples.entry(kind).or_insert(example);
        }
    }

    /// Counts one failure of `kind`.
    pub(crate) fn fail(&mut self, kind: String, example: String) {
        *self.errors.entry(kind.clone()).or_default() += 1;
        self.examples.entry(kind).or_insert(example);
    }
}

/// The finished run.
#[derive(Debug)]
pub struct Run {
    /// Wall time from the first request to the last answer.
    pub elapsed: Duration,
    /// Every outcome.
    pub tally: Tally,
}

/// A failed request: its kind (for counting) and a message (for the example).
pub(crate) struct Failure {
    pub(crate) kind: String,
    pub(crate) message: String,
}

/// A transport error as a failure kind and the whole cause chain.
pub(crate) fn transport_failure(error: &reqwest::Error) -> Failure {
    let kind = if error.is_timeout() {
        "timeout"
    } else if error.is_connect() {
        "connect"
    } else if error.is_body() || error.is_decode() {
        "response body"
    } else if error.is_request() {
        "request"
    } else {
        "transport"
    };
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Failure {
        kind: kind.into(),
        message,
    }
}

fn is_receipt(text: &str) -> bool {
    let groups: Vec<&str> = text.split(' ').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|group| group.len() == 4 && group.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks a 201 answer: a well-formed receipt and a tracking number.
fn check_answer(body: &Value) -> Result<(), String> {
    let receipt = body["receipt"].as_str().unwrap_or_default();
    if !is_receipt(receipt) {
        return Err(format!("no 16-digit receipt in {body}"));
    }
    if body["tracking_number"]
        .as_str()
        .unwrap_or_default()
        .is_empty()
    {
        return Err(format!("no tracking_number in {body}"));
    }
    Ok(())
}

async fn submit_one(
    client: &Client,
    endpoint: &Url,
    template: &ReportTemplate,
    attachment_bytes: u64,
    sequence: u64,
) -> Result<(), Failure> {
    let document = template.document(sequence);
    let request = if attachment_bytes == 0 {
        client.post(endpoint.clone()).json(&document)
    } else {
        let report = Part::text(document.to_string())
            .mime_str("application/json")
            .map_err(|error| transport_failure(&error))?;
        let file = Part::stream_with_length(
            Body::wrap_stream(pdf_chunks(attachment_bytes)),
            attachment_bytes,
        )
        .file_name(ATTACHMENT_NAME)
        .mime_str("application/pdf")
        .map_err(|error| transport_failure(&error))?;
        client
            .post(endpoint.clone())
            .multipart(Form::new().part("report", report).part("files", file))
    };
    let response = request
        .send()
        .await
        .map_err(|error| transport_failure(&error))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|error| transport_failure(&error))?;
    let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if status == StatusCode::CREATED {
        return check_answer(&body).map_err(|message| Failure {
            kind: "bad answer".into(),
            message,
        });
    }
    let field = body["field"].as_str().map(|field| format!(" ({field})"));
    Err(Failure {
        kind: format!("HTTP {}{}", status.as_u16(), field.unwrap_or_default()),
        message: text.chars().take(300).collect(),
    })
}

/// Fails fast, with a clear message, when nothing answers at the target.
pub async fn check_server(client: &Client, target: &LoopbackTarget) -> Result<(), String> {
    let health = target.endpoint("/healthz");
    match client
        .get(health.clone())
        .timeout(Duration::from_secs(5))
        .send()
        .await
    {
        Ok(response) if response.status().is_success() => Ok(()),
        Ok(response) => Err(format!("{health} answered {}", response.status())),
        Err(error) => Err(format!(
            "no Khiên server answers at {health}: {}",
            transport_failure(&error).message
        )),
    }
}

/// The HTTP clients for `plan`: one, or one per source address (each binds its
/// connections to its address). No proxy (the target is loopback).
pub fn clients(plan: &Plan) -> Result<Vec<Client>, reqwest::Error> {
    let builder = || {
        Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(plan.concurrency)
            .connect_timeout(Duration::from_secs(5))
            .timeout(plan.timeout)
            .user_agent(concat!("khien-load/", env!("CARGO_PKG_VERSION")))
    };
    if plan.sources <= 1 {
        return Ok(vec![builder().build()?]);
    }
    loopback_sources(plan.sources, run_seed())
        .into_iter()
        .map(|address| builder().local_address(IpAddr::V4(address)).build())
        .collect()
}

/// Runs `plan` to the end.
pub async fn run(clients: Vec<Client>, plan: &Plan) -> Run {
    let clients = Arc::new(clients);
    let endpoint = plan.target.endpoint("/api/v1/reports");
    let template = Arc::new(ReportTemplate::new(plan.payload_bytes, plan.unit.clone()));
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = match plan.stop {
        Stop::After(duration) => Some(started + duration),
        Stop::Count(_) => None,
    };
    let limit = match plan.stop {
        Stop::Count(count) => count,
        Stop::After(_) => u64::MAX,
    };
    let mut workers = Vec::with_capacity(plan.concurrency);
    for _ in 0..plan.concurrency {
        let clients = Arc::clone(&clients);
        let endpoint = endpoint.clone();
        let template = Arc::clone(&template);
        let issued = Arc::clone(&issued);
        let attachment_bytes = plan.attachment_bytes;
        workers.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            loop {
                if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                    break;
                }
                let sequence = issued.fetch_add(1, Ordering::Relaxed);
                if sequence >= limit {
                    break;
                }
                let client = &clients[(sequence % clients.len() as u64) as usize];
                let sent = Instant::now();
                match submit_one(client, &endpoint, &template, attachment_bytes, sequence).await {
                    Ok(()) => tally.latencies.push(sent.elapsed()),
                    Err(failure) => tally.fail(failure.kind, failure.message),
                }
            }
            tally
        }));
    }
    let mut tally = Tally::default();
    for worker in workers {
        match worker.await {
            Ok(worker_tally) => tally.merge(worker_tally),
            Err(error) => tally.fail("worker panicked".into(), error.to_string()),
        }
    }
    Run {
        elapsed: started.elapsed(),
        tally,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn answers_need_a_grouped_receipt_and_a_tracking_number() {
        assert!(
            check_answer(
                &json!({"receipt": "1234 5678 9012 3456", "tracking_number": "KH-2026-1"})
            )
            .is_ok()
        );
        for bad in [
            json!({"receipt": "1234567890123456", "tracking_number": "KH-2026-1"}),
            json!({"receipt": "1234 5678 9012 345a", "tracking_number": "KH-2026-1"}),
            json!({"receipt": "1234 5678 9012 3456"}),
            json!(null),
        ] {
            assert!(check_answer(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tallies_add_up() {
        let mut first = Tally::default();
        first.latencies.push(Duration::from_millis(5));
        first.fail("HTTP 429".into(), "slow down".into());
        let mut second = Tally::default();
        second.fail("HTTP 429".into(), "again".into());
        second.fail("timeout".into(), "late".into());
        first.merge(second);
        assert_eq!(first.latencies.len(), 1);
        assert_eq!(first.errors["HTTP 429"], 2);
        assert_eq!(first.errors["timeout"], 1);
        assert_eq!(first.examples["HTTP 429"], "slow down");
    }
}
