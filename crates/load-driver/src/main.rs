//! `khien-load`: submits reports concurrently to a Khiên server running on this
//! machine, and prints throughput, latency percentiles (p50/p95/p99, nearest rank,
//! over successful submissions) and errors by kind.
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
//! target/release/khien-load --url http://127.0.0.1:8080 --concurrency 8 --duration 20
//! target/release/khien-load --concurrency 64 --duration 20 --json
//! target/release/khien-load --concurrency 8 --attachment-bytes 1048576   # 1 MiB PDFs
//! target/release/khien-load --unit SO-TC --requests 100                  # to one unit
//! ```
//!
//! # Against a fresh `khien serve`
//!
//! A new installation has no units, and a report needs somewhere to go (the
//! chosen unit, else the default intake unit, else the root unit). Add one unit
//! first, then drive it:
//!
//! ```text
//! target/release/khien unit add --data-dir /tmp/khien-load --code SO-TEST \
//!     --name "Sở Thử nghiệm" --kind department
//! target/release/khien serve --data-dir /tmp/khien-load --listen 127.0.0.1:8080 &
//! target/release/khien-load --concurrency 8 --duration 20
//! ```
//!
//! For large attachments, raise the server's per-file limit (100 MiB by default):
//! `KHIEN_MAX_ATTACHMENT_MIB=2048 khien serve …`, then
//! `khien-load --concurrency 1 --requests 1 --attachment-bytes 1073741824`.
//!
//! The submission slowdown (DESIGN §6) counts per client address; every client
//! of the driver comes from 127.0.0.1, so a slowdown that grows with the rate from
//! one address shows up here as latency, not as errors.
//!
//! Exit status: 0 when at least one submission succeeded, 1 when none did or the
//! server does not answer, 2 for a refused option.

#![forbid(unsafe_code)]

mod driver;
mod latency;
mod loopback;
mod options;
mod payload;
mod summary;

use std::process::ExitCode;

use clap::Parser;

use crate::options::Options;
use crate::summary::Summary;

fn main() -> ExitCode {
    let options = Options::parse();
    let plan = match options.plan() {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("khien-load: {error}");
            return ExitCode::from(2);
        }
    };
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
    runtime.block_on(async {
        let client = match driver::client(&plan) {
            Ok(client) => client,
            Err(error) => {
                eprintln!("khien-load: cannot build the HTTP client: {error}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(message) = driver::check_server(&client, &plan).await {
            eprintln!("khien-load: {message}");
            return ExitCode::FAILURE;
        }
        let run = driver::run(client, &plan).await;
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
    })
}
