//! Which units can take a case on Khiên: a case sent to a unit whose keys nobody
//! holds would be rerouted to the default intake unit (which may be the very unit
//! a retaliation report accuses), so routing passes such units over.

use std::collections::HashSet;

use sqlx::Row;

use super::UnitId;
use crate::{Store, StoreError};

impl Store {
    /// Every unit with both key pairs — a member with a case role holds its unit key
    /// and an intake officer its intake key — so that a case can be sealed to it.
    pub async fn staffed_units(&self) -> Result<HashSet<UnitId>, StoreError> {
        sqlx::query(
            "SELECT unit_id FROM unit_keys WHERE kind IN ('unit', 'intake') \
             GROUP BY unit_id HAVING COUNT(DISTINCT kind) = 2",
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| Ok(UnitId::from_column(row.try_get("unit_id")?)))
        .collect()
    }
}
