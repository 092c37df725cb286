//! What can go wrong in intake, split between the user's mistakes (named
//! fields) and the server's problems.

use khien_domain::intake::FieldErrors;
use khien_vault::error::VaultError;

use crate::StoreError;
use crate::accounts::UnitId;
use crate::blobs::BlobError;

/// Why an intake operation failed.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// The input is wrong; each error names its field (`unit`, `files`, …).
    /// Show it like a parse error: nothing was stored.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// The unit has no key pair yet (no member holds a case role there), so
    /// nothing can be sealed to it. An administrator must add a member first.
    #[error(
        "unit {unit} cannot receive reports yet: it has no {kind} key (no member with a case role)"
    )]
    UnitHasNoKey {
        /// The unit.
        unit: UnitId,
        /// `unit` or `intake`.
        kind: &'static str,
    },
    /// No unit was chosen, no default intake unit is set and there is no root unit.
    #[error("no intake unit is configured and no root unit exists")]
    NoIntakeUnit,
    /// The receipt matches no case (or its seal does not open). Answer 401
    /// only after the same delay as a right receipt: `unlock_as_reporter` does.
    #[error("no case matches this receipt")]
    WrongReceipt,
    /// The case (or attachment, message) does not exist.
    #[error("not found")]
    NotFound,
    /// The identity is not available to this holder: its seal was destroyed
    /// (acceptance decided) or does not open with this key.
    #[error("the identity is not available to this holder")]
    IdentityUnavailable,
    /// The key given is not this case's key.
    #[error("the key does not open this case")]
    WrongCaseKey,
    /// A staged file was made for another case.
    #[error("a file was staged for another case")]
    ForeignAttachment,
    /// A file failed (its own [`BlobError::Rejected`] names what was wrong with it).
    #[error(transparent)]
    Blob(#[from] BlobError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Cryptography failed (a tampered ciphertext, a wrong key).
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl From<sqlx::Error> for IntakeError {
    fn from(error: sqlx::Error) -> Self {
        IntakeError::Store(StoreError::from(error))
    }
}

impl From<FieldErrors> for IntakeError {
    fn from(errors: FieldErrors) -> Self {
        IntakeError::Invalid(errors)
    }
}
