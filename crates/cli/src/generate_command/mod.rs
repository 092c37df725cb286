//! `khien generate`: fills an empty installation with a generated province and as
//! many cases as asked, to measure the inbox and the case pages at scale (issue 6:
//! 100 000 cases). **For measurement only**: receipts and staff passwords are
//! derived with deliberately cheap Argon2 parameters, so that 100 000 receipts take
//! minutes instead of hours; such data must never become a real installation.
//!
//! Everything goes through the store's API, as the server would write it: units and
//! staff as an administrator adds them, unit keys handed out by a key holder's
//! login, each report sealed under its own case key (to the unit's key, the intake
//! key, the custodians and the receipt), and each case's history appended with
//! `record_case_event`, so the fold checks every event and keeps the clock columns.
//!
//! The command refuses a database that already holds units, users or cases unless
//! given `--force`. It writes a logins file (mode 0600): for each unit, an intake
//! officer's username, password and TOTP secret, for `khien-load read`.

mod case_story;
mod case_writer;
mod dice;
mod logins_file;
mod province;
mod report_text;
mod staffing;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use chrono::{Duration, NaiveDate, Utc};
use clap::Args;
use khien_domain::routing::{OrgTree, OrgUnit};
use khien_store::Store;
use khien_store::accounts::UnitId;
use khien_store::blobs::BlobStore;
use khien_store::calendar_files::load_calendar;
use khien_store::workflow::InboxFilter;
use khien_vault::kdf::KdfParams;
use khien_web::{Access, open_store};

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::settings;
use case_writer::{Run, write_case};

/// Most cases one run makes.
const CASES_MAX: u64 = 1_000_000;
/// Most cases written at once.
const JOBS_MAX: usize = 64;
/// The first day a generated case may be received.
const FIRST_DAY: &str = "2025-01-01";

/// `khien generate …`
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Where the data goes.
    #[command(flatten)]
    pub installation: InstallationArgs,
    /// How many cases to make (1–1 000 000).
    #[arg(long, default_value_t = 1000)]
    pub cases: u64,
    /// Where to write the logins file [default: generated-logins.json in the data
    /// directory].
    #[arg(long, value_name = "FILE")]
    pub logins: Option<PathBuf>,
    /// Cases written at the same time (1–64).
    #[arg(long, default_value_t = 4)]
    pub jobs: usize,
    /// Seed of the data's shape (units, dates, kinds, histories): the same seed
    /// gives the same shape. Keys and receipts are always fresh.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Generate even though the database already holds units, users or cases.
    #[arg(long)]
    pub force: bool,
}

