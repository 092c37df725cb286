//! `khien-load`: submits reports concurrently to a Khiên server running on this
//! machine, and prints throughput, latency percentiles (p50/p95/p99, nearest rank,
//! over successful submissions) and errors by kind. `khien-load read` measures
//! staff reads of a generated inbox instead (below).
//!
//! Each submission is `POST /api/v1/reports`: JSON (`--attachment-bytes 0`, the
//! default) or `multipart/form-data` with the JSON in a part named `report` and one
//! generated file, `evidence.pdf`, that starts with `%PDF-1.7\n` (streamed, so a
//! 1 GiB attachment costs the driver almost no memory). A submission counts as
//! successful only when it is answered `201` with a 16-digit receipt and a
//! tracking number.
//!
//! A run is bounded: `--duration SECONDS` (default 20, at most 3600) or
//! `--requests N` (at most 1 000 000), `--concurrency` at most 1024, every request
//! under `--timeout`. It only drives a server on the loopback interface: a `--url`
//! whose host is not `127.0.0.1`, `localhost` or `[::1]` is refused before
//! anything is sent. Use a release build of the server: a debug build measures
//! the debug build.
//!
//! # Against `khien demo`
//!
//! The demo seeds a province with units and staff, so every report is sealed to a
//! real unit's keys, as in production:
//!
//! ```text
//! cargo build --release -p khien -p khien-load-driver
//! target/release/khien demo --data-dir /tmp/khien-load-demo --listen 127.0.0.1:8080 &
//! L="target/release/khien-load --url http://127.0.0.1:8080 --sources 1024"
//! $L --concurrency 8 --duration 20
//! $L --concurrency 64 --duration 20 --json
//! $L --concurrency 8 --attachment-bytes 1048576      # 1 MiB PDFs
//! $L --unit TTT --requests 100                       # to one unit
//! ```
//!
//! Without `--unit` a report goes to the default intake unit (in the demo, TTT,
//! Thanh tra tỉnh). A unit can receive reports only once it has keys, that is
//! once a member holds a case role there (intake, handler, head, protection).
//!
//! # Against a fresh `khien serve`
//!
//! A new installation has no units, and a report needs a unit with a key: one
//! with at least one member holding a case role (intake, handler, head,
//! protection). Add a unit and such a member with the CLI, then drive it:
//!
//! ```text
//! K="target/release/khien"; D="--data-dir /tmp/khien-load"
//! $K unit add $D --code SO-TEST --name "Sở Thử nghiệm" --kind department
//! echo "a-long-load-test-password" > /tmp/khien-load-password
//! $K user add $D --username can.bo --unit SO-TEST --role intake --role handler \
//!     --password-file /tmp/khien-load-password
//! $K serve $D --listen 127.0.0.1:8080 &
//! target/release/khien-load --unit SO-TEST --sources 1024 --concurrency 8 --duration 20
//! ```
//!
//! For large attachments, raise the server's per-file limit (100 MiB by default):
//! `KHIEN_MAX_ATTACHMENT_MIB=2048 khien serve …`, then
//! `khien-load --concurrency 1 --requests 1 --attachment-bytes 1073741824`.
//!
//! # Many reporters: `--sources`
//!
//! The server slows down submissions from one address beyond 20 in ten minutes
//! (DESIGN §6: delays doubling up to 10 s; nothing is refused). From 127.0.0.1
//! alone, a run therefore measures that slowdown after its first 20 reports.
//! To measure the server's capacity, send as many reporters would, from many
//! addresses: `--sources 1024` binds each request to one of 1024 addresses in
//! 127.0.0.0/8 (all of them this machine on Linux; needs `--url
//! http://127.0.0.1:PORT`). Keep `sources × 20` above the number of reports a
//! run sends.
//!
//! # Reading a generated inbox: `khien-load read`
//!
//! `khien generate` fills an installation with a province and many cases and
//! writes a logins file. `read` logs in as the intake officer of the biggest
//! unit (password and TOTP, through `POST /api/v1/auth/login`), walks the unit's
//! whole inbox once through the API to collect case ids and deep cursors, then
//! measures each read in turn — the inbox's first page, a deep page, the overdue
//! and "mine" filters, the console inbox, the case through the API and the
//! console's case page (both decrypt, fold and audit the read) — and prints
//! p50/p95/p99/max per read. See `crates/load-driver/README.md` for figures with
//! 100 000 cases and the commands that produced them.
//!
//! ```text
//! target/release/khien generate --data-dir /tmp/khien-100k --cases 100000
//! target/release/khien serve --data-dir /tmp/khien-100k --listen 127.0.0.1:8080 &
//! target/release/khien-load read --logins /tmp/khien-100k/generated-logins.json \
//!     --concurrency 8 --requests 500
//! ```
//!
//! Exit status: 0 when at least one submission (every read, for `read`)
//! succeeded, 1 when none did or the server does not answer, 2 for a refused
//! option.

