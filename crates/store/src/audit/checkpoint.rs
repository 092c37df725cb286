//! Signed checkpoints of the chain's head.

use chrono::Utc;
use sqlx::Row;

use super::entry_hash::checkpoint_message;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError, WriteTx};

/// A signed statement that entry `seq` had hash `hash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// The entry signed.
    pub seq: u64,
    /// Its hash.
    pub hash: Vec<u8>,
    /// The signing key's public half, as stored beside the signature.
    pub public_key: Vec<u8>,
    /// The Ed25519 signature over [`checkpoint_message`].
    pub signature: Vec<u8>,
}

impl WriteTx {
    pub(crate) async fn write_checkpoint(
        &mut self,
        seq: u64,
        hash: &[u8],
    ) -> Result<(), StoreError> {
        let key = self.store.audit_signing_key();
        let signature = key.sign(&checkpoint_message(seq, hash));
        // A checkpoint for a seq that has one already (a shutdown right after a
        // periodic checkpoint) is the same statement: keep the first.
        sqlx::query(
            "INSERT INTO audit_checkpoints (seq, hash, signed_at, public_key, signature) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING",
        )
        .bind(seq as i64)
        .bind(hash.to_vec())
        .bind(format_timestamp(Utc::now()))
        .bind(key.verifying_key().to_bytes().to_vec())
        .bind(signature.to_vec())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl Store {
    /// Signs the current head of the chain (at shutdown, or on demand). Does
    /// nothing on an empty chain.
    pub async fn checkpoint(&self) -> Result<Option<u64>, StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
            .execute(&mut *tx.tx)
            .await?;
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&mut *tx.tx)
            .await?;
        let seq: i64 = head.try_get("seq")?;
        let hash: Vec<u8> = head.try_get("hash")?;
        if seq == 0 {
            return Ok(None);
        }
        tx.write_checkpoint(seq as u64, &hash).await?;
        tx.commit().await?;
        Ok(Some(seq as u64))
    }
}
