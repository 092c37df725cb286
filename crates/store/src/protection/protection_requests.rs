//! Requests for protection, stored under the case key and audited.

use chrono::{DateTime, Utc};
use khien_domain::protection::ProtectionRequest;
use khien_vault::server_secret::ServerSecret;
use khien_vault::symmetric::DataKey;
use serde_json::json;
use sqlx::Row;

use super::labels;
use super::record::{check_case_key, new_id, next_seq, open_document, seal_document, to_the_hour};
use crate::audit::{AuditRecord, REPORTER_ACTOR};
use crate::intake::{CaseId, IntakeError};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::tripwire::date_in_vietnam;
use crate::{Store, StoreError};

/// A decrypted request. No `Debug`.
pub struct StoredProtectionRequest {
    /// Its id.
    pub id: String,
    /// When it was sent (to the hour).
    pub created_at: DateTime<Utc>,
    /// Whether it is an emergency (also stored in clear, for the inbox).
    pub urgent: bool,
    /// The request.
    pub request: ProtectionRequest,
}

impl Store {
    /// Records a reporter's request for protection, audited as
    /// `case.protection_requested` (details: only whether it is urgent).
    /// The protected persons' ID numbers also go to the retaliation tripwire
    /// as blind indexes under `secret`, protected from today (in Vietnam).
    /// Refuses a key that is not the case's ([`IntakeError::WrongCaseKey`]).
    pub async fn add_protection_request(
        &self,
        case_id: &CaseId,
        request: &ProtectionRequest,
        case_key: &DataKey,
        secret: &ServerSecret,
        now: DateTime<Utc>,
    ) -> Result<String, IntakeError> {
        let id = new_id();
        let ciphertext = seal_document(
            case_key,
            request,
            &labels::protection_request(case_id, &id),
            "protection request",
        )?;
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let seq = next_seq(tx.connection(), "protection_requests", case_id).await?;
        sqlx::query(
            "INSERT INTO protection_requests (id, case_id, seq, urgent, created_at, ciphertext) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(case_id.as_str())
        .bind(seq)
        .bind(i64::from(request.urgent))
        .bind(format_timestamp(to_the_hour(now)))
        .bind(ciphertext)
        .execute(tx.connection())
        .await?;
        tx.add_protected_id_numbers(
            case_id,
            &id,
            &request.id_numbers,
            secret,
            case_key,
            date_in_vietnam(now),
        )
        .await?;
        tx.audit(AuditRecord {
            actor: REPORTER_ACTOR,
            action: "case.protection_requested",
            object: &format!("case:{case_id}"),
            details: json!({ "urgent": request.urgent }),
        })
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's requests for protection, oldest first, decrypted.
    pub async fn protection_requests(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredProtectionRequest>, IntakeError> {
        let rows = sqlx::query(
            "SELECT id, urgent, created_at, ciphertext FROM protection_requests \
             WHERE case_id = $1 ORDER BY seq",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
            let request: ProtectionRequest = open_document(
                case_key,
                &ciphertext,
                &labels::protection_request(case_id, &id),
                "protection request",
            )?;
            let urgent: i64 = row.try_get("urgent")?;
            let created_at: String = row.try_get("created_at")?;
            out.push(StoredProtectionRequest {
                id,
                created_at: parse_timestamp(&created_at)?,
                urgent: urgent != 0,
                request,
            });
        }
        Ok(out)
    }

    /// Whether a case has any request for protection (for the inbox mark).
    pub async fn has_protection_request(&self, case_id: &CaseId) -> Result<bool, StoreError> {
        let count: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM protection_requests WHERE case_id = $1")
                .bind(case_id.as_str())
                .fetch_one(self.reader())
                .await?
                .try_get("n")?;
        Ok(count > 0)
    }
}
