//! The command line, as clap reads it.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::calendar_command::CalendarArgs;
use crate::generate_command::GenerateArgs;
use crate::unit_command::UnitArgs;
use crate::user_command::UserArgs;

/// Khiên: safe reporting of corruption, waste and misconduct; on-time resolution;
/// protection of the people who report.
#[derive(Debug, Parser)]
#[command(name = "khien", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server.
    Serve {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<SocketAddr>,
    },
    /// Start a demonstration server with a fresh demo province and demo logins.
    Demo {
        /// Where the data is (recreated at every start) [default: ./khien-demo].
        #[command(flatten)]
        installation: InstallationArgs,
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<SocketAddr>,
    },
    /// Bring the database schema up to date and exit.
    Migrate {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
    },
    /// Work with the audit chain.
    Audit {
        /// Which audit command.
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Vietnamese lunar calendar, holidays and working days.
    Calendar(CalendarArgs),
    /// The organisation tree: add, list and import units.
    Unit(UnitArgs),
    /// Staff accounts: add, change password, recover, reset, disable, list.
    User(UserArgs),
    /// Fill an empty installation with a generated province and cases, to measure
    /// performance. FOR MEASUREMENT ONLY: receipts and staff passwords use
    /// deliberately weak Argon2 parameters (fast to generate, fast to crack), so the
    /// data must never serve as a real installation. Refuses a database that already
    /// holds units or users unless given --force. Writes a logins file (one intake
    /// officer per unit, with password and TOTP secret) for `khien-load read`.
    Generate(GenerateArgs),
}

/// Audit subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain and the signed checkpoints.
    Verify {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
    },
}

/// The options every command that touches data takes, so a script can point any
/// command at any installation.
#[derive(Debug, Args, Clone, Default)]
pub struct InstallationArgs {
    /// Data directory: SQLite file, attachments, secrets [default: ./khien-data; for
    /// `demo`, ./khien-demo].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL (postgres://… or sqlite:…) [default: the SQLite file in the data directory].
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Configuration file (TOML).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}
