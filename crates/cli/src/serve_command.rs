//! `khien serve`

use std::net::SocketAddr;
use std::process::ExitCode;

use khien_web::Application;

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::shutdown_signal::shutdown_signal;
use crate::{logging, settings};

/// Runs the server until SIGINT or SIGTERM.
pub async fn run(
    installation: &InstallationArgs,
    listen: Option<SocketAddr>,
) -> Result<ExitCode, Failure> {
    let settings = settings::load(installation, listen).map_err(Failure::usage)?;
    logging::init(&settings.log, settings.log_format);
    let application = Application::build(settings.server_settings())
        .await
        .map_err(Failure::new)?;
    tracing::info!(address = %application.local_addr(), "khien is serving");
    application
        .run_until(shutdown_signal())
        .await
        .map_err(Failure::new)?;
    Ok(ExitCode::SUCCESS)
}
