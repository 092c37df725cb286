//! Recomputing the chain and its checkpoints.

use std::collections::BTreeMap;
use std::fmt;

use khien_vault::signing::VerifyingKey;
use sqlx::Row;

use super::entry_hash::{HASH_LEN, checkpoint_message, details_hash, entry_hash};
use crate::{Store, StoreError};

/// What is wrong at the first bad entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditFault {
    /// The entry is not there (removed, or the chain was cut short).
    Missing,
    /// The entry's details do not match their hash.
    DetailsAltered,
    /// The entry does not point at the entry before it (removed or reordered).
    BrokenLink,
    /// The entry's fields do not match its hash (altered).
    Altered,
    /// A signed checkpoint disagrees with the entry it signed.
    CheckpointMismatch,
    /// A checkpoint's signature is not the installation's.
    BadSignature,
}

impl fmt::Display for AuditFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuditFault::Missing => "entry missing (removed or chain cut short)",
            AuditFault::DetailsAltered => "details altered",
            AuditFault::BrokenLink => "does not link to the previous entry (removed or reordered)",
            AuditFault::Altered => "entry altered",
            AuditFault::CheckpointMismatch => "differs from its signed checkpoint",
            AuditFault::BadSignature => "checkpoint signature invalid",
        })
    }
}

/// The outcome of [`verify`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditVerdict {
    /// Every entry and checkpoint matches.
    Intact {
        /// How many entries the chain holds.
        entries: u64,
        /// How many signed checkpoints were checked.
        checkpoints: u64,
    },
    /// The first entry (by sequence number) that does not match.
    Broken {
        /// Its sequence number.
        seq: u64,
        /// What is wrong with it.
        fault: AuditFault,
    },
}

/// How many entries are read at a time: memory stays flat whatever the chain's length.
const BATCH: i64 = 1000;

/// Recomputes every entry's hash and every checkpoint signature with `trusted_key`
/// (the public key from the data directory, not the one stored beside the
/// signatures, which whoever altered the database could also have replaced).
pub async fn verify(store: &Store, trusted_key: &VerifyingKey) -> Result<AuditVerdict, StoreError> {
    let mut faults: Vec<(u64, AuditFault)> = Vec::new();

    let mut checkpoints: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
    for row in sqlx::query("SELECT seq, hash, signature FROM audit_checkpoints ORDER BY seq")
        .fetch_all(store.reader())
        .await?
    {
        let seq = to_seq(row.try_get("seq")?)?;
        let hash: Vec<u8> = row.try_get("hash")?;
        let signature: Vec<u8> = row.try_get("signature")?;
        if trusted_key
            .verify(&checkpoint_message(seq, &hash), &signature)
            .is_err()
        {
            faults.push((seq, AuditFault::BadSignature));
        }
        checkpoints.insert(seq, hash);
    }

    let mut expected_seq: u64 = 1;
    let mut prev_hash = vec![0u8; HASH_LEN];
    'chain: loop {
        let rows = sqlx::query(
            "SELECT seq, recorded_at, actor, action, object, details, details_hash, \
             prev_hash, hash FROM audit_entries WHERE seq >= $1 ORDER BY seq LIMIT $2",
        )
        .bind(expected_seq as i64)
        .bind(BATCH)
        .fetch_all(store.reader())
        .await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            let seq = to_seq(row.try_get("seq")?)?;
            if seq != expected_seq {
                faults.push((expected_seq, AuditFault::Missing));
                break 'chain;
            }
            let details: String = row.try_get("details")?;
            let stored_details_hash: Vec<u8> = row.try_get("details_hash")?;
            let stored_prev_hash: Vec<u8> = row.try_get("prev_hash")?;
            let stored_hash: Vec<u8> = row.try_get("hash")?;
            if details_hash(&details)[..] != stored_details_hash[..] {
                faults.push((seq, AuditFault::DetailsAltered));
                break 'chain;
            }
            if stored_prev_hash != prev_hash {
                faults.push((seq, AuditFault::BrokenLink));
                break 'chain;
            }
            let recomputed = entry_hash(
                seq,
                &row.try_get::<String, _>("recorded_at")?,
                &row.try_get::<String, _>("actor")?,
                &row.try_get::<String, _>("action")?,
                &row.try_get::<String, _>("object")?,
                &stored_details_hash,
                &stored_prev_hash,
            );
            if recomputed[..] != stored_hash[..] {
                faults.push((seq, AuditFault::Altered));
                break 'chain;
            }
            if let Some(signed) = checkpoints.get(&seq)
                && *signed != stored_hash
            {
                faults.push((seq, AuditFault::CheckpointMismatch));
                break 'chain;
            }
            prev_hash = stored_hash;
            expected_seq += 1;
        }
    }
    let entries = expected_seq - 1;

    // Entries cut from the end leave the head or a checkpoint pointing past them.
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(store.reader())
        .await?;
    let head_seq = to_seq(head.try_get("seq")?)?;
    let head_hash: Vec<u8> = head.try_get("hash")?;
    let chain_is_whole = faults.iter().all(|(_, f)| *f == AuditFault::BadSignature);
    if chain_is_whole && (head_seq != entries || (entries > 0 && head_hash != prev_hash)) {
        faults.push((entries + 1, AuditFault::Missing));
    }
    if let Some((&last_signed, _)) = checkpoints.last_key_value()
        && last_signed > entries
    {
        faults.push((entries + 1, AuditFault::Missing));
    }

    Ok(match faults.into_iter().min_by_key(|(seq, _)| *seq) {
        Some((seq, fault)) => AuditVerdict::Broken { seq, fault },
        None => AuditVerdict::Intact {
            entries,
            checkpoints: checkpoints.len() as u64,
        },
    })
}

fn to_seq(value: i64) -> Result<u64, StoreError> {
    u64::try_from(value).map_err(|_| StoreError::Corrupt(format!("audit seq {value}")))
}
