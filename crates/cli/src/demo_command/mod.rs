//! `khien demo`: a throwaway installation to look around in.
//!
//! The demo directory is recreated at every start, so it only ever holds demo data;
//! a directory that is not a demo directory is never deleted.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use khien_web::Application;
use secrecy::ExposeSecret;

mod demo_cases;
mod demo_client;
mod demo_seed;
mod province;

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::shutdown_signal::shutdown_signal;
use crate::{logging, settings};

/// The file that marks a directory as made by `khien demo`.
const DEMO_MARKER: &str = ".khien-demo";
const DEFAULT_DEMO_DIR: &str = "./khien-demo";
/// How long a seeding failure waits to learn whether the server is stopping.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

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
    logging::init(&settings.log, settings.log_format);
    recreate_demo_dir(&settings.data_dir)?;
    let application = Application::build(settings.server_settings())
        .await
        .map_err(Failure::new)?;
    let base_url = format!("http://{}", application.local_addr());
    let state = application.state().clone();
    let reminders = settings.server_settings().reminders;
    println!("Khiên demo at {base_url}/: seeding the demo province …");
    // The demo's people act through the server's own API, so it serves while they do.
    let mut server = tokio::spawn(application.run_until(shutdown_signal()));
    let seeded = tokio::select! {
        seeded = demo_seed::seed_demo(&state, &base_url, &reminders) => seeded,
        stopped = &mut server => return served(stopped),
    };
    let seeded = match seeded {
        Ok(seeded) => seeded,
        // Stopped while seeding: the requests in flight fail, and the server is
        // finishing its graceful stop.
        Err(failure) => match tokio::time::timeout(STOP_GRACE, &mut server).await {
            Ok(stopped) => return served(stopped),
            Err(_) => {
                server.abort();
                return Err(failure);
            }
        },
    };
    print_banner(&base_url, &seeded, &settings.data_dir);
    served(server.await)
}

/// The exit of the server task.
fn served(
    stopped: Result<Result<(), impl std::fmt::Display>, tokio::task::JoinError>,
) -> Result<ExitCode, Failure> {
    match stopped {
        Ok(Ok(())) => Ok(ExitCode::SUCCESS),
        Ok(Err(error)) => Err(Failure::new(error)),
        Err(error) => Err(Failure::new(format!("the demo server stopped: {error}"))),
    }
}

/// What a newcomer needs to look around: the addresses, the logins, a receipt.
fn print_banner(base_url: &str, seeded: &demo_seed::Seeded, data_dir: &Path) {
    println!("Khiên demo is running. Stop it with Ctrl-C.");
    println!();
    println!("  Cổng thông tin / public portal:  {base_url}/");
    println!("  Trang cán bộ / staff console:    {base_url}/staff/login");
    println!(
        "  Reports with no unit chosen go to {} (Thanh tra tỉnh).",
        province::DEFAULT_INTAKE_UNIT
    );
    println!();
    println!(
        "  A reporter's receipt (follow it up at {base_url}/follow-up): {}",
        seeded.reporter_receipt.expose_secret()
    );
    println!();
    println!("  Demo logins (this demo only; new passwords at every start):");
    println!(
        "    {:<16} {:<20} {:<32}  unit",
        "username", "password", "TOTP secret"
    );
    for login in &seeded.logins {
        println!(
            "    {:<16} {:<20} {:<32}  {}",
            login.username,
            province::password(login),
            login.totp_base32().expose_secret(),
            login.unit
        );
    }
    println!(
        "  TOTP codes: add the secret to an authenticator app, or run `oathtool --totp -b SECRET`."
    );
    println!(
        "  Data directory (recreated at every demo start): {}",
        data_dir.display()
    );
    println!();
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

pub(crate) fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
