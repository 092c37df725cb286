//! What staff record about a request before deciding it: the written
//! confirmation of a spoken request, and the assessment that picks the
//! police's time limit.

use chrono::NaiveDate;
use khien_domain::protection::ProtectionAssessment;
use serde_json::json;
use sqlx::Row;

use super::ProtectionError;
use crate::Store;
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;

impl Store {
    /// Records that a request made in person or by phone was confirmed in
    /// writing on `confirmed_on`, audited as `case.protection_confirmed`.
    /// [`ProtectionError::NothingToConfirm`] for a written request or one
    /// already confirmed.
    pub async fn confirm_protection_request(
        &self,
        case_id: &CaseId,
        request_id: &str,
        confirmed_on: NaiveDate,
        by: &UserId,
    ) -> Result<(), ProtectionError> {
        let mut tx = self.begin().await?;
        let row = sqlx::query(
            "SELECT channel, confirmed_in_writing_on FROM protection_requests \
             WHERE id = $1 AND case_id = $2",
        )
        .bind(request_id)
        .bind(case_id.as_str())
        .fetch_optional(tx.connection())
        .await?
        .ok_or(ProtectionError::NotFound)?;
        let channel: String = row.try_get("channel")?;
        let confirmed: Option<String> = row.try_get("confirmed_in_writing_on")?;
        if channel == "online" || confirmed.is_some() {
            return Err(ProtectionError::NothingToConfirm);
        }
        sqlx::query("UPDATE protection_requests SET confirmed_in_writing_on = $1 WHERE id = $2")
            .bind(confirmed_on.to_string())
            .bind(request_id)
            .execute(tx.connection())
            .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{by}"),
            action: "case.protection_confirmed",
            object: &format!("case:{case_id}"),
            details: json!({ "request": request_id, "on": confirmed_on.to_string() }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the protection officer's assessment of a request (whether it
    /// concerns corruption or waste, whether it is complex), audited as
    /// `case.protection_assessed`. It may be changed until the decision.
    pub async fn assess_protection_request(
        &self,
        case_id: &CaseId,
        request_id: &str,
        assessment: ProtectionAssessment,
        by: &UserId,
    ) -> Result<(), ProtectionError> {
        let mut tx = self.begin().await?;
        let decided: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM protection_decisions WHERE request_id = $1")
                .bind(request_id)
                .fetch_one(tx.connection())
                .await?
                .try_get("n")?;
        let changed = sqlx::query(
            "UPDATE protection_requests SET corruption_or_waste = $1, complex = $2 \
             WHERE id = $3 AND case_id = $4",
        )
        .bind(i64::from(assessment.corruption_or_waste))
        .bind(i64::from(assessment.complex))
        .bind(request_id)
        .bind(case_id.as_str())
        .execute(tx.connection())
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(ProtectionError::NotFound);
        }
        if decided > 0 {
            return Err(ProtectionError::AlreadyDecided);
        }
        tx.audit(AuditRecord {
            actor: &format!("user:{by}"),
            action: "case.protection_assessed",
            object: &format!("case:{case_id}"),
            details: json!({
                "request": request_id,
                "corruption_or_waste": assessment.corruption_or_waste,
                "complex": assessment.complex,
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
