//! `khien unit add | list | import | jurisdiction`: the organisation tree, and what
//! each oversight body oversees, from the command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use khien_domain::accounts::{FieldError, HeadPosition, UnitCode, UnitName};
use khien_domain::oversight::Jurisdiction;
use khien_store::accounts::{AccountError, ImportRow, NewUnit};
use khien_store::oversight::JurisdictionError;
use khien_web::{Access, open_store};
use serde::Deserialize;

use crate::Failure;
use crate::cli_args::InstallationArgs;
use crate::settings;

/// Who the audit chain names for changes made from the command line.
const CLI_ACTOR: &str = "cli";
/// Below this many rows an import finishes before a progress bar would be read.
const PROGRESS_BAR_ROWS: usize = 1000;

/// `khien unit …`
#[derive(Debug, Args)]
pub struct UnitArgs {
    /// Which unit command.
    #[command(subcommand)]
    pub command: UnitCommand,
}

/// Unit subcommands.
#[derive(Debug, Subcommand)]
pub enum UnitCommand {
    /// Add one unit.
    Add {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// Short code, e.g. TTT or SO-TC (letters, digits, . _ -).
        #[arg(long)]
        code: String,
        /// Vietnamese name, e.g. "Thanh tra tỉnh".
        #[arg(long)]
        name: String,
        /// party_committee, party_inspection, internal_affairs, inspectorate,
        /// peoples_committee, peoples_council, department, police, procuracy, commune
        /// or other.
        #[arg(long)]
        kind: String,
        /// Code of the unit above this one.
        #[arg(long)]
        parent: Option<String>,
        /// Title of the unit's head, e.g. "Chánh Thanh tra tỉnh".
        #[arg(long, value_name = "TEXT")]
        head_position: Option<String>,
    },
    /// List every unit as an indented tree: code, kind, name.
    List {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
    },
    /// Import a whole tree from a CSV (header code,name,kind,parent,head_position)
    /// or TOML ([[unit]] tables) file, all or nothing.
    Import {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// The file; its extension (.csv or .toml) says which format.
        file: PathBuf,
    },
    /// Set what an oversight body (internal_affairs, party_inspection, inspectorate,
    /// peoples_council) oversees: the whole province, or the subtrees of the units
    /// named. Audited; replaces what it had.
    Jurisdiction {
        /// Where the data is.
        #[command(flatten)]
        installation: InstallationArgs,
        /// The oversight unit's code, e.g. BNC-TU.
        code: String,
        /// Every unit of every root of the tree.
        #[arg(long, conflicts_with = "subtree", required_unless_present = "subtree")]
        whole_province: bool,
        /// The code of a unit whose subtree it oversees (repeat for several).
        #[arg(long, value_name = "CODE")]
        subtree: Vec<String>,
    },
}

