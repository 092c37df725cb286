//! What can go wrong computing figures or recording a submission.

use khien_domain::reporting::FiguresError;

use crate::StoreError;

/// Why a report could not be computed or submitted.
#[derive(Debug, thiserror::Error)]
pub enum ReportingError {
    /// A case's stored history did not give figures (it should always fold).
    #[error("case {case}: {error}")]
    Figures { case: String, error: FiguresError },
    /// The unit already submitted for the period: a new revision needs a reason.
    #[error("a report was already submitted (revision {revision}); give a reason to replace it")]
    ReasonRequired { revision: i64 },
    /// The database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ReportingError {
    fn from(error: sqlx::Error) -> Self {
        ReportingError::Store(error.into())
    }
}
