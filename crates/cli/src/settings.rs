//! Configuration, layered: built-in defaults < TOML file < `KHIEN_*` environment
//! variables < command-line flags. Each layer is parsed where it enters, and a bad
//! value is named together with the layer it came from.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use khien_store::DatabaseUrl;
use khien_vault::kdf::KdfParams;
use khien_web::ServerSettings;
use khien_web::reminders::ReminderSettings;

use crate::reminder_settings::resolve_reminders;
use serde::Deserialize;

use crate::cli_args::InstallationArgs;

/// The configuration file's keys. Unknown keys are refused so that a typo is not
/// silently ignored.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    /// Data directory.
    pub data_dir: Option<PathBuf>,
    /// Address to listen on.
    pub listen: Option<String>,
    /// Database URL.
    pub database_url: Option<String>,
    /// A signed audit checkpoint every this many entries.
    pub audit_checkpoint_every: Option<u64>,
    /// Largest attachment accepted, in MiB.
    pub max_attachment_mib: Option<u64>,
    /// Anonymous requests per source in ten minutes before each further one waits.
    pub anonymous_requests_before_slowdown: Option<u32>,
    /// Days a request to see a reporter's identity stays usable.
    pub identity_request_days: Option<u64>,
    /// Log filter, e.g. `info` or `khien_web=debug,info`.
    pub log: Option<String>,
    /// The place name on official documents ("Phú Thọ"); default: the unit's name.
    pub document_place: Option<String>,
    /// Working days before a due date at which handlers are reminded, e.g. `"3,0"`.
    pub reminder_points: Option<String>,
    /// How often the reminder job runs, in seconds.
    pub reminder_interval_seconds: Option<u64>,
    /// SMTP relay for reminder emails (`smtp://host:25`, `smtps://host:465`).
    pub smtp_url: Option<String>,
    /// Sender address of reminder emails.
    pub mail_from: Option<String>,
    /// The console's public address, for links in emails.
    pub public_url: Option<String>,
    /// The base salary (lương cơ sở) reward amounts are computed with, in đồng.
    pub reward_base_salary_vnd: Option<u64>,
    /// Address for Prometheus metrics (`GET /metrics`); none: not served.
    pub metrics_listen: Option<String>,
    /// `text` (the default) or `json` (one JSON object a line).
    pub log_format: Option<String>,
}

/// Values from the command line (absent when not given).
#[derive(Debug, Default, Clone)]
pub struct FlagSettings {
    /// `--data-dir`
    pub data_dir: Option<PathBuf>,
    /// `--database-url`
    pub database_url: Option<String>,
    /// `--listen`
    pub listen: Option<SocketAddr>,
}

