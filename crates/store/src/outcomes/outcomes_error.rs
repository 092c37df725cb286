//! What can go wrong with what follows a case.

use khien_domain::outcomes::{ReviewRejection, StatusRejection};

use crate::StoreError;

/// Why an operation on linked cases, reviews or rewards failed.
#[derive(Debug, thiserror::Error)]
pub enum OutcomesError {
    /// The case, review or reward does not exist (or is not of this case).
    #[error("not found")]
    NotFound,
    /// A step of a false-report review the rules refuse.
    #[error(transparent)]
    Review(#[from] ReviewRejection),
    /// A step of a reward the rules refuse.
    #[error(transparent)]
    Reward(#[from] StatusRejection),
    /// The key given does not open this case.
    #[error("the key does not open this case")]
    WrongCaseKey,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for OutcomesError {
    fn from(error: sqlx::Error) -> Self {
        OutcomesError::Store(error.into())
    }
}