/// Runs `khien generate`.
pub async fn run(args: GenerateArgs) -> Result<ExitCode, Failure> {
    if !(1..=CASES_MAX).contains(&args.cases) {
        return Err(Failure::usage(format!(
            "--cases must be between 1 and {CASES_MAX} (got {})",
            args.cases
        )));
    }
    if !(1..=JOBS_MAX).contains(&args.jobs) {
        return Err(Failure::usage(format!(
            "--jobs must be between 1 and {JOBS_MAX} (got {})",
            args.jobs
        )));
    }
    let settings = settings::load(&args.installation, None).map_err(Failure::usage)?;
    let server_settings = settings.server_settings();
    let opened = open_store(&server_settings, Access::Exclusive)
        .await
        .map_err(Failure::new)?;
    let store = opened.store.clone();
    refuse_real_data(&store, args.force).await?;
    let calendar = load_calendar(opened.data_dir.path()).map_err(Failure::new)?;
    let blobs = BlobStore::open(opened.data_dir.blobs()).map_err(Failure::new)?;
    let logins_path = args
        .logins
        .clone()
        .unwrap_or_else(|| opened.data_dir.path().join("generated-logins.json"));

    let started = Instant::now();
    eprintln!(
        "khien generate: data for measurement only (weak receipts and passwords); \
         making the province GEN-UBND …"
    );
    let units =
        staffing::staff_province(&store, &opened.server_secret, &KdfParams::for_tests()).await?;
    // Reports with no unit chosen go to the provincial inspectorate, the first unit.
    let inspectorate = units
        .first()
        .ok_or_else(|| Failure::new("the generated province has no units"))?;
    store
        .set_default_intake_unit(staffing::GENERATOR_ACTOR, Some(&inspectorate.id))
        .await
        .map_err(Failure::new)?;
    let first_day: NaiveDate = FIRST_DAY.parse().map_err(Failure::new)?;
    // Dates of legal effect are Vietnamese dates (UTC+7).
    let today = (Utc::now() + Duration::hours(7)).date_naive();
    let run = Arc::new(Run {
        store: store.clone(),
        blobs,
        server_secret: Arc::clone(&opened.server_secret),
        units,
        seed: args.seed,
        first_day,
        today,
        calendar,
        tree: organisation_tree(&store).await?,
    });
    let setup = started.elapsed();
    let events = write_all(&run, args.cases, args.jobs).await?;
    let elapsed = started.elapsed();

    let mut logins = Vec::with_capacity(run.units.len());
    let mut biggest = (String::new(), 0);
    for unit in &run.units {
        let cases = store
            .count_inbox(&unit.id, &InboxFilter::default())
            .await
            .map_err(Failure::new)?;
        if cases > biggest.1 {
            biggest = (unit.code.clone(), cases);
        }
        let mut login = unit.login.clone();
        login.cases = cases as u64;
        logins.push(login);
    }
    logins_file::write(&logins_path, &logins).map_err(|error| {
        Failure::new(format!("cannot write {}: {error}", logins_path.display()))
    })?;
    let writing = (elapsed - setup).as_secs_f64();
    println!(
        "generated {} cases with {events} events in {:.1} s ({:.1} cases/s; setup {:.1} s)",
        args.cases,
        elapsed.as_secs_f64(),
        args.cases as f64 / writing.max(f64::EPSILON),
        setup.as_secs_f64()
    );
    println!("biggest inbox: {} with {} cases", biggest.0, biggest.1);
    println!(
        "logins (one intake officer per unit): {}",
        logins_path.display()
    );
    opened.store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Refuses a database with units, users or cases in it, unless forced.
async fn refuse_real_data(store: &khien_store::Store, force: bool) -> Result<(), Failure> {
    let units = store.list_units().await.map_err(Failure::new)?.len();
    let users = store.list_users().await.map_err(Failure::new)?.len();
    // Every case belongs to a unit: no units, no cases.
    if (units > 0 || users > 0) && !force {
        return Err(Failure::usage(format!(
            "the database already holds {units} units and {users} users: khien generate \
             only fills an empty installation (its data is for measurement only); \
             use a fresh --data-dir / --database-url, or --force"
        )));
    }
    Ok(())
}

/// Counters the workers share.
#[derive(Default)]
struct Progress {
    next: AtomicU64,
    done: AtomicU64,
    events: AtomicU64,
    failed: AtomicBool,
}

/// Writes cases `0..total` with `jobs` workers; returns the number of events.
async fn write_all(run: &Arc<Run>, total: u64, jobs: usize) -> Result<u64, Failure> {
    let progress = Arc::new(Progress::default());
    let started = Instant::now();
    let report_every = (total / 20).clamp(1_000, 10_000);
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..jobs {
        let run = Arc::clone(run);
        let progress = Arc::clone(&progress);
        workers.spawn(async move {
            let Progress {
                next,
                done,
                events,
                failed,
            } = &*progress;
            loop {
                if failed.load(Ordering::Relaxed) {
                    return Ok(());
                }
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= total {
                    return Ok(());
                }
                match write_case(&run, index).await {
                    Ok(count) => {
                        events.fetch_add(count as u64, Ordering::Relaxed);
                        let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if finished % report_every == 0 {
                            eprintln!(
                                "  {finished}/{total} cases, {:.1} cases/s",
                                finished as f64 / started.elapsed().as_secs_f64()
                            );
                        }
                    }
                    Err(failure) => {
                        failed.store(true, Ordering::Relaxed);
                        return Err(failure);
                    }
                }
            }
        });
    }
    while let Some(joined) = workers.join_next().await {
        joined.map_err(|error| Failure::new(format!("a generator worker failed: {error}")))??;
    }
    Ok(progress.events.load(Ordering::Relaxed))
}

/// The organisation tree of the generated province, as intake builds it.
async fn organisation_tree(store: &Store) -> Result<OrgTree<UnitId>, Failure> {
    let units = store.list_units().await.map_err(Failure::new)?;
    Ok(OrgTree::new(
        units
            .into_iter()
            .map(|placed| OrgUnit {
                id: placed.unit.id,
                code: placed.unit.code,
                name: placed.unit.name,
                kind: placed.unit.kind,
                parent: placed.unit.parent_id,
                head_position: placed.unit.head_position,
            })
            .collect(),
    ))
}