/// The resolved configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Data directory.
    pub data_dir: PathBuf,
    /// Database; `None` is the SQLite file in the data directory.
    pub database_url: Option<DatabaseUrl>,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Audit checkpoint interval.
    pub audit_checkpoint_every: u64,
    /// Largest attachment accepted, in bytes.
    pub max_attachment_bytes: u64,
    /// Anonymous requests per source in ten minutes before each further one waits.
    pub anonymous_requests_before_slowdown: u32,
    /// Days a request to see a reporter's identity stays usable.
    pub identity_request_days: u64,
    /// Log filter.
    pub log: String,
    /// The place name on official documents; `None`: the issuing unit's name.
    pub document_place: Option<String>,
    /// The reminder job.
    pub reminders: ReminderSettings,
    /// The base salary reward amounts are computed with, in đồng.
    pub reward_base_salary_vnd: u64,
    /// Where metrics are served; `None`: not at all.
    pub metrics_listen: Option<SocketAddr>,
    /// How log lines are written.
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object a line, for a log collector.
    Json,
}

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The configuration file could not be read.
    #[error("cannot read configuration file {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The configuration file is not valid TOML for these keys.
    #[error("configuration file {path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The parser's message (one line).
        message: String,
    },
    /// One value is wrong.
    #[error("{origin}: {problem}")]
    BadValue {
        /// Where the value came from (`KHIEN_LISTEN`, `config key listen`, `--database-url`).
        origin: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// Built-in defaults.
pub const DEFAULT_DATA_DIR: &str = "./khien-data";
/// Built-in default listen address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_CHECKPOINT_EVERY: u64 = 1000;
const DEFAULT_MAX_ATTACHMENT_MIB: u64 = 100;
const DEFAULT_ANONYMOUS_REQUESTS_BEFORE_SLOWDOWN: u32 = 20;
const DEFAULT_IDENTITY_REQUEST_DAYS: u64 = 7;
const DEFAULT_LOG: &str = "info,sqlx=warn";

impl FlagSettings {
    /// Collects the flags of a command.
    pub fn from_args(args: &InstallationArgs, listen: Option<SocketAddr>) -> Self {
        Self {
            data_dir: args.data_dir.clone(),
            database_url: args.database_url.clone(),
            listen,
        }
    }
}

/// Reads the configuration file named by `--config` or `KHIEN_CONFIG`, if any.
pub fn read_config_file(
    flag: Option<&Path>,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Option<FileSettings>, SettingsError> {
    let path = match (flag, env("KHIEN_CONFIG")) {
        (Some(path), _) => path.to_owned(),
        (None, Some(path)) => PathBuf::from(path),
        (None, None) => return Ok(None),
    };
    let text = std::fs::read_to_string(&path).map_err(|source| SettingsError::Unreadable {
        path: path.clone(),
        source,
    })?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|error| SettingsError::Invalid {
            path,
            message: error.message().to_owned(),
        })
}

/// Merges the layers. `env` looks up an environment variable (a closure, so tests
/// need not touch the process environment).
pub fn resolve(
    file: Option<FileSettings>,
    env: &impl Fn(&str) -> Option<String>,
    flags: &FlagSettings,
) -> Result<Settings, SettingsError> {
    let file = file.unwrap_or_default();
    let reminders = resolve_reminders(&file, env)?;

    let data_dir = flags
        .data_dir
        .clone()
        .or_else(|| env("KHIEN_DATA_DIR").map(PathBuf::from))
        .or(file.data_dir)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));

    let database_url = match (
        &flags.database_url,
        env("KHIEN_DATABASE_URL"),
        file.database_url,
    ) {
        (Some(url), _, _) => Some(parse_url(url, "--database-url")?),
        (None, Some(url), _) => Some(parse_url(&url, "KHIEN_DATABASE_URL")?),
        (None, None, Some(url)) => Some(parse_url(&url, "config key database_url")?),
        (None, None, None) => None,
    };

    let listen = match (flags.listen, env("KHIEN_LISTEN"), file.listen) {
        (Some(address), _, _) => address,
        (None, Some(text), _) => parse_listen(&text, "KHIEN_LISTEN")?,
        (None, None, Some(text)) => parse_listen(&text, "config key listen")?,
        (None, None, None) => DEFAULT_LISTEN.parse().expect("the default address parses"),
    };

    let audit_checkpoint_every = match (
        env("KHIEN_AUDIT_CHECKPOINT_EVERY"),
        file.audit_checkpoint_every,
    ) {
        (Some(text), _) => parse_positive(&text, "KHIEN_AUDIT_CHECKPOINT_EVERY")?,
        (None, Some(0)) => {
            return Err(SettingsError::BadValue {
                origin: "config key audit_checkpoint_every".into(),
                problem: "must be at least 1".into(),
            });
        }
        (None, Some(n)) => n,
        (None, None) => DEFAULT_CHECKPOINT_EVERY,
    };

    let max_attachment_mib = match (env("KHIEN_MAX_ATTACHMENT_MIB"), file.max_attachment_mib) {
        (Some(text), _) => parse_positive(&text, "KHIEN_MAX_ATTACHMENT_MIB")?,
        (None, Some(0)) => {
            return Err(SettingsError::BadValue {
                origin: "config key max_attachment_mib".into(),
                problem: "must be at least 1".into(),
            });
        }
        (None, Some(n)) => n,
        (None, None) => DEFAULT_MAX_ATTACHMENT_MIB,
    };

    let anonymous_requests_before_slowdown = match (
        env("KHIEN_ANONYMOUS_REQUESTS_BEFORE_SLOWDOWN"),
        file.anonymous_requests_before_slowdown,
    ) {
        (Some(text), _) => u32::try_from(parse_positive(
            &text,
            "KHIEN_ANONYMOUS_REQUESTS_BEFORE_SLOWDOWN",
        )?)
        .unwrap_or(u32::MAX),
        (None, Some(n)) => n,
        (None, None) => DEFAULT_ANONYMOUS_REQUESTS_BEFORE_SLOWDOWN,
    };

    let identity_request_days = match (
        env("KHIEN_IDENTITY_REQUEST_DAYS"),
        file.identity_request_days,
    ) {
        (Some(text), _) => parse_positive(&text, "KHIEN_IDENTITY_REQUEST_DAYS")?,
        (None, Some(0)) => {
            return Err(SettingsError::BadValue {
                origin: "config key identity_request_days".into(),
                problem: "must be at least 1".into(),
            });
        }
        (None, Some(n)) => n,
        (None, None) => DEFAULT_IDENTITY_REQUEST_DAYS,
    };

    let reward_base_salary_vnd = match (
        env("KHIEN_REWARD_BASE_SALARY_VND"),
        file.reward_base_salary_vnd,
    ) {
        (Some(text), _) => parse_positive(&text, "KHIEN_REWARD_BASE_SALARY_VND")?,
        (None, Some(0)) => {
            return Err(SettingsError::BadValue {
                origin: "config key reward_base_salary_vnd".into(),
                problem: "must be at least 1".into(),
            });
        }
        (None, Some(n)) => n,
        (None, None) => khien_domain::outcomes::DEFAULT_BASE_SALARY_VND,
    };

    let log = env("KHIEN_LOG")
        .or(file.log)
        .unwrap_or_else(|| DEFAULT_LOG.to_owned());

    let metrics_listen = match (env("KHIEN_METRICS_LISTEN"), file.metrics_listen) {
        (Some(text), _) => Some(parse_listen(&text, "KHIEN_METRICS_LISTEN")?),
        (None, Some(text)) => Some(parse_listen(&text, "config key metrics_listen")?),
        (None, None) => None,
    };
    let log_format = match (env("KHIEN_LOG_FORMAT"), file.log_format) {
        (Some(text), _) => parse_log_format(&text, "KHIEN_LOG_FORMAT")?,
        (None, Some(text)) => parse_log_format(&text, "config key log_format")?,
        (None, None) => LogFormat::Text,
    };

    let document_place = env("KHIEN_DOCUMENT_PLACE")
        .or(file.document_place)
        .map(|place| place.trim().to_owned())
        .filter(|place| !place.is_empty());

    Ok(Settings {
        data_dir,
        database_url,
        listen,
        audit_checkpoint_every,
        max_attachment_bytes: max_attachment_mib.saturating_mul(1024 * 1024),
        anonymous_requests_before_slowdown,
        identity_request_days,
        log,
        document_place,
        reminders,
        reward_base_salary_vnd,
        metrics_listen,
        log_format,
    })
}

