//! What can go wrong deciding on and carrying out protection.

use khien_vault::error::VaultError;

use crate::StoreError;
use crate::intake::IntakeError;

/// Why a protection operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ProtectionError {
    /// No such request in this case (or no such case).
    #[error("not found")]
    NotFound,
    /// The request already has its decision (one per request).
    #[error("the request has already been decided")]
    AlreadyDecided,
    /// Nothing to end: the request was refused or is not decided yet.
    #[error("no measures are running for this request")]
    NotRunning,
    /// The measures have already ended.
    #[error("the measures have already ended")]
    AlreadyEnded,
    /// This check-in question has already been answered.
    #[error("this check-in has already been answered")]
    AlreadyAnswered,
    /// The request was made in writing, or its confirmation is already recorded.
    #[error("the request needs no written confirmation")]
    NothingToConfirm,
    /// The key given is not this case's key.
    #[error("the key does not open this case")]
    WrongCaseKey,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Cryptography failed (a tampered ciphertext, a wrong key).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<sqlx::Error> for ProtectionError {
    fn from(error: sqlx::Error) -> Self {
        ProtectionError::Store(StoreError::from(error))
    }
}

impl From<IntakeError> for ProtectionError {
    fn from(error: IntakeError) -> Self {
        match error {
            IntakeError::NotFound => ProtectionError::NotFound,
            IntakeError::WrongCaseKey => ProtectionError::WrongCaseKey,
            IntakeError::Store(error) => ProtectionError::Store(error),
            IntakeError::Vault(error) => ProtectionError::Vault(error),
            other => ProtectionError::Store(StoreError::Corrupt(other.to_string())),
        }
    }
}
