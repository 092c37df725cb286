//! `khien migrate`

use std::process::ExitCode;

use khien_web::{Access, open_store};

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::settings;

/// Brings the schema up to date (opening the store migrates it) and exits.
pub async fn run(installation: &InstallationArgs) -> Result<ExitCode, Failure> {
    let settings = settings::load(installation, None).map_err(Failure::usage)?;
    let opened = open_store(&settings.server_settings(), Access::Exclusive)
        .await
        .map_err(Failure::new)?;
    opened.store.close().await;
    println!("database schema is up to date");
    Ok(ExitCode::SUCCESS)
}
