//! Staff open a case: the case key with the unit key, the report with the case
//! key, the identity with the intake key (until acceptance).
//!
//! Which member may open which case is access control (assignment, DESIGN §4),
//! checked by the caller; these functions only do what the keys allow. Reading
//! the identity is audited here (`case.identity_read`); reading the report is
//! audited by the caller with [`Store::record_case_read`], once per view.

use chrono::{DateTime, Utc};
use khien_domain::intake::{ReportContent, ReporterIdentities};
use khien_vault::case_keys::{open_case_key_as_unit, open_identity_key_as_intake};
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::{DataKey, open};
use serde_json::json;
use sqlx::Row;

use super::reporter_access::open_identity_document;
use super::{CaseId, IntakeError, case_labels};
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Connection, Store, StoreError, WriteTx};

impl Store {
    /// Opens the case key with the private key of the unit now handling the
    /// case (from `Store::open_unit_key(unit, UnitKeyKind::Unit, …)`).
    pub async fn case_key_as_unit(
        &self,
        case_id: &CaseId,
        unit_secret: &SecretKey,
    ) -> Result<DataKey, IntakeError> {
        let row = sqlx::query(
            "SELECT c.unit_id, s.sealed FROM cases c \
             JOIN case_key_seals s ON s.case_id = c.id AND s.holder_kind = 'unit' \
             AND s.holder_id = c.unit_id WHERE c.id = $1",
        )
        .bind(case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .ok_or(IntakeError::NotFound)?;
        let unit_id: String = row.try_get("unit_id")?;
        let sealed: Vec<u8> = row.try_get("sealed")?;
        Ok(open_case_key_as_unit(
            case_id.as_str(),
            &unit_id,
            unit_secret,
            &sealed,
        )?)
    }

    /// The report (subject, content, when/where, accused), decrypted.
    pub async fn report_content(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<ReportContent, IntakeError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        read_report(&mut connection, case_id, case_key).await
    }

    /// The identity key, opened with the unit's intake key while its seal lasts
    /// (`None`: the report is anonymous). Not audited: callers that show the
    /// identity audit the read ([`Store::identity_as_intake`]).
    pub async fn identity_key_as_intake(
        &self,
        case_id: &CaseId,
        intake_secret: &SecretKey,
    ) -> Result<Option<(DataKey, Vec<u8>)>, IntakeError> {
        let Some(row) = sqlx::query(
            "SELECT i.ciphertext, s.holder_id, s.sealed FROM case_identities i \
             JOIN cases c ON c.id = i.case_id \
             LEFT JOIN identity_seals s ON s.case_id = i.case_id AND s.holder_kind = 'intake' \
             AND s.holder_id = c.unit_id WHERE i.case_id = $1",
        )
        .bind(case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let holder: Option<String> = row.try_get("holder_id")?;
        let sealed: Option<Vec<u8>> = row.try_get("sealed")?;
        let (Some(holder), Some(sealed)) = (holder, sealed) else {
            return Err(IntakeError::IdentityUnavailable);
        };
        let identity_key =
            open_identity_key_as_intake(case_id.as_str(), &holder, intake_secret, &sealed)
                .map_err(|_| IntakeError::IdentityUnavailable)?;
        Ok(Some((identity_key, row.try_get("ciphertext")?)))
    }

    /// The reporter's identity as the unit's intake officers see it until the
    /// acceptance decision; the read is audited.
    pub async fn identity_as_intake(
        &self,
        actor: &str,
        case_id: &CaseId,
        intake_secret: &SecretKey,
    ) -> Result<Option<ReporterIdentities>, IntakeError> {
        let Some((identity_key, ciphertext)) =
            self.identity_key_as_intake(case_id, intake_secret).await?
        else {
            return Ok(None);
        };
        let identity = open_identity_document(case_id, &identity_key, &ciphertext)?;
        let mut tx = self.begin().await?;
        tx.audit(AuditRecord {
            actor,
            action: "case.identity_read",
            object: &format!("case:{case_id}"),
            details: json!({ "as": "intake" }),
        })
        .await?;
        tx.commit().await?;
        Ok(Some(identity))
    }

    /// Destroys the intake key's seal of the identity (at the acceptance
    /// decision, DESIGN §4): from then on only the reporter and k custodians
    /// can open it. Audited as `case.identity_seal_destroyed`. Returns whether
    /// there was a seal to destroy.
    pub async fn destroy_intake_identity_seal(
        &self,
        actor: &str,
        case_id: &CaseId,
        now: DateTime<Utc>,
    ) -> Result<bool, IntakeError> {
        let mut tx = self.begin().await?;
        let changed = destroy_intake_seals_in(&mut tx, actor, case_id, now).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// Records that `actor` read a case (DESIGN §4: every read of sensitive
    /// data is audited). `what` says what was read: `report`, `attachment:<id>`.
    pub async fn record_case_read(
        &self,
        actor: &str,
        case_id: &CaseId,
        what: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        tx.audit(AuditRecord {
            actor,
            action: "case.read",
            object: &format!("case:{case_id}"),
            details: json!({ "what": what }),
        })
        .await?;
        tx.commit().await
    }
}

/// Decrypts a case's report on `connection`: also the proof that a key given
/// by a caller really is this case's key before anything is written with it.
/// Destroys every intake seal of the case's identity inside `tx`, audited; whether
/// there was one.
pub(crate) async fn destroy_intake_seals_in(
    tx: &mut WriteTx,
    actor: &str,
    case_id: &CaseId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = sqlx::query(
        "UPDATE identity_seals SET sealed = NULL, destroyed_at = $2 \
         WHERE case_id = $1 AND holder_kind = 'intake' AND sealed IS NOT NULL",
    )
    .bind(case_id.as_str())
    .bind(format_timestamp(now))
    .execute(tx.connection())
    .await?
    .rows_affected();
    if changed > 0 {
        tx.audit(AuditRecord {
            actor,
            action: "case.identity_seal_destroyed",
            object: &format!("case:{case_id}"),
            details: json!({ "holder": "intake" }),
        })
        .await?;
    }
    Ok(changed > 0)
}

pub(crate) async fn read_report(
    connection: &mut Connection,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<ReportContent, IntakeError> {
    let ciphertext: Vec<u8> = sqlx::query("SELECT report_ciphertext FROM cases WHERE id = $1")
        .bind(case_id.as_str())
        .fetch_optional(&mut *connection)
        .await?
        .ok_or(IntakeError::NotFound)?
        .try_get("report_ciphertext")?;
    let json = open(case_key, &ciphertext, &case_labels::report(case_id))
        .map_err(|_| IntakeError::WrongCaseKey)?;
    serde_json::from_slice(&json)
        .map_err(|_| IntakeError::Store(StoreError::Corrupt("report document".into())))
}
