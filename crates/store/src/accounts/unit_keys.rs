//! Unit key pairs and who holds them (see the module docs of [`super`] for the design).

use chrono::Utc;
use khien_domain::accounts::Role;
use khien_vault::sealed_box::{PublicKey, SecretKey, open_sealed, seal_to};
use serde_json::json;
use sqlx::Row;
use zeroize::Zeroizing;

use super::{AccountError, UnitId, UserId};
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError, WriteTx};

/// Which of a unit's two key pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKeyKind {
    /// Opens the unit's case keys; held by every member with a case role.
    Unit,
    /// Opens reporters' identities until acceptance; held by intake officers.
    Intake,
}

impl UnitKeyKind {
    /// Both kinds.
    pub const ALL: [UnitKeyKind; 2] = [UnitKeyKind::Unit, UnitKeyKind::Intake];

    /// The spelling in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKeyKind::Unit => "unit",
            UnitKeyKind::Intake => "intake",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        UnitKeyKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| StoreError::Corrupt(format!("unit key kind {text:?}")))
    }

    /// Whether a member with these roles must hold this key.
    pub fn needed_by(self, roles: &[Role]) -> bool {
        match self {
            UnitKeyKind::Unit => roles.iter().any(|role| role.holds_unit_key()),
            UnitKeyKind::Intake => roles.contains(&Role::Intake),
        }
    }
}

/// A member waiting for a unit key, as seen by someone who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingGrant {
    /// The unit.
    pub unit_id: UnitId,
    /// Which of its keys.
    pub kind: UnitKeyKind,
    /// Who is waiting.
    pub grantee: UserId,
    /// What the key will be sealed to.
    pub grantee_public_key: PublicKey,
}

/// Binds a seal to its row, so a seal copied to another unit, kind or user does not open.
fn seal_label(unit_id: &UnitId, kind: UnitKeyKind, user_id: &UserId) -> Vec<u8> {
    format!("khien/unit-key/{unit_id}/{}/{user_id}", kind.as_str()).into_bytes()
}

/// Reads a stored X25519 public key column; `what` names the column in errors.
pub(crate) fn public_key_from(bytes: Vec<u8>, what: &str) -> Result<PublicKey, StoreError> {
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| StoreError::Corrupt(format!("{what} is not 32 bytes")))?;
    PublicKey::from_bytes(&bytes).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

impl Store {
    /// The public key that reports for this unit are sealed to, once a member holds it.
    pub async fn unit_public_key(
        &self,
        unit_id: &UnitId,
        kind: UnitKeyKind,
    ) -> Result<Option<PublicKey>, StoreError> {
        sqlx::query("SELECT public_key FROM unit_keys WHERE unit_id = $1 AND kind = $2")
            .bind(unit_id.as_str())
            .bind(kind.as_str())
            .fetch_optional(self.reader())
            .await?
            .map(|row| public_key_from(row.try_get("public_key")?, "unit_keys.public_key"))
            .transpose()
    }

    /// Opens a unit's private key with a member's own (unwrapped) private key.
    pub async fn open_unit_key(
        &self,
        unit_id: &UnitId,
        kind: UnitKeyKind,
        user_id: &UserId,
        user_key: &SecretKey,
    ) -> Result<SecretKey, AccountError> {
        let sealed: Vec<u8> = sqlx::query(
            "SELECT sealed FROM unit_key_seals WHERE unit_id = $1 AND kind = $2 AND user_id = $3",
        )
        .bind(unit_id.as_str())
        .bind(kind.as_str())
        .bind(user_id.as_str())
        .fetch_optional(self.reader())
        .await
        .map_err(StoreError::from)?
        .ok_or(AccountError::NoKeyAccess)?
        .try_get("sealed")
        .map_err(StoreError::from)?;
        open_unit_seal(&sealed, unit_id, kind, user_id, user_key)
    }

    /// The grants this holder can fulfil: members of units whose keys the holder
    /// holds, waiting for the same key. Disabled members are left waiting.
    pub async fn pending_grants_for_holder(
        &self,
        holder: &UserId,
    ) -> Result<Vec<PendingGrant>, StoreError> {
        sqlx::query(
            "SELECT g.unit_id, g.kind, g.user_id, u.public_key \
             FROM unit_key_grants g \
             JOIN unit_key_seals s ON s.unit_id = g.unit_id AND s.kind = g.kind AND s.user_id = $1 \
             JOIN users u ON u.id = g.user_id \
             WHERE u.disabled_at IS NULL AND g.user_id <> $1 \
             ORDER BY g.requested_at, g.user_id",
        )
        .bind(holder.as_str())
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .map(|row| {
            Ok(PendingGrant {
                unit_id: UnitId::from_column(row.try_get("unit_id")?),
                kind: UnitKeyKind::parse(&row.try_get::<String, _>("kind")?)?,
                grantee: UserId::from_column(row.try_get("user_id")?),
                grantee_public_key: public_key_from(
                    row.try_get("public_key")?,
                    "users.public_key",
                )?,
            })
        })
        .collect()
    }