fn parse_log_format(text: &str, origin: &str) -> Result<LogFormat, SettingsError> {
    match text.trim() {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        other => Err(SettingsError::BadValue {
            origin: origin.into(),
            problem: format!("{other:?} is not a log format (text or json)"),
        }),
    }
}

/// Reads the file, the environment and the flags of one command.
pub fn load(
    args: &InstallationArgs,
    listen: Option<SocketAddr>,
) -> Result<Settings, SettingsError> {
    let env = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    let file = read_config_file(args.config.as_deref(), &env)?;
    resolve(file, &env, &FlagSettings::from_args(args, listen))
}

impl Settings {
    /// What the server needs from the configuration.
    pub fn server_settings(&self) -> ServerSettings {
        ServerSettings {
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
            listen: self.listen,
            checkpoint_every: self.audit_checkpoint_every,
            connect_timeout: Duration::from_secs(10),
            kdf_params: KdfParams::PRODUCTION,
            login_failures_per_source: khien_web::DEFAULT_ALLOWED_FAILURES,
            max_attachment_bytes: self.max_attachment_bytes,
            anonymous_requests_before_slowdown: self.anonymous_requests_before_slowdown,
            document_place: self.document_place.clone(),
            reminders: self.reminders.clone(),
            identity_request_lifetime: Duration::from_secs(
                self.identity_request_days.saturating_mul(24 * 3600),
            ),
            reward_base_salary_vnd: self.reward_base_salary_vnd,
            metrics_listen: self.metrics_listen,
        }
    }
}

