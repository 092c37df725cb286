//! `khien user add | passwd | recover | reset | disable | enable | list`.
//!
//! Passwords and recovery keys come from files (the first line), never from the
//! command line, where they would sit in shell history and in `ps` output. The
//! TOTP secret and recovery key of a new or reset account are printed once, each
//! on its own line, for the administrator to hand over.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use khien_domain::accounts::{Password, Role, UnitCode, Username};
use khien_store::accounts::{AccountError, Enrolment, NewUser};
use khien_vault::recovery_key::RecoveryKey;
use khien_web::{Access, OpenedStore, open_store};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::settings;

/// Who the audit chain names for changes made from the command line.
const CLI_ACTOR: &str = "cli";

/// `khien user …`
#[derive(Debug, Args)]
pub struct UserArgs {
    /// Which user command.
    #[command(subcommand)]
    pub command: UserCommand,
}

/// User subcommands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; prints their TOTP secret and recovery key, once.
    Add {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name (letters a-z, digits, . _ -).
        #[arg(long)]
        username: String,
        /// Code of the user's unit.
        #[arg(long)]
        unit: String,
        /// admin, intake, handler, head, custodian, protection, hr, oversight or
        /// auditor; repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// File whose first line is the password.
        #[arg(long, value_name = "FILE")]
        password_file: PathBuf,
    },
    /// Change a user's password, keeping their key.
    Passwd {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name.
        #[arg(long)]
        username: String,
        /// File whose first line is the current password.
        #[arg(long, value_name = "FILE")]
        old_password_file: PathBuf,
        /// File whose first line is the new password.
        #[arg(long, value_name = "FILE")]
        new_password_file: PathBuf,
    },
    /// Set a new password with the recovery key; prints a new recovery key.
    Recover {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name.
        #[arg(long)]
        username: String,
        /// File whose first line is the recovery key.
        #[arg(long, value_name = "FILE")]
        recovery_key_file: PathBuf,
        /// File whose first line is the new password.
        #[arg(long, value_name = "FILE")]
        new_password_file: PathBuf,
    },
    /// Administrator reset: new password, key pair, TOTP secret and recovery key.
    Reset {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name.
        #[arg(long)]
        username: String,
        /// File whose first line is the new password.
        #[arg(long, value_name = "FILE")]
        password_file: PathBuf,
    },
    /// Disable an account and end its sessions.
    Disable {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name.
        #[arg(long)]
        username: String,
    },
    /// Enable a disabled account.
    Enable {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Login name.
        #[arg(long)]
        username: String,
    },
    /// List every user: username, unit, roles, state.
    List {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
    },
}

