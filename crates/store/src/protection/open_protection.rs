//! Which of a unit's cases have protection in hand: a request awaiting its
//! decision, or measures still running. The protection officers' board opens
//! each with the case key.

use serde_json::json;
use sqlx::Row;

use crate::accounts::UnitId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::{Store, StoreError};

/// A case with protection in hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenProtectionCase {
    /// The case.
    pub case_id: CaseId,
    /// Its tracking number.
    pub tracking_number: String,
    /// Whether one of its undecided requests is urgent.
    pub urgent: bool,
}

impl Store {
    /// The unit's cases with a request awaiting its decision or measures
    /// still running, urgent ones first, then by their oldest request; at
    /// most `limit` (1–500).
    pub async fn cases_with_open_protection(
        &self,
        unit_id: &UnitId,
        limit: u32,
    ) -> Result<Vec<OpenProtectionCase>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.tracking_number, \
             MAX(CASE WHEN d.id IS NULL THEN r.urgent ELSE 0 END) AS urgent, \
             MIN(r.created_at) AS oldest \
             FROM protection_requests r JOIN cases c ON c.id = r.case_id \
             LEFT JOIN protection_decisions d ON d.request_id = r.id \
             WHERE c.unit_id = $1 AND (d.id IS NULL OR (d.outcome = 'measures' AND d.ended_on IS NULL)) \
             GROUP BY c.id, c.tracking_number \
             ORDER BY MAX(CASE WHEN d.id IS NULL THEN r.urgent ELSE 0 END) DESC, MIN(r.created_at), c.id \
             LIMIT $2",
        )
        .bind(unit_id.as_str())
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OpenProtectionCase {
                    case_id: CaseId::from_column(row.try_get("id")?),
                    tracking_number: row.try_get("tracking_number")?,
                    urgent: row.try_get::<i64, _>("urgent")? != 0,
                })
            })
            .collect()
    }

    /// Records that `actor` opened these cases' protection for the unit's
    /// board (DESIGN §4: every read of sensitive data is audited), as one
    /// `protection.board_read` entry.
    pub async fn record_protection_board_read(
        &self,
        actor: &str,
        unit_id: &UnitId,
        cases: &[CaseId],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        tx.audit(AuditRecord {
            actor,
            action: "protection.board_read",
            object: &format!("unit:{unit_id}"),
            details: json!({ "cases": cases.iter().map(CaseId::as_str).collect::<Vec<_>>() }),
        })
        .await?;
        tx.commit().await
    }
}
