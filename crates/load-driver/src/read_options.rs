//! The command line of `khien-load read`, and what it measures.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::loopback::LoopbackTarget;
use crate::options::{
    CONCURRENCY_MAX, DURATION_MAX_SECONDS, OptionError, REQUESTS_MAX, Stop, TIMEOUT_MAX_SECONDS,
    within,
};

/// Logs in as a staff member of a generated installation (`khien generate`) and
/// measures the unit inbox and the case page: latency percentiles and errors of
/// each read, one read after another.
#[derive(Debug, Args)]
pub struct ReadOptions {
    /// Base URL of the server; the host must be 127.0.0.1, localhost or `[::1]`.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// The logins file `khien generate` wrote (DATA_DIR/generated-logins.json).
    #[arg(long, value_name = "FILE")]
    pub logins: PathBuf,
    /// Unit whose intake officer logs in [default: the unit with the most cases].
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Clients reading at the same time (1–1024).
    #[arg(long, default_value_t = 1)]
    pub concurrency: usize,
    /// Requests per read measured (1–1 000 000) [default: 200 unless --duration is given].
    #[arg(long, value_name = "N")]
    pub requests: Option<u64>,
    /// Seconds per read measured (1–3600), instead of a number of requests.
    #[arg(long, value_name = "SECONDS", conflicts_with = "requests")]
    pub duration: Option<u64>,
    /// Which reads, comma-separated: inbox, inbox-deep, overdue, mine,
    /// console-inbox, case, console-case [default: all, in that order].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub reads: Vec<String>,
    /// Give up on one request after this many seconds (1–3600).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub timeout: u64,
    /// Print the results as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// One read that is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// `GET /api/v1/cases`: the first page of the inbox.
    Inbox,
    /// `GET /api/v1/cases?after=…`: a page deep in the inbox (its second half).
    InboxDeep,
    /// `GET /api/v1/cases?overdue=true`.
    Overdue,
    /// `GET /api/v1/cases?stage=accepted&assignee=me`.
    Mine,
    /// `GET /staff/inbox`: the console's inbox page.
    ConsoleInbox,
    /// `GET /api/v1/cases/{id}` of a random case: decrypts, folds, audits the read.
    Case,
    /// `GET /staff/cases/{id}` of a random case: the console's case page.
    ConsoleCase,
}

impl Read {
    /// Every read, in the order they run.
    pub const ALL: [Read; 7] = [
        Read::Inbox,
        Read::InboxDeep,
        Read::Overdue,
        Read::Mine,
        Read::ConsoleInbox,
        Read::Case,
        Read::ConsoleCase,
    ];

    /// Its name on the command line and in results.
    pub fn name(self) -> &'static str {
        match self {
            Read::Inbox => "inbox",
            Read::InboxDeep => "inbox-deep",
            Read::Overdue => "overdue",
            Read::Mine => "mine",
            Read::ConsoleInbox => "console-inbox",
            Read::Case => "case",
            Read::ConsoleCase => "console-case",
        }
    }

    /// What it requests, for the results table.
    pub fn request(self) -> &'static str {
        match self {
            Read::Inbox => "GET /api/v1/cases",
            Read::InboxDeep => "GET /api/v1/cases?after=(deep)",
            Read::Overdue => "GET /api/v1/cases?overdue=true",
            Read::Mine => "GET /api/v1/cases?stage=accepted&assignee=me",
            Read::ConsoleInbox => "GET /staff/inbox",
            Read::Case => "GET /api/v1/cases/{id}",
            Read::ConsoleCase => "GET /staff/cases/{id}",
        }
    }

    /// Whether it is a console page (cookie, HTML) rather than the API (bearer, JSON).
    pub fn is_console(self) -> bool {
        matches!(self, Read::ConsoleInbox | Read::ConsoleCase)
    }

    fn parse(name: &str) -> Result<Read, OptionError> {
        Read::ALL
            .into_iter()
            .find(|read| read.name() == name.trim())
            .ok_or_else(|| {
                OptionError(format!(
                    "--reads: unknown read {name:?} (reads: {})",
                    Read::ALL.map(Read::name).join(", ")
                ))
            })
    }
}

/// A checked `read` run.
#[derive(Debug, Clone)]
pub struct ReadPlan {
    /// Where to send.
    pub target: LoopbackTarget,
    /// Concurrent clients.
    pub concurrency: usize,
    /// When each read's measurement stops.
    pub stop: Stop,
    /// What to measure, in order.
    pub reads: Vec<Read>,
    /// Per-request timeout.
    pub timeout: Duration,
}

impl ReadOptions {
    /// Checks every bound and the target.
    pub fn plan(&self) -> Result<ReadPlan, OptionError> {
        let target = LoopbackTarget::parse(&self.url)?;
        let concurrency = within("concurrency", self.concurrency, 1, CONCURRENCY_MAX)?;
        let stop = match (self.duration, self.requests) {
            (Some(seconds), None) => Stop::After(Duration::from_secs(within(
                "duration",
                seconds,
                1,
                DURATION_MAX_SECONDS,
            )?)),
            (None, count) => {
                Stop::Count(within("requests", count.unwrap_or(200), 1, REQUESTS_MAX)?)
            }
            (Some(_), Some(_)) => {
                return Err(OptionError(
                    "give --duration or --requests, not both".into(),
                ));
            }
        };
        let reads = if self.reads.is_empty() {
            Read::ALL.to_vec()
        } else {
            self.reads
                .iter()
                .map(|name| Read::parse(name))
                .collect::<Result<Vec<_>, _>>()?
        };
        let timeout = within("timeout", self.timeout, 1, TIMEOUT_MAX_SECONDS)?;
        Ok(ReadPlan {
            target,
            concurrency,
            stop,
            reads,
            timeout: Duration::from_secs(timeout),
        })
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        read: ReadOptions,
    }

    fn parse(args: &[&str]) -> Result<ReadPlan, OptionError> {
        let mut argv = vec!["read", "--logins", "/tmp/l.json"];
        argv.extend_from_slice(args);
        Wrapper::try_parse_from(argv).unwrap().read.plan()
    }

    #[test]
    fn defaults_measure_every_read_two_hundred_times_one_at_a_time() {
        let plan = parse(&[]).unwrap();
        assert_eq!(plan.reads, Read::ALL.to_vec());
        assert_eq!(plan.concurrency, 1);
        assert_eq!(plan.stop, Stop::Count(200));
    }

    #[test]
    fn reads_are_named_and_bounds_enforced() {
        let plan = parse(&[
            "--reads",
            "case,inbox",
            "--concurrency",
            "8",
            "--duration",
            "5",
        ])
        .unwrap();
        assert_eq!(plan.reads, vec![Read::Case, Read::Inbox]);
        assert_eq!(plan.stop, Stop::After(Duration::from_secs(5)));
        assert!(
            parse(&["--reads", "cases"])
                .unwrap_err()
                .0
                .contains("console-case")
        );
        assert!(parse(&["--concurrency", "0"]).is_err());
        assert!(parse(&["--requests", "0"]).is_err());
        assert!(parse(&["--url", "http://192.0.2.1:8080"]).is_err());
    }
}
