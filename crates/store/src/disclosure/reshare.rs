//! Re-sharing older cases' identity keys when a unit's custodians change,
//! without the key ever being rebuilt (`khien_vault::reshare`).
//!
//! A case needs a re-share when the custodians holding its live shares are not
//! the enabled custodians of the unit now handling it, each with the public key
//! their share was sealed to. A round names the new custodians (with their new
//! share ids and keys) and fixes k' (the unit's setting, lowered to their
//! number). Each current holder contributes in their session; the k-th
//! contribution completes the round in the same transaction: each new
//! custodian's parts become their share (a bundle), the shares of custodians no
//! longer in the set are destroyed, and the case's share generation goes up, so
//! approvals given with old shares no longer count. A round whose set went out
//! of date before it completed is cancelled and a new one starts.
//!
//! A case whose unit has no custodian left is not re-shared (there is nobody
//! to re-share to); one whose holders can no longer make k contributions
//! (disabled, keys reset) cannot be, and its identity then opens only for the
//! reporter.

use chrono::{DateTime, Utc};
use khien_domain::accounts::Role;
use khien_domain::intake::TrackingNumber;
use khien_vault::case_keys::{Holder, effective_threshold};
use khien_vault::reshare::{ReshareRound, bundle_parts, contribute};
use khien_vault::sealed_box::{PublicKey, SecretKey};
use serde_json::json;
use sqlx::Row;

use super::DisclosureError;
use super::decisions::lock_case_shares;
use crate::accounts::{UnitId, UserId, new_id, public_key_from};
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::format_timestamp;
use crate::{Connection, Store, StoreError, WriteTx};

/// A case whose shares should move to its unit's current custodians.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingReshare {
    /// The case.
    pub case_id: CaseId,
    /// Its tracking number.
    pub tracking_number: TrackingNumber,
    /// Contributions made to the current round.
    pub contributions: usize,
    /// Contributions needed (the case's current k).
    pub needed: usize,
    /// How many custodians will hold shares afterwards.
    pub recipients: usize,
    /// Whether this custodian has contributed already.
    pub contributed: bool,
}

/// What one custodian's pass over their cases did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReshareOutcome {
    /// Rounds this custodian contributed to.
    pub contributed: usize,
    /// Rounds their contribution completed.
    pub completed: usize,
    /// Cases where their share could not be opened (sealed to a key they no
    /// longer have).
    pub blocked: usize,
}

/// The custodians a case's shares should be held by, in share-id order.
type Target = Vec<(UserId, PublicKey)>;

enum Contribution {
    NotNeeded,
    Made { completed: bool },
    Blocked,
}

