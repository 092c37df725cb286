//! The store's one error type. A database failure is never reported as "not found".

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A write broke a uniqueness, foreign-key or check constraint.
    #[error("conflict with constraint {constraint}")]
    Conflict {
        /// The constraint's name, or the columns SQLite names in its message.
        constraint: String,
    },
    /// The database does not answer (refused, timed out, closed).
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// The database's contents are not what the store wrote (a malformed value).
    #[error("stored data is malformed: {0}")]
    Corrupt(String),
    /// Anything else from the database driver.
    #[error("database error: {0}")]
    Other(#[source] sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        use sqlx::error::ErrorKind;
        match error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(error),
            sqlx::Error::Database(ref database_error) => match database_error.kind() {
                ErrorKind::UniqueViolation
                | ErrorKind::ForeignKeyViolation
                | ErrorKind::NotNullViolation
                | ErrorKind::CheckViolation => StoreError::Conflict {
                    constraint: constraint_name(database_error.as_ref()),
                },
                _ => StoreError::Other(error),
            },
            other => StoreError::Other(other),
        }
    }
}

/// PostgreSQL names the constraint; SQLite only says "UNIQUE constraint failed: t.c",
/// so the columns after the colon stand in for the name.
fn constraint_name(error: &dyn sqlx::error::DatabaseError) -> String {
    if let Some(name) = error.constraint() {
        return name.to_owned();
    }
    let message = error.message();
    match message.split_once("failed: ") {
        Some((_, columns)) => columns.to_owned(),
        None => message.to_owned(),
    }
}
