//! What can go wrong setting a jurisdiction.

use khien_domain::oversight::JurisdictionRule;

use crate::StoreError;

/// Why a jurisdiction was not set. Nothing is stored when any of these happens.
#[derive(Debug, thiserror::Error)]
pub enum JurisdictionError {
    /// A unit code that is not in the tree; `field` says which input named it
    /// ("unit" for the oversight body, "subtrees" for a root).
    #[error("{field}: không có đơn vị mã {code} / there is no unit with code {code}")]
    UnknownUnit { field: &'static str, code: String },
    /// The unit may not hold this jurisdiction.
    #[error("{}", .0.message())]
    Rule(JurisdictionRule),
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for JurisdictionError {
    fn from(error: sqlx::Error) -> Self {
        JurisdictionError::Store(error.into())
    }
}
