//! Appending to the chain inside a write transaction.

use chrono::Utc;
use sqlx::Row;

use super::entry_hash::{details_hash, entry_hash};
use crate::intake::coarse_time::to_the_hour;
use crate::timestamp::format_timestamp;
use crate::{StoreError, WriteTx};

/// The actor of everything a reporter does through the portal or the API.
pub const REPORTER_ACTOR: &str = "reporter";

/// One thing to record. Nothing in it may be secret or identify a reporter: actors
/// are ids and roles, objects are ids, details are small JSON documents of ids,
/// codes and counts.
#[derive(Clone, Debug)]
pub struct AuditRecord<'a> {
    /// Who acted: `system`, `user:<id>`, `reporter`, `cli`.
    pub actor: &'a str,
    /// What was done, as `noun.verb` (`case.accepted`, `case.read`).
    pub action: &'a str,
    /// What it was done to (`case:<id>`, `user:<id>`, `server`).
    pub object: &'a str,
    /// Further facts as a JSON document (`{}` if none).
    pub details: serde_json::Value,
}

impl WriteTx {
    /// Appends an entry to the audit chain in this transaction and returns its
    /// sequence number. Writes a signed checkpoint when one is due.
    pub async fn audit(&mut self, record: AuditRecord<'_>) -> Result<u64, StoreError> {
        // Touching the head row first takes its lock on PostgreSQL, so concurrent
        // transactions append one after another instead of forking the chain.
        sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
            .execute(&mut *self.tx)
            .await?;
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&mut *self.tx)
            .await?;
        let prev_seq: i64 = head.try_get("seq")?;
        let prev_hash: Vec<u8> = head.try_get("hash")?;

        let seq = u64::try_from(prev_seq + 1)
            .map_err(|_| StoreError::Corrupt(format!("audit head seq {prev_seq}")))?;
        // A reporter's own actions are recorded to the hour only (DESIGN §4: no
        // precise timestamp of a whistleblower request), like the rows they audit.
        let now = Utc::now();
        let recorded_at = if record.actor == REPORTER_ACTOR {
            format_timestamp(to_the_hour(now))
        } else {
            format_timestamp(now)
        };
        let details = record.details.to_string();
        let details_hash = details_hash(&details);
        let hash = entry_hash(
            seq,
            &recorded_at,
            record.actor,
            record.action,
            record.object,
            &details_hash,
            &prev_hash,
        );

        sqlx::query(
            "INSERT INTO audit_entries \
             (seq, recorded_at, actor, action, object, details, details_hash, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(seq as i64)
        .bind(&recorded_at)
        .bind(record.actor)
        .bind(record.action)
        .bind(record.object)
        .bind(&details)
        .bind(details_hash.to_vec())
        .bind(prev_hash)
        .bind(hash.to_vec())
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(seq as i64)
            .bind(hash.to_vec())
            .execute(&mut *self.tx)
            .await?;

        if seq % self.store.checkpoint_every() == 0 {
            self.write_checkpoint(seq, &hash).await?;
        }
        Ok(seq)
    }
}
