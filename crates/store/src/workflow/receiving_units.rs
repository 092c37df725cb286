//! Which units take cases through Khiên: those whose unit key a member holds. A case
//! is re-sealed to that key when it is forwarded there; any other unit of the tree is
//! reached by a letter on paper, outside Khiên.

use std::collections::HashSet;

use sqlx::Row;

use crate::accounts::{UnitId, UnitKeyKind};
use crate::{Store, StoreError};

impl Store {
    /// The units that can receive a forwarded case (they have a unit key).
    pub async fn units_receiving_cases(&self) -> Result<HashSet<UnitId>, StoreError> {
        let rows = sqlx::query("SELECT unit_id FROM unit_keys WHERE kind = $1")
            .bind(UnitKeyKind::Unit.as_str())
            .fetch_all(self.reader())
            .await?;
        rows.iter()
            .map(|row| Ok(UnitId::from_column(row.try_get("unit_id")?)))
            .collect()
    }
}