impl Store {
    /// The cases where this custodian holds a live share and a re-share is due.
    pub async fn reshares_for_custodian(
        &self,
        custodian: &UserId,
    ) -> Result<Vec<PendingReshare>, DisclosureError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let mut pending = Vec::new();
        for (case_id, tracking_number) in cases_due(&mut connection, custodian).await? {
            let Some(target) = reshare_target(&mut connection, &case_id).await? else {
                continue;
            };
            let needed: i64 =
                sqlx::query("SELECT share_threshold FROM case_identities WHERE case_id = $1")
                    .bind(case_id.as_str())
                    .fetch_one(&mut *connection)
                    .await?
                    .try_get("share_threshold")?;
            let (contributions, contributed) =
                match current_round(&mut connection, &case_id, &target).await? {
                    Some(round) => (
                        round.contributions,
                        has_contributed(&mut connection, &round.id, custodian).await?,
                    ),
                    None => (0, false),
                };
            pending.push(PendingReshare {
                case_id,
                tracking_number,
                contributions: usize::try_from(contributions).unwrap_or(0),
                needed: usize::try_from(needed).unwrap_or(0),
                recipients: target.len(),
                contributed,
            });
        }
        Ok(pending)
    }

    /// Contributes this custodian's share to every re-share due on a case they
    /// hold a share of (one transaction per case), completing the rounds that
    /// reach k. Audited as `identity.reshare_contributed` and `identity.reshared`.
    pub async fn contribute_to_reshares(
        &self,
        custodian: &UserId,
        custodian_key: &SecretKey,
        now: DateTime<Utc>,
    ) -> Result<ReshareOutcome, DisclosureError> {
        let cases = {
            let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
            cases_due(&mut connection, custodian).await?
        };
        let mut outcome = ReshareOutcome::default();
        for (case_id, _) in cases {
            match self
                .contribute_to_reshare(&case_id, custodian, custodian_key, now)
                .await?
            {
                Contribution::NotNeeded => {}
                Contribution::Blocked => outcome.blocked += 1,
                Contribution::Made { completed } => {
                    outcome.contributed += 1;
                    outcome.completed += usize::from(completed);
                }
            }
        }
        Ok(outcome)
    }

    async fn contribute_to_reshare(
        &self,
        case_id: &CaseId,
        custodian: &UserId,
        custodian_key: &SecretKey,
        now: DateTime<Utc>,
    ) -> Result<Contribution, DisclosureError> {
        let mut tx = self.begin().await?;
        lock_case_shares(tx.connection(), case_id).await?;
        let Some(target) = reshare_target(tx.connection(), case_id).await? else {
            return Ok(Contribution::NotNeeded);
        };
        let Some(own) = sqlx::query(
            "SELECT s.sealed, s.sealed_to, u.public_key FROM identity_seals s \
             JOIN users u ON u.id = s.holder_id WHERE s.case_id = $1 \
             AND s.holder_kind = 'custodian' AND s.holder_id = $2 AND s.sealed IS NOT NULL",
        )
        .bind(case_id.as_str())
        .bind(custodian.as_str())
        .fetch_optional(tx.connection())
        .await?
        else {
            return Ok(Contribution::NotNeeded);
        };
        let sealed_to: Option<Vec<u8>> = own.try_get("sealed_to")?;
        let current_key: Vec<u8> = own.try_get("public_key")?;
        if sealed_to.is_some_and(|key| key != current_key) {
            return Ok(Contribution::Blocked);
        }
        let own_share: Vec<u8> = own.try_get("sealed")?;
        let shares = sqlx::query(
            "SELECT c.unit_id, i.share_threshold, i.share_generation FROM case_identities i \
             JOIN cases c ON c.id = i.case_id WHERE i.case_id = $1",
        )
        .bind(case_id.as_str())
        .fetch_one(tx.connection())
        .await?;
        let unit = UnitId::from_column(shares.try_get("unit_id")?);
        let old_threshold: i64 = shares.try_get("share_threshold")?;
        let generation: i64 = shares.try_get("share_generation")?;
        let round = match current_round(tx.connection(), case_id, &target).await? {
            Some(round) if round.from_generation == generation => round,
            stale => {
                if let Some(stale) = stale {
                    cancel_round(&mut tx, &stale.id, now).await?;
                }
                let wanted = self.wanted_identity_threshold(&unit, target.len()).await?;
                start_round(
                    &mut tx,
                    case_id,
                    &target,
                    generation,
                    old_threshold,
                    wanted,
                    now,
                )
                .await?
            }
        };
        if has_contributed(tx.connection(), &round.id, custodian).await? {
            return Ok(Contribution::NotNeeded);
        }
        let holders: Vec<Holder<'_>> = target
            .iter()
            .map(|(id, key)| Holder {
                id: id.as_str(),
                public_key: key,
            })
            .collect();
        let Ok(parts) = contribute(
            &ReshareRound {
                case_id: case_id.as_str(),
                round_id: &round.id,
                threshold: round.new_threshold,
                custodians: &holders,
            },
            custodian.as_str(),
            custodian_key,
            &own_share,
        ) else {
            // A share sealed before keys were recorded, to a key since replaced.
            return Ok(Contribution::Blocked);
        };
        for part in &parts {
            sqlx::query(
                "INSERT INTO identity_reshare_parts (reshare_id, contributor_id, recipient_id, sealed) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&round.id)
            .bind(custodian.as_str())
            .bind(&part.custodian_id)
            .bind(part.sealed.clone())
            .execute(tx.connection())
            .await?;
        }
        sqlx::query("UPDATE identity_reshares SET contributions = contributions + 1 WHERE id = $1")
            .bind(&round.id)
            .execute(tx.connection())
            .await?;
        let contributions = round.contributions + 1;
        tx.audit(AuditRecord {
            actor: &format!("user:{custodian}"),
            action: "identity.reshare_contributed",
            object: &format!("case:{case_id}"),
            details: json!({
                "round": round.id,
                "contributions": contributions,
                "needed": old_threshold,
            }),
        })
        .await?;
        let completed = contributions >= old_threshold;
        if completed {
            complete_round(&mut tx, case_id, &round, &target, generation, now).await?;
        }
        tx.commit().await?;
        Ok(Contribution::Made { completed })
    }
}

