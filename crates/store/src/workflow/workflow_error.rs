//! What can go wrong when a case's history is read or appended to.

use khien_domain::case_file::{DeadlineError, Rejection};
use khien_vault::error::VaultError;

use crate::StoreError;
use crate::intake::IntakeError;

/// Why a workflow operation failed.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    /// No such case.
    #[error("not found")]
    NotFound,
    /// The event breaks the procedure; the rejection names the rule. Nothing was stored.
    #[error(transparent)]
    Rejected(#[from] Rejection),
    /// Another event was appended at the same moment; read the case again and retry.
    #[error("the case changed while this was being recorded")]
    Concurrent,
    /// The unit an event names (forwarding) does not exist.
    #[error("no unit has the code {0:?}")]
    UnknownUnit(String),
    /// The receiving unit has no key yet (no member with a case role).
    #[error("unit {0} cannot receive cases yet: it has no unit key")]
    UnitHasNoKey(String),
    /// A case is forwarded to another unit, not to its own.
    #[error("the case is already with unit {0}")]
    SameUnit(String),
    /// The key given does not open this case.
    #[error("the key does not open this case")]
    WrongCaseKey,
    /// The stored history does not fold: it was altered outside the store.
    #[error("stored history of case {case} is refused at event {index}: {rejection}")]
    CorruptHistory {
        case: String,
        index: usize,
        rejection: Rejection,
    },
    /// Deadlines could not be computed (a date outside the calendar's years).
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Cryptography failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<sqlx::Error> for WorkflowError {
    fn from(error: sqlx::Error) -> Self {
        WorkflowError::Store(error.into())
    }
}

impl From<IntakeError> for WorkflowError {
    fn from(error: IntakeError) -> Self {
        match error {
            IntakeError::NotFound => WorkflowError::NotFound,
            IntakeError::WrongCaseKey => WorkflowError::WrongCaseKey,
            IntakeError::Store(error) => WorkflowError::Store(error),
            IntakeError::Vault(error) => WorkflowError::Vault(error),
            other => WorkflowError::Store(StoreError::Corrupt(other.to_string())),
        }
    }
}