fn parse_url(text: &str, origin: &str) -> Result<DatabaseUrl, SettingsError> {
    DatabaseUrl::parse(text).map_err(|error| SettingsError::BadValue {
        origin: origin.to_owned(),
        problem: error.to_string(),
    })
}

fn parse_listen(text: &str, origin: &str) -> Result<SocketAddr, SettingsError> {
    text.trim().parse().map_err(|_| SettingsError::BadValue {
        origin: origin.to_owned(),
        problem: format!("{text:?} is not an address like 127.0.0.1:8080"),
    })
}

fn parse_positive(text: &str, origin: &str) -> Result<u64, SettingsError> {
    match text.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(SettingsError::BadValue {
            origin: origin.to_owned(),
            problem: format!("{text:?} is not a whole number of at least 1"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn file(listen: &str, data_dir: &str) -> FileSettings {
        FileSettings {
            listen: Some(listen.into()),
            data_dir: Some(data_dir.into()),
            ..FileSettings::default()
        }
    }

    #[test]
    fn defaults_apply_when_nothing_is_given() {
        let settings = resolve(None, &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(settings.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(settings.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
        assert_eq!(settings.database_url, None);
        assert_eq!(settings.identity_request_days, 7);
    }

    #[test]
    fn metrics_are_off_unless_an_address_is_given_and_a_bad_one_is_named() {
        let settings = resolve(None, &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(settings.metrics_listen, None);
        assert_eq!(settings.log_format, LogFormat::Text);
        let settings = resolve(
            Some(FileSettings {
                metrics_listen: Some("127.0.0.1:9464".into()),
                log_format: Some("json".into()),
                ..FileSettings::default()
            }),
            &env_of(&[]),
            &FlagSettings::default(),
        )
        .unwrap();
        assert_eq!(
            settings.server_settings().metrics_listen,
            Some("127.0.0.1:9464".parse().unwrap())
        );
        assert_eq!(settings.log_format, LogFormat::Json);
        for (name, value) in [
            ("KHIEN_METRICS_LISTEN", "port 9464"),
            ("KHIEN_LOG_FORMAT", "xml"),
        ] {
            let error = resolve(None, &env_of(&[(name, value)]), &FlagSettings::default())
                .unwrap_err()
                .to_string();
            assert!(error.starts_with(name), "{error}");
        }
    }

    #[test]
    fn the_identity_request_lifetime_is_whole_days_of_at_least_one() {
        let settings = resolve(
            None,
            &env_of(&[("KHIEN_IDENTITY_REQUEST_DAYS", "3")]),
            &FlagSettings::default(),
        )
        .unwrap();
        assert_eq!(
            settings.server_settings().identity_request_lifetime,
            Duration::from_secs(3 * 24 * 3600)
        );
        let error = resolve(
            Some(FileSettings {
                identity_request_days: Some(0),
                ..FileSettings::default()
            }),
            &env_of(&[]),
            &FlagSettings::default(),
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("config key identity_request_days"),
            "{error}"
        );
    }

    #[test]
    fn the_file_beats_the_defaults() {
        let settings = resolve(
            Some(file("127.0.0.1:1001", "/from-file")),
            &env_of(&[]),
            &FlagSettings::default(),
        )
        .unwrap();
        assert_eq!(settings.listen.port(), 1001);
        assert_eq!(settings.data_dir, PathBuf::from("/from-file"));
    }

    #[test]
    fn the_environment_beats_the_file() {
        let settings = resolve(
            Some(file("127.0.0.1:1001", "/from-file")),
            &env_of(&[
                ("KHIEN_LISTEN", "127.0.0.1:1002"),
                ("KHIEN_DATA_DIR", "/from-env"),
            ]),
            &FlagSettings::default(),
        )
        .unwrap();
        assert_eq!(settings.listen.port(), 1002);
        assert_eq!(settings.data_dir, PathBuf::from("/from-env"));
    }

    #[test]
    fn flags_beat_the_environment() {
        let flags = FlagSettings {
            data_dir: Some("/from-flag".into()),
            database_url: Some("postgres://k@db/k".into()),
            listen: Some("127.0.0.1:1003".parse().unwrap()),
        };
        let settings = resolve(
            Some(FileSettings {
                database_url: Some("sqlite:/file.db".into()),
                ..file("127.0.0.1:1001", "/from-file")
            }),
            &env_of(&[
                ("KHIEN_LISTEN", "127.0.0.1:1002"),
                ("KHIEN_DATA_DIR", "/from-env"),
                ("KHIEN_DATABASE_URL", "sqlite:/env.db"),
            ]),
            &flags,
        )
        .unwrap();
        assert_eq!(settings.listen.port(), 1003);
        assert_eq!(settings.data_dir, PathBuf::from("/from-flag"));
        assert_eq!(
            settings.database_url,
            Some(DatabaseUrl::parse("postgres://k@db/k").unwrap())
        );
    }

    #[test]
    fn a_bad_value_names_its_origin() {
        let error = resolve(
            Some(file("nonsense", "/d")),
            &env_of(&[]),
            &FlagSettings::default(),
        )
        .unwrap_err();
        assert!(
            error.to_string().starts_with("config key listen:"),
            "{error}"
        );
        let error = resolve(
            None,
            &env_of(&[("KHIEN_DATABASE_URL", "mysql://x")]),
            &FlagSettings::default(),
        )
        .unwrap_err();
        assert!(
            error.to_string().starts_with("KHIEN_DATABASE_URL:"),
            "{error}"
        );
        let error = resolve(
            None,
            &env_of(&[("KHIEN_AUDIT_CHECKPOINT_EVERY", "0")]),
            &FlagSettings::default(),
        )
        .unwrap_err();
        assert!(error.to_string().contains("at least 1"), "{error}");
    }

    #[test]
    fn the_reward_base_salary_is_configurable() {
        let default = resolve(None, &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(
            default.reward_base_salary_vnd,
            khien_domain::outcomes::DEFAULT_BASE_SALARY_VND
        );
        let from_file = FileSettings {
            reward_base_salary_vnd: Some(2_500_000),
            ..FileSettings::default()
        };
        let settings = resolve(Some(from_file), &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(settings.reward_base_salary_vnd, 2_500_000);
        let error = resolve(
            None,
            &env_of(&[("KHIEN_REWARD_BASE_SALARY_VND", "nhiều")]),
            &FlagSettings::default(),
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("KHIEN_REWARD_BASE_SALARY_VND:"),
            "{error}"
        );
    }

    #[test]
    fn the_document_place_comes_from_the_environment_or_the_file() {
        let from_file = FileSettings {
            document_place: Some("Phú Thọ".into()),
            ..FileSettings::default()
        };
        let settings = resolve(Some(from_file), &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(settings.document_place.as_deref(), Some("Phú Thọ"));
        assert_eq!(
            settings.server_settings().document_place.as_deref(),
            Some("Phú Thọ")
        );
        let settings = resolve(
            Some(FileSettings {
                document_place: Some("Phú Thọ".into()),
                ..FileSettings::default()
            }),
            &env_of(&[("KHIEN_DOCUMENT_PLACE", "Việt Trì")]),
            &FlagSettings::default(),
        )
        .unwrap();
        assert_eq!(settings.document_place.as_deref(), Some("Việt Trì"));
        let settings = resolve(None, &env_of(&[]), &FlagSettings::default()).unwrap();
        assert_eq!(settings.document_place, None, "default: the unit's name");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let error = toml::from_str::<FileSettings>("lisen = \"127.0.0.1:1\"").unwrap_err();
        assert!(error.message().contains("lisen"), "{}", error.message());
    }
}