    /// Seals a unit key to a waiting member, using a holder's private key (in their
    /// session) to open it. The grantee's current public key is read again inside
    /// the transaction, so a reset in between cannot make the seal go to an old key.
    /// A grant that is no longer pending is a no-op.
    pub async fn fulfil_grant(
        &self,
        holder: &UserId,
        holder_key: &SecretKey,
        grant: &PendingGrant,
    ) -> Result<(), AccountError> {
        let mut tx = self.begin().await?;
        let still_pending = sqlx::query(
            "SELECT u.public_key FROM unit_key_grants g JOIN users u ON u.id = g.user_id \
             WHERE g.unit_id = $1 AND g.kind = $2 AND g.user_id = $3",
        )
        .bind(grant.unit_id.as_str())
        .bind(grant.kind.as_str())
        .bind(grant.grantee.as_str())
        .fetch_optional(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?;
        let Some(row) = still_pending else {
            return Ok(());
        };
        let grantee_key = public_key_from(
            row.try_get("public_key").map_err(StoreError::from)?,
            "users.public_key",
        )?;
        let sealed: Vec<u8> = sqlx::query(
            "SELECT sealed FROM unit_key_seals WHERE unit_id = $1 AND kind = $2 AND user_id = $3",
        )
        .bind(grant.unit_id.as_str())
        .bind(grant.kind.as_str())
        .bind(holder.as_str())
        .fetch_optional(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?
        .ok_or(AccountError::NoKeyAccess)?
        .try_get("sealed")
        .map_err(StoreError::from)?;
        let unit_key = open_unit_seal(&sealed, &grant.unit_id, grant.kind, holder, holder_key)?;
        tx.insert_seal(
            &grant.unit_id,
            grant.kind,
            &grant.grantee,
            &grantee_key,
            &unit_key,
        )
        .await?;
        tx.delete_grant(&grant.unit_id, grant.kind, &grant.grantee)
            .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{holder}"),
            action: "unit_key.granted",
            object: &format!("unit:{}", grant.unit_id),
            details: json!({ "kind": grant.kind.as_str(), "user": grant.grantee.as_str() }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Fulfils every grant this holder can; call it after a login, with the key
    /// just unwrapped. Returns how many were fulfilled.
    pub async fn fulfil_pending_grants(
        &self,
        holder: &UserId,
        holder_key: &SecretKey,
    ) -> Result<usize, AccountError> {
        let grants = self.pending_grants_for_holder(holder).await?;
        for grant in &grants {
            self.fulfil_grant(holder, holder_key, grant).await?;
        }
        Ok(grants.len())
    }
}

fn open_unit_seal(
    sealed: &[u8],
    unit_id: &UnitId,
    kind: UnitKeyKind,
    user_id: &UserId,
    user_key: &SecretKey,
) -> Result<SecretKey, AccountError> {
    let bytes = open_sealed(user_key, sealed, &seal_label(unit_id, kind, user_id))?;
    let bytes: Zeroizing<[u8; 32]> = Zeroizing::new(
        bytes[..]
            .try_into()
            .map_err(|_| StoreError::Corrupt("a sealed unit key is not 32 bytes".into()))?,
    );
    Ok(SecretKey::from_bytes(&bytes))
}

impl WriteTx {
    async fn insert_seal(
        &mut self,
        unit_id: &UnitId,
        kind: UnitKeyKind,
        user_id: &UserId,
        user_public_key: &PublicKey,
        unit_key: &SecretKey,
    ) -> Result<(), StoreError> {
        let sealed = seal_to(
            user_public_key,
            &unit_key.to_bytes()[..],
            &seal_label(unit_id, kind, user_id),
        );
        sqlx::query(
            "INSERT INTO unit_key_seals (unit_id, kind, user_id, sealed, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(unit_id.as_str())
        .bind(kind.as_str())
        .bind(user_id.as_str())
        .bind(sealed)
        .bind(format_timestamp(Utc::now()))
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn delete_grant(
        &mut self,
        unit_id: &UnitId,
        kind: UnitKeyKind,
        user_id: &UserId,
    ) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "DELETE FROM unit_key_grants WHERE unit_id = $1 AND kind = $2 AND user_id = $3",
        )
        .bind(unit_id.as_str())
        .bind(kind.as_str())
        .bind(user_id.as_str())
        .execute(&mut *self.tx)
        .await?
        .rows_affected())
    }

    async fn count(&mut self, sql: &str, binds: &[&str]) -> Result<i64, StoreError> {
        let mut query = sqlx::query(sql);
        for bind in binds {
            query = query.bind(*bind);
        }
        Ok(query.fetch_one(&mut *self.tx).await?.try_get("n")?)
    }

    /// Deletes every seal and grant of a user (their key pair is being replaced).
    pub(crate) async fn forget_unit_keys_of(&mut self, user_id: &UserId) -> Result<(), StoreError> {
        for table in ["unit_key_seals", "unit_key_grants"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                .bind(user_id.as_str())
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }
}

/// Brings a member's unit keys in line with their roles and unit: seals or grants
/// for the keys they need, none for keys they do not. Called by every write that
/// changes a user's roles, unit or key pair, inside its transaction.
pub(crate) async fn sync_unit_key_access(
    tx: &mut WriteTx,
    actor: &str,
    user_id: &UserId,
    unit_id: &UnitId,
    public_key: &PublicKey,
    roles: &[Role],
) -> Result<(), AccountError> {
    // Keys of other units (a member who moved) go first.
    for table in ["unit_key_seals", "unit_key_grants"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE user_id = $1 AND unit_id <> $2"
        ))
        .bind(user_id.as_str())
        .bind(unit_id.as_str())
        .execute(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?;
    }
    for kind in UnitKeyKind::ALL {
        let object = format!("unit:{unit_id}");
        let binds = [unit_id.as_str(), kind.as_str(), user_id.as_str()];
        let holds = tx
            .count(
                "SELECT COUNT(*) AS n FROM unit_key_seals WHERE unit_id = $1 AND kind = $2 AND user_id = $3",
                &binds,
            )
            .await?
            > 0;
        if !kind.needed_by(roles) {
            let removed = sqlx::query(
                "DELETE FROM unit_key_seals WHERE unit_id = $1 AND kind = $2 AND user_id = $3",
            )
            .bind(unit_id.as_str())
            .bind(kind.as_str())
            .bind(user_id.as_str())
            .execute(&mut *tx.tx)
            .await
            .map_err(StoreError::from)?
            .rows_affected();
            tx.delete_grant(unit_id, kind, user_id).await?;
            if removed > 0 {
                tx.audit(AuditRecord {
                    actor,
                    action: "unit_key.revoked",
                    object: &object,
                    details: json!({ "kind": kind.as_str(), "user": user_id.as_str() }),
                })
                .await?;
            }
            continue;
        }
        if holds {
            continue;
        }
        let exists = tx
            .count(
                "SELECT COUNT(*) AS n FROM unit_keys WHERE unit_id = $1 AND kind = $2",
                &binds[..2],
            )
            .await?
            > 0;
        let other_holders = tx
            .count(
                "SELECT COUNT(*) AS n FROM unit_key_seals WHERE unit_id = $1 AND kind = $2 AND user_id <> $3",
                &binds,
            )
            .await?;
        if exists && other_holders > 0 {
            sqlx::query(
                "INSERT INTO unit_key_grants (unit_id, kind, user_id, requested_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, kind, user_id) DO NOTHING",
            )
            .bind(unit_id.as_str())
            .bind(kind.as_str())
            .bind(user_id.as_str())
            .bind(format_timestamp(Utc::now()))
            .execute(&mut *tx.tx)
            .await
            .map_err(StoreError::from)?;
            tx.audit(AuditRecord {
                actor,
                action: "unit_key.grant_requested",
                object: &object,
                details: json!({ "kind": kind.as_str(), "user": user_id.as_str() }),
            })
            .await?;
            continue;
        }
        // No key yet, or nobody left who can open it: make a pair, seal it to this
        // member and to everyone waiting, and forget it when this function returns.
        let unit_key = SecretKey::generate();
        let now = format_timestamp(Utc::now());
        sqlx::query(
            "INSERT INTO unit_keys (unit_id, kind, public_key, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (unit_id, kind) DO UPDATE SET public_key = excluded.public_key, \
             created_at = excluded.created_at",
        )
        .bind(unit_id.as_str())
        .bind(kind.as_str())
        .bind(unit_key.public_key().to_bytes().to_vec())
        .bind(&now)
        .execute(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?;
        tx.insert_seal(unit_id, kind, user_id, public_key, &unit_key)
            .await?;
        let waiting = sqlx::query(
            "SELECT g.user_id, u.public_key FROM unit_key_grants g JOIN users u ON u.id = g.user_id \
             WHERE g.unit_id = $1 AND g.kind = $2 AND g.user_id <> $3",
        )
        .bind(unit_id.as_str())
        .bind(kind.as_str())
        .bind(user_id.as_str())
        .fetch_all(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?;
        for row in &waiting {
            let grantee = UserId::from_column(row.try_get("user_id").map_err(StoreError::from)?);
            let key = public_key_from(
                row.try_get("public_key").map_err(StoreError::from)?,
                "users.public_key",
            )?;
            tx.insert_seal(unit_id, kind, &grantee, &key, &unit_key)
                .await?;
            tx.delete_grant(unit_id, kind, &grantee).await?;
        }
        tx.delete_grant(unit_id, kind, user_id).await?;
        tx.audit(AuditRecord {
            actor,
            action: if exists { "unit_key.replaced" } else { "unit_key.created" },
            object: &object,
            details: json!({
                "kind": kind.as_str(),
                "sealed_to": std::iter::once(user_id.as_str().to_owned())
                    .chain(waiting.iter().filter_map(|row| row.try_get::<String, _>("user_id").ok()))
                    .collect::<Vec<_>>(),
            }),
        })
        .await?;
    }
    Ok(())
}
