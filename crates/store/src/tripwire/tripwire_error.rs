//! What can go wrong with HR decisions and alerts.

use khien_vault::error::VaultError;

use crate::StoreError;

/// Why a tripwire operation failed.
#[derive(Debug, thiserror::Error)]
pub enum TripwireError {
    /// The alert does not exist for this unit (or at all: the two are not told apart).
    #[error("not found")]
    NotFound,
    /// The alert already has its review.
    #[error("the alert has already been reviewed")]
    AlreadyReviewed,
    /// Something must be encrypted under the case key, and the unit's key that
    /// opens it was not given (the member's grant is still pending).
    #[error("the unit's key is not at hand")]
    KeyUnavailable,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Cryptography failed (a tampered ciphertext, a wrong key).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<sqlx::Error> for TripwireError {
    fn from(error: sqlx::Error) -> Self {
        TripwireError::Store(StoreError::from(error))
    }
}
