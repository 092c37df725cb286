//! `khien`: the one binary. Each subcommand lives in its own module; this file only
//! parses the command line and turns failures into one clear line and an exit status.
#![forbid(unsafe_code)]

mod audit_command;
mod calendar_command;
mod cli_args;
mod demo_command;
mod logging;
mod migrate_command;
mod reminder_settings;
mod serve_command;
mod settings;
mod shutdown_signal;
mod unit_command;
mod user_command;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use crate::cli_args::{AuditCommand, Cli, Command};

/// Exit status for a command line or input that is wrong.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return report_usage_error(error),
    };
    match cli.command {
        Command::Calendar(args) => {
            let data_dir = match settings::load(&args.installation, None) {
                Ok(settings) => settings.data_dir,
                Err(error) => return fail(&error.to_string(), USAGE_ERROR),
            };
            calendar_command::run(args, &data_dir)
        }
        command => run_async(command),
    }
}

/// Commands that touch the database run on a Tokio runtime.
fn run_async(command: Command) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(&format!("cannot start the async runtime: {error}"), 1),
    };
    runtime.block_on(async move {
        let result = match command {
            Command::Serve {
                installation,
                listen,
            } => serve_command::run(&installation, listen).await,
            Command::Demo {
                installation,
                listen,
            } => demo_command::run(&installation, listen).await,
            Command::Migrate { installation } => migrate_command::run(&installation).await,
            Command::Audit {
                command: AuditCommand::Verify { installation },
            } => audit_command::verify(&installation).await,
            Command::Unit(args) => unit_command::run(args).await,
            Command::User(args) => user_command::run(args).await,
            Command::Calendar(_) => unreachable!("handled before the runtime starts"),
        };
        match result {
            Ok(code) => code,
            Err(failure) => fail(&failure.message, failure.exit_code),
        }
    })
}

/// A failed command: one line for the user, and the exit status.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, on one line.
    pub message: String,
    /// The exit status.
    pub exit_code: u8,
}

impl Failure {
    /// A failure with exit status 1.
    pub fn new(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            exit_code: 1,
        }
    }

    /// A failure caused by bad input (exit status 2).
    pub fn usage(message: impl std::fmt::Display) -> Self {
        Self {
            message: message.to_string(),
            exit_code: USAGE_ERROR,
        }
    }
}

fn fail(message: &str, code: u8) -> ExitCode {
    // Keep it to one line whatever the cause chain held.
    let message = message.replace('\n', " ");
    eprintln!("error: {message}");
    ExitCode::from(code)
}

/// Help and version go to stdout as usual; a real mistake becomes one line.
fn report_usage_error(error: clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(USAGE_ERROR)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            let rendered = error.render().to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or("invalid command line")
                .trim_start_matches("error: ");
            fail(&format!("{first} (see khien --help)"), USAGE_ERROR)
        }
    }
}
