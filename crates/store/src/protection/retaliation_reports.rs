//! Reports of retaliation, stored under the case key and audited.

use chrono::{DateTime, Utc};
use khien_domain::protection::RetaliationReport;
use khien_vault::symmetric::DataKey;
use serde_json::json;
use sqlx::Row;

use super::labels;
use super::record::{check_case_key, new_id, next_seq, open_document, seal_document, to_the_hour};
use crate::Store;
use crate::audit::{AuditRecord, REPORTER_ACTOR};
use crate::intake::{CaseId, IntakeError};
use crate::timestamp::{format_timestamp, parse_timestamp};

/// A decrypted report of retaliation. No `Debug`.
pub struct StoredRetaliationReport {
    /// Its id.
    pub id: String,
    /// When it was sent (to the hour).
    pub created_at: DateTime<Utc>,
    /// The report.
    pub report: RetaliationReport,
}

impl Store {
    /// Records a reporter's report of retaliation, audited as
    /// `case.retaliation_reported` (details: `urgent: false`, no content).
    /// Refuses a key that is not the case's ([`IntakeError::WrongCaseKey`]).
    pub async fn add_retaliation_report(
        &self,
        case_id: &CaseId,
        report: &RetaliationReport,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<String, IntakeError> {
        let id = new_id();
        let ciphertext = seal_document(
            case_key,
            report,
            &labels::retaliation_report(case_id, &id),
            "retaliation report",
        )?;
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let seq = next_seq(tx.connection(), "retaliation_reports", case_id).await?;
        sqlx::query(
            "INSERT INTO retaliation_reports (id, case_id, seq, created_at, ciphertext) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(case_id.as_str())
        .bind(seq)
        .bind(format_timestamp(to_the_hour(now)))
        .bind(ciphertext)
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: REPORTER_ACTOR,
            action: "case.retaliation_reported",
            object: &format!("case:{case_id}"),
            details: json!({ "urgent": false }),
        })
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's reports of retaliation, oldest first, decrypted.
    pub async fn retaliation_reports(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredRetaliationReport>, IntakeError> {
        let rows = sqlx::query(
            "SELECT id, created_at, ciphertext FROM retaliation_reports \
             WHERE case_id = $1 ORDER BY seq",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
            let report: RetaliationReport = open_document(
                case_key,
                &ciphertext,
                &labels::retaliation_report(case_id, &id),
                "retaliation report",
            )?;
            let created_at: String = row.try_get("created_at")?;
            out.push(StoredRetaliationReport {
                id,
                created_at: parse_timestamp(&created_at)?,
                report,
            });
        }
        Ok(out)
    }
}
