//! Refusing a key that is not the case's before anything is sealed under it, so
//! that nothing unreadable is ever written.

use khien_vault::symmetric::DataKey;

use super::OutcomesError;
use crate::intake::{CaseId, IntakeError, read_report};
use crate::{Connection, StoreError};

pub(crate) async fn check_case_key(
    connection: &mut Connection,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(), OutcomesError> {
    match read_report(connection, case_id, case_key).await {
        Ok(_) => Ok(()),
        Err(IntakeError::NotFound) => Err(OutcomesError::NotFound),
        Err(IntakeError::WrongCaseKey) => Err(OutcomesError::WrongCaseKey),
        Err(IntakeError::Store(error)) => Err(OutcomesError::Store(error)),
        Err(other) => Err(OutcomesError::Store(StoreError::Corrupt(other.to_string()))),
    }
}