struct Round {
    id: String,
    from_generation: i64,
    new_threshold: usize,
    threshold_wanted: i64,
    contributions: i64,
}

/// The cases this custodian holds a live share of whose holders are not (or no
/// longer) exactly the enabled custodians of the case's unit with the keys their
/// shares were sealed to, newest first — one query, so a page that shows them
/// costs nothing when no re-share is due. [`reshare_target`] decides for good.
async fn cases_due(
    connection: &mut Connection,
    custodian: &UserId,
) -> Result<Vec<(CaseId, TrackingNumber)>, DisclosureError> {
    let rows = sqlx::query(
        "SELECT s.case_id, c.tracking_number, \
         (SELECT COUNT(*) FROM identity_seals h WHERE h.case_id = s.case_id \
          AND h.holder_kind = 'custodian' AND h.sealed IS NOT NULL) AS holders, \
         (SELECT COUNT(*) FROM identity_seals h JOIN users u ON u.id = h.holder_id \
          JOIN user_roles r ON r.user_id = u.id AND r.role = $2 \
          WHERE h.case_id = s.case_id AND h.holder_kind = 'custodian' AND h.sealed IS NOT NULL \
          AND u.unit_id = c.unit_id AND u.disabled_at IS NULL \
          AND (h.sealed_to IS NULL OR h.sealed_to = u.public_key)) AS in_step, \
         (SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = $2 \
          WHERE u.unit_id = c.unit_id AND u.disabled_at IS NULL) AS custodians \
         FROM identity_seals s JOIN cases c ON c.id = s.case_id \
         WHERE s.holder_kind = 'custodian' AND s.holder_id = $1 AND s.sealed IS NOT NULL \
         ORDER BY c.received_at DESC, c.id",
    )
    .bind(custodian.as_str())
    .bind(Role::Custodian.as_str())
    .fetch_all(&mut *connection)
    .await?;
    let max = i64::try_from(khien_vault::shares::MAX_SHARES).unwrap_or(i64::MAX);
    let mut due = Vec::new();
    for row in rows {
        let holders: i64 = row.try_get("holders")?;
        let in_step: i64 = row.try_get("in_step")?;
        let custodians: i64 = row.try_get::<i64, _>("custodians")?.min(max);
        if custodians == 0 || (holders == in_step && in_step == custodians) {
            continue;
        }
        let tracking: String = row.try_get("tracking_number")?;
        due.push((
            CaseId::from_column(row.try_get("case_id")?),
            TrackingNumber::parse(&tracking)
                .ok_or_else(|| StoreError::Corrupt("cases.tracking_number".into()))?,
        ));
    }
    Ok(due)
}

/// The custodians the case's shares should move to, or `None` when the live
/// holders already are exactly them (or there is nobody to move them to).
async fn reshare_target(
    connection: &mut Connection,
    case_id: &CaseId,
) -> Result<Option<Target>, DisclosureError> {
    let target: Target = sqlx::query(
        "SELECT u.id, u.public_key FROM cases c JOIN users u ON u.unit_id = c.unit_id \
         JOIN user_roles r ON r.user_id = u.id WHERE c.id = $1 AND r.role = $2 \
         AND u.disabled_at IS NULL ORDER BY u.id",
    )
    .bind(case_id.as_str())
    .bind(Role::Custodian.as_str())
    .fetch_all(&mut *connection)
    .await?
    .into_iter()
    .take(khien_vault::shares::MAX_SHARES)
    .map(|row| {
        Ok((
            UserId::from_column(row.try_get("id")?),
            public_key_from(row.try_get("public_key")?, "users.public_key")?,
        ))
    })
    .collect::<Result<_, DisclosureError>>()?;
    if target.is_empty() {
        return Ok(None);
    }
    let holders = sqlx::query(
        "SELECT holder_id, sealed_to FROM identity_seals WHERE case_id = $1 \
         AND holder_kind = 'custodian' AND sealed IS NOT NULL ORDER BY holder_id",
    )
    .bind(case_id.as_str())
    .fetch_all(&mut *connection)
    .await?;
    let in_step = holders.len() == target.len()
        && holders.iter().zip(&target).all(|(row, (id, key))| {
            let holder: Option<String> = row.try_get("holder_id").ok();
            let sealed_to: Option<Option<Vec<u8>>> = row.try_get("sealed_to").ok();
            holder.as_deref() == Some(id.as_str())
                && match sealed_to {
                    Some(Some(bytes)) => bytes == key.to_bytes(),
                    // Sealed before keys were recorded: taken to be the current key.
                    Some(None) => true,
                    None => false,
                }
        });
    Ok((!in_step).then_some(target))
}

