//! `khien audit verify`

use std::process::ExitCode;

use khien_store::audit::{AuditVerdict, verify as verify_chain};
use khien_store::data_dir::DataDir;
use khien_store::{Backend, DatabaseUrl};
use khien_web::{Access, open_store};

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::settings;

/// Recomputes the chain with the installation's public key. Prints
/// `audit chain ok: N entries` and exits 0, or names the first bad entry and exits 1.
pub async fn verify(installation: &InstallationArgs) -> Result<ExitCode, Failure> {
    let settings = settings::load(installation, None).map_err(Failure::usage)?;
    let url = settings
        .database_url
        .clone()
        .unwrap_or_else(|| DatabaseUrl::sqlite_in(&settings.data_dir));
    // Verifying must not quietly create an empty installation somewhere else.
    if let DatabaseUrl::Sqlite(path) = &url
        && url.backend() == Backend::Sqlite
        && !path.exists()
    {
        return Err(Failure::new(format!(
            "no database at {}: check --data-dir",
            path.display()
        )));
    }
    let trusted_key = DataDir::open(&settings.data_dir)
        .and_then(|dir| dir.audit_verifying_key())
        .map_err(Failure::new)?;
    let opened = open_store(&settings.server_settings(), Access::Shared)
        .await
        .map_err(Failure::new)?;
    let verdict = verify_chain(&opened.store, &trusted_key)
        .await
        .map_err(Failure::new)?;
    opened.store.close().await;
    match verdict {
        AuditVerdict::Intact {
            entries,
            checkpoints,
        } => {
            println!("audit chain ok: {entries} entries");
            println!("signed checkpoints checked: {checkpoints}");
            Ok(ExitCode::SUCCESS)
        }
        AuditVerdict::Broken { seq, fault } => {
            println!("audit chain broken at entry {seq}: {fault}");
            Ok(ExitCode::from(1))
        }
    }
}
