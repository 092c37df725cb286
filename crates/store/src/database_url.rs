//! Where the database is, parsed once at the boundary.

use std::fmt;
use std::path::{Path, PathBuf};

/// A database location that is known to be usable: an SQLite file or a PostgreSQL URL.
///
/// Its `Debug` and `Display` hide any password in the URL, so it can be logged.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// An SQLite database file (created if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

/// Why a database URL was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DatabaseUrlError {
    /// The scheme is neither sqlite nor postgres.
    #[error("database URL must start with postgres://, postgresql:// or sqlite: (got {scheme:?})")]
    UnknownScheme {
        /// What stood before the first colon.
        scheme: String,
    },
    /// An sqlite URL without a path.
    #[error("sqlite database URL has no file path")]
    MissingPath,
}

impl DatabaseUrl {
    /// Parses `postgres://…`, `postgresql://…`, `sqlite://PATH` or `sqlite:PATH`.
    pub fn parse(text: &str) -> Result<Self, DatabaseUrlError> {
        let text = text.trim();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Ok(Self::Postgres(text.to_owned()));
        }
        if let Some(rest) = text.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(DatabaseUrlError::MissingPath);
            }
            return Ok(Self::Sqlite(PathBuf::from(path)));
        }
        let scheme = text.split(':').next().unwrap_or_default();
        Err(DatabaseUrlError::UnknownScheme {
            scheme: scheme.chars().take(20).collect(),
        })
    }

    /// The default database of a data directory: an SQLite file inside it.
    pub fn sqlite_in(data_dir: &Path) -> Self {
        Self::Sqlite(data_dir.join("khien.sqlite3"))
    }

    /// Which backend this URL selects.
    pub fn backend(&self) -> crate::Backend {
        match self {
            Self::Sqlite(_) => crate::Backend::Sqlite,
            Self::Postgres(_) => crate::Backend::Postgres,
        }
    }

    /// The URL the driver is given (the only place the password leaves this type).
    pub(crate) fn connect_string(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}?mode=rwc", path.display()),
            Self::Postgres(url) => url.clone(),
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            Self::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// Replaces the password of `scheme://user:password@host…` with `***`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_form_and_refuses_others() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/x.db"),
            Ok(DatabaseUrl::Sqlite("/tmp/x.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:data/x.db?mode=rwc"),
            Ok(DatabaseUrl::Sqlite("data/x.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:"),
            Err(DatabaseUrlError::MissingPath)
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert_eq!(
            DatabaseUrl::parse("mysql://u@h/db"),
            Err(DatabaseUrlError::UnknownScheme {
                scheme: "mysql".into()
            })
        );
    }

    #[test]
    fn display_and_debug_hide_the_password() {
        let url = DatabaseUrl::parse("postgres://khien:hunter2@db:5432/khien").unwrap();
        assert_eq!(url.to_string(), "postgres://khien:***@db:5432/khien");
        assert!(!format!("{url:?}").contains("hunter2"));
        assert!(url.connect_string().contains("hunter2"));
    }
}
