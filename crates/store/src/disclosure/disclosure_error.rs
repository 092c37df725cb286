//! Why a disclosure step was refused or failed.

use khien_domain::intake::FieldErrors;
use khien_vault::error::VaultError;

use crate::StoreError;
use crate::intake::IntakeError;

/// What went wrong in a disclosure step. All but the last three are the
/// caller's situation, to be shown as such.
#[derive(Debug, thiserror::Error)]
pub enum DisclosureError {
    /// The case, request or unit does not exist, or is not the caller's to see.
    #[error("not found")]
    NotFound,
    /// The caller's role does not allow this step.
    #[error("not permitted")]
    NotPermitted,
    /// The input is wrong; each error names its field.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// The reporter stayed anonymous: there is no identity.
    #[error("the report is anonymous")]
    Anonymous,
    /// The unit had no custodian when the case arrived: no shares exist.
    #[error("no custodian holds a share of this identity")]
    NoShares,
    /// The request has expired.
    #[error("the request has expired")]
    Expired,
    /// The request was already approved or refused.
    #[error("the request is already decided")]
    Closed,
    /// This custodian has already decided on this request.
    #[error("this custodian has already decided")]
    AlreadyDecided,
    /// A custodian cannot decide on their own request.
    #[error("a custodian cannot decide on their own request")]
    OwnRequest,
    /// This custodian holds no live share of the case (a re-share is due).
    #[error("this custodian holds no share of this case")]
    NoShare,
    /// The requester's keys changed (or their account was disabled) since they asked.
    #[error("the requester's keys changed since the request")]
    RequesterChanged,
    /// No approved, unexpired request of this user opens this case's identity.
    #[error("no approved request")]
    NotApproved,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored ciphertext or seal did not open.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The identity document could not be read.
    #[error(transparent)]
    Intake(#[from] IntakeError),
}

impl From<sqlx::Error> for DisclosureError {
    fn from(error: sqlx::Error) -> Self {
        DisclosureError::Store(StoreError::from(error))
    }
}

impl From<FieldErrors> for DisclosureError {
    fn from(errors: FieldErrors) -> Self {
        DisclosureError::Invalid(errors)
    }
}