/// The case's open round, if its recipients are still `target`; an open round
/// with other recipients is returned too, to be cancelled (its
/// `from_generation` is then set to -1).
async fn current_round(
    connection: &mut Connection,
    case_id: &CaseId,
    target: &Target,
) -> Result<Option<Round>, DisclosureError> {
    let Some(row) = sqlx::query(
        "SELECT id, from_generation, new_threshold, threshold_wanted, contributions \
         FROM identity_reshares WHERE case_id = $1 AND completed_at IS NULL \
         AND cancelled_at IS NULL",
    )
    .bind(case_id.as_str())
    .fetch_optional(&mut *connection)
    .await?
    else {
        return Ok(None);
    };
    let id: String = row.try_get("id")?;
    let recipients = sqlx::query(
        "SELECT custodian_id, public_key FROM identity_reshare_recipients \
         WHERE reshare_id = $1 ORDER BY share_id",
    )
    .bind(&id)
    .fetch_all(&mut *connection)
    .await?;
    let same_recipients = recipients.len() == target.len()
        && recipients.iter().zip(target).all(|(row, (user, key))| {
            row.try_get::<String, _>("custodian_id").ok().as_deref() == Some(user.as_str())
                && row.try_get::<Vec<u8>, _>("public_key").ok() == Some(key.to_bytes().to_vec())
        });
    let new_threshold: i64 = row.try_get("new_threshold")?;
    Ok(Some(Round {
        id,
        from_generation: if same_recipients {
            row.try_get("from_generation")?
        } else {
            -1
        },
        new_threshold: usize::try_from(new_threshold).unwrap_or(0),
        threshold_wanted: row.try_get("threshold_wanted")?,
        contributions: row.try_get("contributions")?,
    }))
}

async fn has_contributed(
    connection: &mut Connection,
    round: &str,
    custodian: &UserId,
) -> Result<bool, DisclosureError> {
    Ok(sqlx::query(
        "SELECT COUNT(*) AS n FROM identity_reshare_parts \
         WHERE reshare_id = $1 AND contributor_id = $2",
    )
    .bind(round)
    .bind(custodian.as_str())
    .fetch_one(&mut *connection)
    .await?
    .try_get::<i64, _>("n")?
        > 0)
}

async fn cancel_round(
    tx: &mut WriteTx,
    round: &str,
    now: DateTime<Utc>,
) -> Result<(), DisclosureError> {
    sqlx::query("UPDATE identity_reshares SET cancelled_at = $2 WHERE id = $1")
        .bind(round)
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?;
    sqlx::query("DELETE FROM identity_reshare_parts WHERE reshare_id = $1")
        .bind(round)
        .execute(tx.connection())
        .await?;
    Ok(())
}

