//! How long the chain is, from its head row.

use sqlx::Row;

use crate::{Store, StoreError};

impl Store {
    /// The number of entries in the audit chain (its head's sequence number).
    pub async fn audit_entry_count(&self) -> Result<u64, StoreError> {
        let head = sqlx::query("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(self.reader())
            .await?;
        let seq: i64 = head.try_get("seq")?;
        u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("audit head seq {seq}")))
    }
}
