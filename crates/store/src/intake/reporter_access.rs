//! The reporter comes back with their receipt.
//!
//! 1. `receipt_lookup(server secret, receipt)` (cheap) finds the case with
//!    [`Store::case_by_receipt_lookup`];
//! 2. [`unlock_as_reporter`] (Argon2, on the blocking pool) derives the
//!    reporter's key and opens the case key. When no case was found it burns the
//!    same Argon2 work before answering [`IntakeError::WrongReceipt`], so a wrong
//!    receipt and a right one take the same time.

use khien_domain::intake::ReporterIdentities;
use khien_vault::case_keys::{
    burn_reporter_key, open_case_key_as_reporter, open_identity_key_as_reporter, reporter_key_for,
};
use khien_vault::kdf::{KdfHeader, KdfParams};
use khien_vault::receipt::Receipt;
use khien_vault::symmetric::{DataKey, open};
use sqlx::Row;

use super::{CaseId, IntakeError, case_labels};
use crate::{Store, StoreError};

/// What the lookup found: enough to try the receipt. No `Debug`.
pub struct ReporterCaseSeal {
    case_id: CaseId,
    kdf: KdfHeader,
    sealed_case_key: Vec<u8>,
}

impl ReporterCaseSeal {
    /// The case found.
    pub fn case_id(&self) -> &CaseId {
        &self.case_id
    }
}

/// A reporter who proved their receipt: the case and the keys it opened. No `Debug`.
pub struct ReporterAccess {
    /// The reporter's case.
    pub case_id: CaseId,
    /// Opens the report, messages and attachments.
    pub case_key: DataKey,
    /// Argon2id(receipt, salt): also opens the reporter's own identity.
    pub reporter_key: DataKey,
}

impl Store {
    /// The case whose lookup column is `lookup` (`khien_vault::receipt::receipt_lookup`).
    pub async fn case_by_receipt_lookup(
        &self,
        lookup: &[u8; 32],
    ) -> Result<Option<ReporterCaseSeal>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT c.id, c.reporter_kdf, s.sealed FROM cases c \
             JOIN case_key_seals s ON s.case_id = c.id AND s.holder_kind = 'reporter' \
             WHERE c.receipt_lookup = $1",
        )
        .bind(lookup.to_vec())
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let kdf: Vec<u8> = row.try_get("reporter_kdf")?;
        Ok(Some(ReporterCaseSeal {
            case_id: CaseId::from_column(row.try_get("id")?),
            kdf: KdfHeader::from_bytes(&kdf)
                .map_err(|_| StoreError::Corrupt("cases.reporter_kdf".into()))?,
            sealed_case_key: row.try_get("sealed")?,
        }))
    }

    /// The reporter's own identity, opened with their key; `None` if they
    /// stayed anonymous.
    pub async fn identity_as_reporter(
        &self,
        case_id: &CaseId,
        reporter_key: &DataKey,
    ) -> Result<Option<ReporterIdentities>, IntakeError> {
        let Some(row) = sqlx::query(
            "SELECT i.ciphertext, s.sealed FROM case_identities i \
             LEFT JOIN identity_seals s ON s.case_id = i.case_id AND s.holder_kind = 'reporter' \
             WHERE i.case_id = $1",
        )
        .bind(case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let sealed: Option<Vec<u8>> = row.try_get("sealed")?;
        let sealed = sealed.ok_or(IntakeError::IdentityUnavailable)?;
        let identity_key = open_identity_key_as_reporter(case_id.as_str(), reporter_key, &sealed)
            .map_err(|_| IntakeError::IdentityUnavailable)?;
        let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
        open_identity_document(case_id, &identity_key, &ciphertext).map(Some)
    }
}

/// Decrypts and reads the identity document.
pub(crate) fn open_identity_document(
    case_id: &CaseId,
    identity_key: &DataKey,
    ciphertext: &[u8],
) -> Result<ReporterIdentities, IntakeError> {
    let json = open(identity_key, ciphertext, &case_labels::identity(case_id))?;
    serde_json::from_slice(&json)
        .map_err(|_| IntakeError::Store(StoreError::Corrupt("identity document".into())))
}

/// Tries a receipt against what the lookup found. Runs Argon2 exactly once
/// whether or not a case was found: call it on the blocking pool. `params` are
/// the current production parameters, used for the dummy work when nothing
/// was found (a case keeps the parameters it was created with).
pub fn unlock_as_reporter(
    receipt: &Receipt,
    found: Option<&ReporterCaseSeal>,
    params: KdfParams,
) -> Result<ReporterAccess, IntakeError> {
    let Some(found) = found else {
        burn_reporter_key(receipt, params);
        return Err(IntakeError::WrongReceipt);
    };
    let reporter_key = reporter_key_for(receipt, &found.kdf)?;
    let case_key = open_case_key_as_reporter(
        found.case_id.as_str(),
        &reporter_key,
        &found.sealed_case_key,
    )
    .map_err(|_| IntakeError::WrongReceipt)?;
    Ok(ReporterAccess {
        case_id: found.case_id.clone(),
        case_key,
        reporter_key,
    })
}
