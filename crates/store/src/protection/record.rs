//! What both kinds of record share: a fresh id, their order in the case, the
//! reporter's coarse time, their sealed JSON document, the check that the key is
//! the case's before anything is written.

use khien_vault::random::random_bytes;
use khien_vault::symmetric::{DataKey, open, seal};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::Row;

pub(crate) use crate::intake::coarse_time::to_the_hour;
use crate::intake::{CaseId, IntakeError, case_labels};
use crate::{Connection, StoreError};

/// A fresh random id (16 bytes, lowercase hex).
pub(crate) fn new_id() -> String {
    hex::encode(random_bytes::<16>())
}

/// A record's JSON document, sealed under the case key with its label.
pub(crate) fn seal_document<T: Serialize>(
    case_key: &DataKey,
    value: &T,
    label: &[u8],
    what: &str,
) -> Result<Vec<u8>, IntakeError> {
    let document =
        serde_json::to_vec(value).map_err(|_| StoreError::Corrupt(format!("{what} document")))?;
    Ok(seal(case_key, &document, label))
}

/// Opens and parses a record's JSON document.
pub(crate) fn open_document<T: DeserializeOwned>(
    case_key: &DataKey,
    ciphertext: &[u8],
    label: &[u8],
    what: &str,
) -> Result<T, IntakeError> {
    let document = open(case_key, ciphertext, label)?;
    serde_json::from_slice(&document)
        .map_err(|_| IntakeError::Store(StoreError::Corrupt(format!("{what} document"))))
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
