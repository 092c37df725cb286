//! What both kinds of record share: a fresh id, their order in the case, the
//! reporter's coarse time, the check that the key is the case's before anything
//! is written.

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use khien_vault::random::random_bytes;
use khien_vault::symmetric::{DataKey, open};
use sqlx::Row;

use crate::Connection;
use crate::intake::{CaseId, IntakeError, case_labels};

/// A fresh random id (16 bytes, lowercase hex).
pub(crate) fn new_id() -> String {
    hex::encode(random_bytes::<16>())
}

/// A reporter's time, rounded down to the hour (DESIGN §4).
pub(crate) fn to_the_hour(time: DateTime<Utc>) -> DateTime<Utc> {
    time.duration_trunc(TimeDelta::hours(1)).unwrap_or(time)
}

/// Refuses a key that does not open the case's report, so nothing unreadable is written.
pub(crate) async fn check_case_key(
    connection: &mut Connection,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(), IntakeError> {
    let ciphertext: Vec<u8> = sqlx::query("SELECT report_ciphertext FROM cases WHERE id = $1")
        .bind(case_id.as_str())
        .fetch_optional(&mut *connection)
        .await?
        .ok_or(IntakeError::NotFound)?
        .try_get("report_ciphertext")?;
    open(case_key, &ciphertext, &case_labels::report(case_id))
        .map_err(|_| IntakeError::WrongCaseKey)?;
    Ok(())
}

/// The next position of a record in its case (`table` is one of this module's
/// own table names, never input).
pub(crate) async fn next_seq(
    connection: &mut Connection,
    table: &'static str,
    case_id: &CaseId,
) -> Result<i64, IntakeError> {
    Ok(sqlx::query(&format!(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM {table} WHERE case_id = $1"
    ))
    .bind(case_id.as_str())
    .fetch_one(&mut *connection)
    .await?
    .try_get("next")?)
}
