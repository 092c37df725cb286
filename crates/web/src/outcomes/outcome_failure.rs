//! Errors of what follows a case, as the user sees them: a refused step names the
//! rule (409), a missing record is 404, anything else is internal.

use khien_domain::outcomes::ReviewRejection;
use khien_store::outcomes::OutcomesError;

use crate::AppError;

/// An outcomes error as the user sees it.
pub fn outcome_failure(error: OutcomesError) -> AppError {
    match error {
        OutcomesError::NotFound => AppError::NotFound,
        OutcomesError::Review(rejection) => AppError::Conflict {
            field: Some(match rejection {
                ReviewRejection::AlreadyDecided => "deliberate",
                ReviewRejection::BasisDoesNotFit => "legal_basis",
                _ => "handling",
            }),
            message: rejection.message_bilingual(),
        },
        OutcomesError::Reward(rejection) => AppError::Conflict {
            field: None,
            message: rejection.message_bilingual(),
        },
        OutcomesError::Store(error) => error.into(),
        other => AppError::internal(other),
    }
}
