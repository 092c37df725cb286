//! Why an account operation failed, in words an administrator can act on.

use khien_vault::error::VaultError;

use crate::StoreError;

/// What went wrong with a unit, user or key operation.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// No unit has this code.
    #[error("unit {0} does not exist")]
    UnknownUnit(String),
    /// The parent named for a new unit does not exist.
    #[error("parent unit {0} does not exist")]
    UnknownParent(String),
    /// No user has this username.
    #[error("user {0} does not exist")]
    UnknownUser(String),
    /// The current password given is not the user's.
    #[error("the current password is wrong")]
    WrongPassword,
    /// The recovery key given does not open the user's key.
    #[error("the recovery key is wrong")]
    WrongRecoveryKey,
    /// The user holds no seal of this unit key.
    #[error("this user does not hold that unit key")]
    NoKeyAccess,
    /// A row of an import is wrong; `line` is the file's line number.
    #[error("line {line}: {message}")]
    Import {
        /// The 1-based line (or table) number in the imported file.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The database refused or failed. A duplicate code or username is
    /// [`StoreError::Conflict`].
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored key or sealed value could not be used.
    #[error("key operation failed: {0}")]
    Vault(#[from] VaultError),
}

impl AccountError {
    /// Whether this is a uniqueness conflict (a duplicate unit code or username).
    pub fn is_conflict(&self) -> bool {
        matches!(self, AccountError::Store(StoreError::Conflict { .. }))
    }

    pub(crate) fn duplicate(constraint: &str) -> Self {
        AccountError::Store(StoreError::Conflict {
            constraint: constraint.to_owned(),
        })
    }
}