async fn start_round(
    tx: &mut WriteTx,
    case_id: &CaseId,
    target: &Target,
    generation: i64,
    old_threshold: i64,
    wanted: usize,
    now: DateTime<Utc>,
) -> Result<Round, DisclosureError> {
    let id = new_id();
    let new_threshold = effective_threshold(wanted, target.len());
    let wanted = i64::try_from(wanted).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO identity_reshares (id, case_id, from_generation, old_threshold, \
         new_threshold, threshold_wanted, contributions, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
    )
    .bind(&id)
    .bind(case_id.as_str())
    .bind(generation)
    .bind(old_threshold)
    .bind(i64::try_from(new_threshold).unwrap_or(i64::MAX))
    .bind(wanted)
    .bind(format_timestamp(now))
    .execute(tx.connection())
    .await?;
    for (index, (user, key)) in target.iter().enumerate() {
        sqlx::query(
            "INSERT INTO identity_reshare_recipients (reshare_id, custodian_id, share_id, public_key) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(user.as_str())
        .bind(i64::try_from(index + 1).unwrap_or(i64::MAX))
        .bind(key.to_bytes().to_vec())
        .execute(tx.connection())
        .await?;
    }
    Ok(Round {
        id,
        from_generation: generation,
        new_threshold,
        threshold_wanted: wanted,
        contributions: 0,
    })
}

/// The k-th contribution: bundles become the new shares, the old ones go.
async fn complete_round(
    tx: &mut WriteTx,
    case_id: &CaseId,
    round: &Round,
    target: &Target,
    generation: i64,
    now: DateTime<Utc>,
) -> Result<(), DisclosureError> {
    let stamp = format_timestamp(now);
    for (index, (user, key)) in target.iter().enumerate() {
        let parts: Vec<Vec<u8>> = sqlx::query(
            "SELECT sealed FROM identity_reshare_parts WHERE reshare_id = $1 \
             AND recipient_id = $2 ORDER BY contributor_id",
        )
        .bind(&round.id)
        .bind(user.as_str())
        .fetch_all(tx.connection())
        .await?
        .into_iter()
        .map(|row| row.try_get("sealed"))
        .collect::<Result<_, sqlx::Error>>()?;
        let bundle = bundle_parts(&round.id, &parts)?;
        let share_id = i64::try_from(index + 1).unwrap_or(i64::MAX);
        let replaced = sqlx::query(
            "UPDATE identity_seals SET share_id = $3, sealed = $4, sealed_to = $5, \
             created_at = $6, destroyed_at = NULL \
             WHERE case_id = $1 AND holder_kind = 'custodian' AND holder_id = $2",
        )
        .bind(case_id.as_str())
        .bind(user.as_str())
        .bind(share_id)
        .bind(bundle.clone())
        .bind(key.to_bytes().to_vec())
        .bind(&stamp)
        .execute(tx.connection())
        .await?
        .rows_affected();
        if replaced == 0 {
            sqlx::query(
                "INSERT INTO identity_seals (case_id, holder_kind, holder_id, share_id, sealed, \
                 sealed_to, created_at) VALUES ($1, 'custodian', $2, $3, $4, $5, $6)",
            )
            .bind(case_id.as_str())
            .bind(user.as_str())
            .bind(share_id)
            .bind(bundle)
            .bind(key.to_bytes().to_vec())
            .bind(&stamp)
            .execute(tx.connection())
            .await?;
        }
    }
    let former: Vec<String> = sqlx::query(
        "SELECT holder_id FROM identity_seals WHERE case_id = $1 \
         AND holder_kind = 'custodian' AND sealed IS NOT NULL",
    )
    .bind(case_id.as_str())
    .fetch_all(tx.connection())
    .await?
    .into_iter()
    .map(|row| row.try_get("holder_id"))
    .collect::<Result<_, sqlx::Error>>()?;
    let mut destroyed = 0;
    for holder in former {
        if target.iter().any(|(user, _)| user.as_str() == holder) {
            continue;
        }
        destroyed += sqlx::query(
            "UPDATE identity_seals SET sealed = NULL, destroyed_at = $3 \
             WHERE case_id = $1 AND holder_kind = 'custodian' AND holder_id = $2",
        )
        .bind(case_id.as_str())
        .bind(&holder)
        .bind(&stamp)
        .execute(tx.connection())
        .await?
        .rows_affected();
    }
    let count = i64::try_from(target.len()).unwrap_or(i64::MAX);
    let new_threshold = i64::try_from(round.new_threshold).unwrap_or(i64::MAX);
    sqlx::query(
        "UPDATE case_identities SET share_threshold = $2, share_count = $3, \
         threshold_wanted = $4, share_generation = $5 WHERE case_id = $1",
    )
    .bind(case_id.as_str())
    .bind(new_threshold)
    .bind(count)
    .bind(round.threshold_wanted)
    .bind(generation + 1)
    .execute(tx.connection())
    .await?;
    sqlx::query("UPDATE identity_reshares SET completed_at = $2 WHERE id = $1")
        .bind(&round.id)
        .bind(&stamp)
        .execute(tx.connection())
        .await?;
    sqlx::query("DELETE FROM identity_reshare_parts WHERE reshare_id = $1")
        .bind(&round.id)
        .execute(tx.connection())
        .await?;
    tx.audit(AuditRecord {
        actor: "system",
        action: "identity.reshared",
        object: &format!("case:{case_id}"),
        details: json!({
            "round": round.id,
            "generation": generation + 1,
            "threshold": new_threshold,
            "threshold_wanted": round.threshold_wanted,
            "shares": count,
            "destroyed": destroyed,
        }),
    })
    .await?;
    Ok(())
}
