//! `khien demo`: a throwaway installation to look around in.
//!
//! The demo directory is recreated at every start, so it only ever holds demo data;
//! a directory that is not a demo directory is never deleted.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use khien_web::Application;

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::shutdown_signal::shutdown_signal;
use crate::{logging, settings};

/// The file that marks a directory as made by `khien demo`.
const DEMO_MARKER: &str = ".khien-demo";
const DEFAULT_DEMO_DIR: &str = "./khien-demo";

/// Recreates the demo directory, seeds it, and serves until interrupted.
pub async fn run(
    installation: &InstallationArgs,
    listen: Option<SocketAddr>,
) -> Result<ExitCode, Failure> {
    let mut installation = installation.clone();
    if installation.data_dir.is_none() {
        installation.data_dir = Some(PathBuf::from(DEFAULT_DEMO_DIR));
    }
    let settings = settings::load(&installation, listen).map_err(Failure::usage)?;
    if settings.database_url.is_some() {
        return Err(Failure::usage(
            "the demo always uses its own SQLite file: drop --database-url / KHIEN_DATABASE_URL",
        ));
    }
    logging::init(&settings.log);
    recreate_demo_dir(&settings.data_dir)?;
    let application = Application::build(settings.server_settings())
        .await
        .map_err(Failure::new)?;
    let address = application.local_addr();
    println!("Khiên demo is running. Stop it with Ctrl-C.");
    println!();
    println!("  Cổng thông tin / public portal:  http://{address}/");
    println!(
        "  Data directory (recreated at every demo start): {}",
        settings.data_dir.display()
    );
    println!();
    application
        .run_until(shutdown_signal())
        .await
        .map_err(Failure::new)?;
    Ok(ExitCode::SUCCESS)
}

/// Deletes and recreates the directory if it is a demo directory (or absent);
/// refuses anything else.
fn recreate_demo_dir(path: &Path) -> Result<(), Failure> {
    if path.exists() {
        let is_demo = path.join(DEMO_MARKER).exists();
        let is_empty = std::fs::read_dir(path)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        if !is_demo && !is_empty {
            return Err(Failure::usage(format!(
                "{} exists and was not made by `khien demo`; choose another --data-dir",
                path.display()
            )));
        }
        std::fs::remove_dir_all(path)
            .map_err(|error| Failure::new(format!("cannot clear {}: {error}", path.display())))?;
    }
    std::fs::create_dir_all(path)
        .and_then(|()| std::fs::write(path.join(DEMO_MARKER), "made by khien demo\n"))
        .map_err(|error| Failure::new(format!("cannot create {}: {error}", path.display())))
}