/// Runs a unit subcommand.
pub async fn run(args: UnitArgs) -> Result<ExitCode, Failure> {
    match args.command {
        UnitCommand::Add {
            installation,
            code,
            name,
            kind,
            parent,
            head_position,
        } => {
            let unit = RawUnit {
                code,
                name,
                kind,
                parent,
                head_position,
            }
            .parse()
            .map_err(Failure::usage)?;
            let opened = open(&installation).await?;
            let added = opened
                .store
                .add_unit(CLI_ACTOR, &unit)
                .await
                .map_err(|error| unit_failure(error, &unit.code))?;
            println!(
                "unit added: {} ({}) {}",
                added.code,
                added.kind.as_str(),
                added.name
            );
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UnitCommand::List { installation } => {
            let opened = open(&installation).await?;
            let units = opened.store.list_units().await.map_err(Failure::new)?;
            for entry in units {
                println!(
                    "{}{}  {}  {}",
                    "  ".repeat(entry.depth),
                    entry.unit.code,
                    entry.unit.kind.as_str(),
                    entry.unit.name
                );
            }
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
        UnitCommand::Jurisdiction {
            installation,
            code,
            whole_province,
            subtree,
        } => {
            let (unit, jurisdiction) =
                parse_jurisdiction(&code, whole_province, &subtree).map_err(Failure::usage)?;
            let opened = open(&installation).await?;
            let result = opened
                .store
                .set_jurisdiction(CLI_ACTOR, &unit, &jurisdiction)
                .await;
            opened.store.close().await;
            match result {
                Ok(_) => {
                    let what = match &jurisdiction {
                        Jurisdiction::WholeProvince => "the whole province".to_owned(),
                        Jurisdiction::Subtrees(roots) => roots
                            .iter()
                            .map(UnitCode::as_str)
                            .collect::<Vec<_>>()
                            .join(", "),
                    };
                    println!("jurisdiction of {unit}: {what}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(JurisdictionError::Store(error)) => Err(Failure::new(error)),
                Err(error) => Err(Failure::usage(error)),
            }
        }
        UnitCommand::Import { installation, file } => {
            // Read and check the whole file before touching the database.
            let rows = read_import_file(&file)?;
            let opened = open(&installation).await?;
            let progress = progress_bar(rows.len());
            let result = opened
                .store
                .import_units(CLI_ACTOR, &rows, |done| {
                    if let Some(bar) = &progress {
                        bar.set_position(done as u64);
                    }
                })
                .await;
            if let Some(bar) = &progress {
                bar.finish_and_clear();
            }
            let count = result.map_err(|error| match error {
                AccountError::Import { .. } => {
                    Failure::usage(format!("{}: {error}; nothing imported", file.display()))
                }
                other => Failure::new(format!("{}: {other}; nothing imported", file.display())),
            })?;
            println!("imported {count} units from {}", file.display());
            opened.store.close().await;
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn open(installation: &InstallationArgs) -> Result<khien_web::OpenedStore, Failure> {
    let settings = settings::load(installation, None).map_err(Failure::usage)?;
    // Beside a running server: SQLite serialises the writes, and the audit chain
    // is appended inside each write transaction, so both processes extend one chain.
    open_store(&settings.server_settings(), Access::Shared)
        .await
        .map_err(Failure::new)
}

fn unit_failure(error: AccountError, code: &UnitCode) -> Failure {
    match error {
        error if error.is_conflict() => Failure::new(format!("unit code {code} is already in use")),
        error @ AccountError::UnknownParent(_) => Failure::usage(error),
        other => Failure::new(other),
    }
}

/// The unit code and the jurisdiction as typed; errors name the argument.
fn parse_jurisdiction(
    code: &str,
    whole_province: bool,
    subtrees: &[String],
) -> Result<(UnitCode, Jurisdiction<UnitCode>), FieldError> {
    let unit = UnitCode::parse(code)?;
    if whole_province {
        return Ok((unit, Jurisdiction::WholeProvince));
    }
    let roots = subtrees
        .iter()
        .map(|root| UnitCode::parse(root).map_err(|error| renamed(error, "subtree")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((unit, Jurisdiction::Subtrees(roots)))
}

/// A unit as the file or the command line gives it, before parsing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    code: String,
    name: String,
    kind: String,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    head_position: Option<String>,
}

impl RawUnit {
    fn parse(self) -> Result<NewUnit, FieldError> {
        let present = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
        Ok(NewUnit {
            code: UnitCode::parse(&self.code)?,
            name: UnitName::parse(&self.name)?,
            kind: self.kind.parse()?,
            parent: present(self.parent)
                .map(|code| UnitCode::parse(&code).map_err(|error| renamed(error, "parent")))
                .transpose()?,
            head_position: present(self.head_position)
                .map(|text| HeadPosition::parse(&text))
                .transpose()?,
        })
    }
}

/// The parent column holds a unit code, but the error should name the column.
fn renamed(error: FieldError, to: &'static str) -> FieldError {
    match error {
        FieldError::Empty { .. } => FieldError::Empty { field: to },
        FieldError::TooShort { min, actual, .. } => FieldError::TooShort {
            field: to,
            min,
            actual,
        },
        FieldError::TooLong { max, actual, .. } => FieldError::TooLong {
            field: to,
            max,
            actual,
        },
        FieldError::InvalidCharacter {
            character,
            position,
            allowed,
            ..
        } => FieldError::InvalidCharacter {
            field: to,
            character,
            position,
            allowed,
        },
        FieldError::Unknown {
            value, expected, ..
        } => FieldError::Unknown {
            field: to,
            value,
            expected,
        },
    }
}

fn read_import_file(path: &Path) -> Result<Vec<ImportRow>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Failure::usage(format!("cannot read {}: {error}", path.display())))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let rows = match extension.as_deref() {
        Some("csv") => read_csv(&text),
        Some("toml") => read_toml(&text),
        _ => {
            Err("the file's extension must be .csv or .toml, to say which format it is".to_owned())
        }
    };
    rows.map_err(|message| Failure::usage(format!("{}: {message}", path.display())))
}

const CSV_HEADER: [&str; 5] = ["code", "name", "kind", "parent", "head_position"];

fn read_csv(text: &str) -> Result<Vec<ImportRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|error| format!("line 1: {error}"))?
        .clone();
    if header.iter().collect::<Vec<_>>() != CSV_HEADER {
        return Err(format!(
            "line 1: the header must be exactly {}",
            CSV_HEADER.join(",")
        ));
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                return Err(format!("line {line}: {error}"));
            }
        }
        // The line the record starts on, so quoted multi-line names count right.
        let line = record.position().map_or(0, |p| p.line() as usize);
        let raw: RawUnit = record
            .deserialize(Some(&header))
            .map_err(|error| format!("line {line}: {error}"))?;
        let unit = raw
            .parse()
            .map_err(|error| format!("line {line}: {error}"))?;
        rows.push(ImportRow { line, unit });
    }
    Ok(rows)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    unit: Vec<toml::Spanned<RawUnit>>,
}

fn read_toml(text: &str) -> Result<Vec<ImportRow>, String> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let file: TomlFile = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(0, |span| line_at(span.start));
        format!("line {line}: {}", error.message())
    })?;
    file.unit
        .into_iter()
        .map(|spanned| {
            let line = line_at(spanned.span().start);
            let unit = spanned
                .into_inner()
                .parse()
                .map_err(|error| format!("line {line}: {error}"))?;
            Ok(ImportRow { line, unit })
        })
        .collect()
}

