//! Other reports about the same person: cases sharing an accused index.

use khien_domain::intake::TrackingNumber;
use sqlx::Row;

use crate::accounts::UnitId;
use crate::intake::CaseId;
use crate::{Store, StoreError};

/// Another case about a person of this one. Public facts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedReport {
    /// The case.
    pub case_id: CaseId,
    /// Its tracking number.
    pub tracking_number: TrackingNumber,
    /// The unit handling it.
    pub unit_id: UnitId,
}

impl Store {
    /// The other cases with an accused index in common with `case_id`, oldest
    /// first, each once.
    pub async fn linked_reports(&self, case_id: &CaseId) -> Result<Vec<LinkedReport>, StoreError> {
        sqlx::query(
            // Driven from the case's own few indexes through the index on
            // blind_index, so the cost does not grow with the number of cases.
            "SELECT DISTINCT c.id, c.tracking_number, c.unit_id, c.received_at \
             FROM case_accused_indexes this_case \
             JOIN case_accused_indexes other ON other.blind_index = this_case.blind_index \
                 AND other.case_id <> this_case.case_id \
             JOIN cases c ON c.id = other.case_id \
             WHERE this_case.case_id = $1 \
             ORDER BY c.received_at, c.id",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| {
            let tracking: String = row.try_get("tracking_number")?;
            Ok(LinkedReport {
                case_id: CaseId::from_column(row.try_get("id")?),
                tracking_number: TrackingNumber::parse(&tracking)
                    .ok_or_else(|| StoreError::Corrupt("cases.tracking_number".into()))?,
                unit_id: UnitId::from_column(row.try_get("unit_id")?),
            })
        })
        .collect()
    }
}