/// Runs a user subcommand.
pub async fn run(args: UserArgs) -> Result<ExitCode, Failure> {
    match args.command {
        UserCommand::Add {
            installation,
            username,
            unit,
            roles,
            password_file,
        } => {
            let username = Username::parse(&username).map_err(Failure::usage)?;
            let unit = UnitCode::parse(&unit).map_err(Failure::usage)?;
            let roles = roles
                .iter()
                .map(|role| role.parse::<Role>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(Failure::usage)?;
            let password = new_password(&password_file)?;
            let (opened, kdf_params) = open(&installation).await?;
            let enrolment = opened
                .store
                .create_user(
                    CLI_ACTOR,
                    NewUser {
                        username: username.clone(),
                        unit,
                        roles,
                        password,
                    },
                    &opened.server_secret,
                    &kdf_params,
                )
                .await
                .map_err(|error| user_failure(error, &username))?;
            print_enrolment("user created", &enrolment);
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Passwd {
            installation,
            username,
            old_password_file,
            new_password_file,
        } => {
            let username = Username::parse(&username).map_err(Failure::usage)?;
            let old = first_line(&old_password_file)?;
            let new = new_password(&new_password_file)?;
            let (opened, kdf_params) = open(&installation).await?;
            opened
                .store
                .change_password(CLI_ACTOR, &username, &old, &new, &kdf_params)
                .await
                .map_err(|error| user_failure(error, &username))?;
            println!("password changed for {username}");
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Recover {
            installation,
            username,
            recovery_key_file,
            new_password_file,
        } => {
            let username = Username::parse(&username).map_err(Failure::usage)?;
            let typed = first_line(&recovery_key_file)?;
            let recovery_key = RecoveryKey::parse(typed.expose_secret()).map_err(|error| {
                Failure::usage(format!("{}: {error}", recovery_key_file.display()))
            })?;
            let new = new_password(&new_password_file)?;
            let (opened, kdf_params) = open(&installation).await?;
            let replacement = opened
                .store
                .recover_with_recovery_key(CLI_ACTOR, &username, &recovery_key, &new, &kdf_params)
                .await
                .map_err(|error| user_failure(error, &username))?;
            println!("password set for {username}; the old recovery key no longer works");
            println!("recovery-key: {}", replacement.grouped().expose_secret());
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Reset {
            installation,
            username,
            password_file,
        } => {
            let username = Username::parse(&username).map_err(Failure::usage)?;
            let password = new_password(&password_file)?;
            let (opened, kdf_params) = open(&installation).await?;
            let enrolment = opened
                .store
                .admin_reset_user(
                    CLI_ACTOR,
                    &username,
                    &password,
                    &opened.server_secret,
                    &kdf_params,
                )
                .await
                .map_err(|error| user_failure(error, &username))?;
            print_enrolment("user reset", &enrolment);
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Disable {
            installation,
            username,
        } => set_disabled(&installation, &username, true).await,
        UserCommand::Enable {
            installation,
            username,
        } => set_disabled(&installation, &username, false).await,
        UserCommand::List { installation } => {
            let (opened, _) = open(&installation).await?;
            for user in opened.store.list_users().await.map_err(Failure::new)? {
                let roles: Vec<_> = user.roles.iter().map(|role| role.as_str()).collect();
                let state = if user.disabled { "disabled" } else { "active" };
                println!(
                    "{}  {}  {}  {state}",
                    user.username,
                    user.unit_code,
                    roles.join(",")
                );
            }
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn set_disabled(
    installation: &InstallationArgs,
    username: &str,
    disabled: bool,
) -> Result<ExitCode, Failure> {
    let username = Username::parse(username).map_err(Failure::usage)?;
    let (opened, _) = open(installation).await?;
    opened
        .store
        .set_user_disabled(CLI_ACTOR, &username, disabled)
        .await
        .map_err(|error| user_failure(error, &username))?;
    println!(
        "user {username} {}",
        if disabled { "disabled" } else { "enabled" }
    );
    opened.store.close().await;
    Ok(ExitCode::SUCCESS)
}

async fn open(
    installation: &InstallationArgs,
) -> Result<(OpenedStore, khien_vault::kdf::KdfParams), Failure> {
    let settings = settings::load(installation, None).map_err(Failure::usage)?;
    let server_settings = settings.server_settings();
    // Beside a running server: SQLite serialises the writes, and the audit chain
    // is appended inside each write transaction, so both processes extend one chain.
    let opened = open_store(&server_settings, Access::Shared)
        .await
        .map_err(Failure::new)?;
    Ok((opened, server_settings.kdf_params))
}

fn print_enrolment(what: &str, enrolment: &Enrolment) {
    let roles: Vec<_> = enrolment.user.roles.iter().map(|r| r.as_str()).collect();
    println!(
        "{what}: {} (unit {}, roles {})",
        enrolment.user.username,
        enrolment.user.unit_code,
        roles.join(",")
    );
    println!(
        "totp-secret: {}",
        enrolment.totp_secret.to_base32().expose_secret()
    );
    println!(
        "recovery-key: {}",
        enrolment.recovery_key.grouped().expose_secret()
    );
    eprintln!("These are shown once: hand them to the user and do not keep a copy.");
}

fn user_failure(error: AccountError, username: &Username) -> Failure {
    match error {
        error if error.is_conflict() => {
            Failure::new(format!("username {username} is already taken"))
        }
        error @ (AccountError::UnknownUnit(_) | AccountError::UnknownUser(_)) => {
            Failure::usage(error)
        }
        other => Failure::new(other),
    }
}

/// The first line of a file, without its line ending. The file's contents are
/// never echoed, not even in an error.
fn first_line(path: &Path) -> Result<SecretString, Failure> {
    let text = Zeroizing::new(
        std::fs::read_to_string(path)
            .map_err(|error| Failure::usage(format!("cannot read {}: {error}", path.display())))?,
    );
    let line = text.lines().next().unwrap_or("");
    Ok(SecretString::from(line.trim_end_matches('\r')))
}

/// A new password from a file, checked against the policy.
fn new_password(path: &Path) -> Result<Password, Failure> {
    Password::parse(first_line(path)?)
        .map_err(|error| Failure::usage(format!("{}: {error}", path.display())))
}