#![forbid(unsafe_code)]

mod driver;
mod latency;
mod logins;
mod loopback;
mod options;
mod payload;
mod read_options;
mod read_run;
mod read_summary;
mod sources;
mod staff_login;
mod summary;

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use reqwest::Client;
use reqwest::redirect::Policy;

use crate::options::Options;
use crate::read_options::ReadOptions;
use crate::read_summary::ReadSummary;
use crate::summary::Summary;

/// Submits reports concurrently to a Khiên server on this machine and prints
/// throughput, latency percentiles and errors; `read` measures staff reads of a
/// generated inbox.
#[derive(Debug, Parser)]
#[command(
    name = "khien-load",
    version,
    about,
    max_term_width = 100,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// What to measure [default: submit].
    #[command(subcommand)]
    mode: Option<Mode>,
    /// Options of `submit`, also accepted without naming it.
    #[command(flatten)]
    submit: Options,
}

#[derive(Debug, Subcommand)]
enum Mode {
    /// Submit reports concurrently (the default).
    Submit(Options),
    /// Log in as a staff member of a generated installation (`khien generate`) and
    /// measure the unit inbox and the case page.
    Read(ReadOptions),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("khien-load: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match cli.mode {
        Some(Mode::Read(options)) => runtime.block_on(read(options)),
        Some(Mode::Submit(options)) => runtime.block_on(submit(options)),
        None => runtime.block_on(submit(cli.submit)),
    }
}

async fn submit(options: Options) -> ExitCode {
    let plan = match options.plan() {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("khien-load: {error}");
            return ExitCode::from(2);
        }
    };
    let clients = match driver::clients(&plan) {
        Ok(clients) => clients,
        Err(error) => {
            eprintln!("khien-load: cannot build the HTTP client: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = driver::check_server(&clients[0], &plan.target).await {
        eprintln!("khien-load: {message}");
        return ExitCode::FAILURE;
    }
    let run = driver::run(clients, &plan).await;
    let summary = Summary::new(&plan, run);
    if options.json {
        match serde_json::to_string_pretty(&summary) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("khien-load: cannot write the summary: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", summary.to_text());
    }
    if summary.succeeded == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

async fn read(options: ReadOptions) -> ExitCode {
    let plan = match options.plan() {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("khien-load: {error}");
            return ExitCode::from(2);
        }
    };
    let login = match logins::pick_login(&options.logins, options.unit.as_deref()) {
        Ok(login) => login,
        Err(error) => {
            eprintln!("khien-load: {error}");
            return ExitCode::from(2);
        }
    };
    // No redirects: a console page that sends to the login form is a failure.
    let client = match Client::builder()
        .no_proxy()
        .redirect(Policy::none())
        .pool_max_idle_per_host(plan.concurrency)
        .connect_timeout(Duration::from_secs(5))
        .timeout(plan.timeout)
        .user_agent(concat!("khien-load/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("khien-load: cannot build the HTTP client: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = driver::check_server(&client, &plan.target).await {
        eprintln!("khien-load: {message}");
        return ExitCode::FAILURE;
    }
    let session = match staff_login::log_in(&client, &plan.target, &login).await {
        Ok(session) => Arc::new(session),
        Err(error) => {
            eprintln!("khien-load: {error}");
            return ExitCode::FAILURE;
        }
    };
    let walk = match read_run::walk_inbox(&client, &plan, &session).await {
        Ok(walk) => Arc::new(walk),
        Err(error) => {
            eprintln!("khien-load: cannot walk the inbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut runs = Vec::with_capacity(plan.reads.len());
    for read in &plan.reads {
        runs.push(read_run::measure(&client, &plan, &session, &walk, *read).await);
    }
    let summary = ReadSummary::new(&plan, &login.unit, &walk, runs);
    if options.json {
        match serde_json::to_string_pretty(&summary) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("khien-load: cannot write the summary: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", summary.to_text());
    }
    if summary.all_answered() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