/// A bar on stderr for big imports, only when a person is watching it.
fn progress_bar(rows: usize) -> Option<indicatif::ProgressBar> {
    if rows <= PROGRESS_BAR_ROWS || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(rows as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("importing units {bar:40} {pos}/{len}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jurisdiction_is_the_whole_province_or_named_subtrees() {
        let (unit, whole) = parse_jurisdiction("BNC-TU", true, &[]).unwrap();
        assert_eq!(unit.as_str(), "BNC-TU");
        assert_eq!(whole, Jurisdiction::WholeProvince);
        let (_, some) = parse_jurisdiction("BNC-TU", false, &["TTT".into()]).unwrap();
        assert_eq!(
            some,
            Jurisdiction::Subtrees(vec![UnitCode::parse("TTT").unwrap()])
        );
        let error = parse_jurisdiction("BNC-TU", false, &["x".into()]).unwrap_err();
        assert!(error.to_string().starts_with("subtree: "), "{error}");
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_and_optional_columns() {
        let text = "code,name,kind,parent,head_position\n\
                    SO,Sở Tài chính,department,TINH,Giám đốc\n\
                    TINH,UBND tỉnh,peoples_committee,,\n";
        let rows = read_csv(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].unit.parent.as_ref().unwrap().as_str(), "TINH");
        assert_eq!(rows[1].line, 3);
        assert!(rows[1].unit.parent.is_none() && rows[1].unit.head_position.is_none());
    }

    #[test]
    fn a_bad_csv_row_names_its_line_and_field() {
        let text = "code,name,kind,parent,head_position\nSO,Sở,department,,\nXA,Xã,village,,\n";
        let error = read_csv(text).unwrap_err();
        assert!(
            error.starts_with("line 3: unit kind: unknown value \"village\""),
            "{error}"
        );
        let wrong_header = read_csv("code,name\nA,B\n").unwrap_err();
        assert!(
            wrong_header.starts_with("line 1: the header must be"),
            "{wrong_header}"
        );
    }

    #[test]
    fn toml_tables_name_their_line() {
        let text = "[[unit]]\ncode = \"TINH\"\nname = \"UBND tỉnh\"\nkind = \"peoples_committee\"\n\n\
                    [[unit]]\ncode = \"X\"\nname = \"Xã\"\nkind = \"commune\"\n";
        let error = read_toml(text).unwrap_err();
        assert!(
            error.starts_with("line 6: unit code: at least 2 characters"),
            "{error}"
        );
        let good = read_toml(&text.replace("\"X\"", "\"XA\"")).unwrap();
        assert_eq!(good.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 6]);
    }
}
