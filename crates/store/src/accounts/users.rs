//! Staff users: enrolment, reading, disabling, roles.

use chrono::{DateTime, Utc};
use khien_domain::accounts::{Password, Role, TotpSecret, UnitCode, Username};
use khien_vault::kdf::KdfParams;
use khien_vault::random::random_bytes;
use khien_vault::recovery_key::RecoveryKey;
use khien_vault::sealed_box::{PublicKey, SecretKey};
use khien_vault::server_secret::ServerSecret;
use khien_vault::staff_keys::{wrap_with_password, wrap_with_recovery_key};
use khien_vault::staff_login::{hash_password, seal_totp_secret};
use serde_json::json;
use sqlx::Row;

use super::slow_crypto::off_the_runtime;
use super::unit_keys::sync_unit_key_access;
use super::units::unit_id_in_tx;
use super::user_rows::{
    CREDENTIAL_COLUMNS, StoredCredentials, USER_COLUMNS, USER_FROM, all_roles,
    credentials_from_row, roles_of, user_from_row,
};
use super::{AccountError, UserId};
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError, WriteTx};

/// Bytes in a new TOTP secret (160 bits, as RFC 4226 recommends).
const TOTP_SECRET_BYTES: usize = 20;

/// A user to enrol. No `Debug`: it holds the password.
pub struct NewUser {
    /// The login name.
    pub username: Username,
    /// The unit they work in.
    pub unit: UnitCode,
    /// What they may do there (duplicates are ignored; at least one is expected).
    pub roles: Vec<Role>,
    /// Their first password.
    pub password: Password,
}

/// A stored user, without any credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Their id.
    pub id: UserId,
    /// Their login name.
    pub username: Username,
    /// Their unit.
    pub unit_id: super::UnitId,
    /// Their unit's code.
    pub unit_code: UnitCode,
    /// Their roles, in the order of [`Role::ALL`].
    pub roles: Vec<Role>,
    /// Their X25519 public key: what unit keys are sealed to.
    pub public_key: PublicKey,
    /// Whether the account is disabled.
    pub disabled: bool,
    /// Failed logins since the last success or lockout.
    pub failed_attempts: u32,
    /// Logins are refused until then.
    pub locked_until: Option<DateTime<Utc>>,
    /// The last TOTP step a code was accepted for.
    pub totp_last_step: Option<u64>,
    /// When they were enrolled.
    pub created_at: DateTime<Utc>,
    /// When their password last changed (enrolment, change, recovery or reset).
    pub password_changed_at: DateTime<Utc>,
}

impl User {
    /// Whether the user holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// What a new (or reset) user must be shown once and never again. No `Debug`.
pub struct Enrolment {
    /// The user as stored.
    pub user: User,
    /// The TOTP secret for their authenticator app.
    pub totp_secret: TotpSecret,
    /// The recovery key to write down.
    pub recovery_key: RecoveryKey,
}

/// Fresh key material for an enrolment or a reset, made off the async threads.
pub(crate) struct FreshCredentials {
    pub(crate) private_key: SecretKey,
    pub(crate) recovery_key: RecoveryKey,
    pub(crate) totp_secret: TotpSecret,
    pub(crate) stored: StoredCredentials,
}

/// Makes a key pair, a recovery key and a TOTP secret for `user_id`, and wraps
/// and hashes everything for storage.
pub(crate) async fn fresh_credentials(
    user_id: &UserId,
    password: &Password,
    server_secret: &ServerSecret,
    params: &KdfParams,
) -> Result<FreshCredentials, AccountError> {
    let private_key = SecretKey::generate();
    let recovery_key = RecoveryKey::generate();
    let totp_secret = TotpSecret::from_bytes(&random_bytes::<TOTP_SECRET_BYTES>())
        .expect("20 bytes is a valid TOTP secret length");
    let password_text = password.expose().clone();
    let key_bytes = private_key.to_bytes();
    let params = *params;
    let (password_hash, wrapped_key_password) = off_the_runtime(move || {
        let key = SecretKey::from_bytes(&key_bytes);
        Ok::<_, AccountError>((
            hash_password(&password_text, &params)?,
            wrap_with_password(&key, &password_text, &params)?,
        ))
    })
    .await??;
    let stored = StoredCredentials {
        password_hash,
        wrapped_key_password,
        wrapped_key_recovery: wrap_with_recovery_key(&private_key, &recovery_key),
        totp_secret_sealed: seal_totp_secret(
            server_secret,
            user_id.as_str(),
            totp_secret.expose_bytes(),
        ),
    };
    Ok(FreshCredentials {
        private_key,
        recovery_key,
        totp_secret,
        stored,
    })
}

impl Store {
    /// Enrols a user: makes their key pair, wraps it under their password and a
    /// new recovery key, makes a TOTP secret, and gives them the unit keys their
    /// roles need (now, or as a pending grant). Returns what must be shown once.
    /// An unknown unit is [`AccountError::UnknownUnit`]; a username in use is a
    /// [`StoreError::Conflict`].
    pub async fn create_user(
        &self,
        actor: &str,
        new: NewUser,
        server_secret: &ServerSecret,
        params: &KdfParams,
    ) -> Result<Enrolment, AccountError> {
        // Cheap checks first, so a typo does not cost two Argon2 runs.
        if self.unit_by_code(&new.unit).await?.is_none() {
            return Err(AccountError::UnknownUnit(new.unit.to_string()));
        }
        if self.user_by_username(&new.username).await?.is_some() {
            return Err(AccountError::duplicate("users_username_key"));
        }
        let mut roles = new.roles.clone();
        roles.sort();
        roles.dedup();
        let id = UserId::new();
        let fresh = fresh_credentials(&id, &new.password, server_secret, params).await?;

        let mut tx = self.begin().await?;
        let unit_id = unit_id_in_tx(&mut tx, &new.unit)
            .await?
            .ok_or_else(|| AccountError::UnknownUnit(new.unit.to_string()))?;
        let now = format_timestamp(Utc::now());
        let inserted = sqlx::query(
            "INSERT INTO users (id, username, unit_id, password_hash, totp_secret_sealed, \
             totp_last_step, public_key, wrapped_key_password, wrapped_key_recovery, \
             disabled_at, failed_attempts, locked_until, created_at, password_changed_at) \
             VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, NULL, 0, NULL, $9, $9)",
        )
        .bind(id.as_str())
        .bind(new.username.as_str())
        .bind(unit_id.as_str())
        .bind(fresh.stored.password_hash.as_bytes().to_vec())
        .bind(fresh.stored.totp_secret_sealed.clone())
        .bind(fresh.private_key.public_key().to_bytes().to_vec())
        .bind(fresh.stored.wrapped_key_password.as_bytes().to_vec())
        .bind(fresh.stored.wrapped_key_recovery.as_bytes().to_vec())
        .bind(&now)
        .execute(&mut *tx.tx)
        .await;
        if let Err(error) = inserted {
            return Err(match StoreError::from(error) {
                StoreError::Conflict { .. } => AccountError::duplicate("users_username_key"),
                other => other.into(),
            });
        }
        tx.insert_roles(&id, &roles).await?;
        tx.audit(AuditRecord {
            actor,
            action: "user.created",
            object: &format!("user:{id}"),
            details: json!({
                "unit": unit_id.as_str(),
                "roles": roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            }),
        })
        .await?;
        sync_unit_key_access(
            &mut tx,
            actor,
            &id,
            &unit_id,
            &fresh.private_key.public_key(),
            &roles,
        )
        .await?;
        let user = tx.user_in_tx(&id).await?;
        tx.commit().await?;
        Ok(Enrolment {
            user,
            totp_secret: fresh.totp_secret,
            recovery_key: fresh.recovery_key,
        })
    }

    /// The user with this username, if any.
    pub async fn user_by_username(&self, username: &Username) -> Result<Option<User>, StoreError> {
        let mut connection = self.reader().acquire().await?;
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.username = $1"
        ))
        .bind(username.as_str())
        .fetch_optional(&mut *connection)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let id = UserId::from_column(row.try_get("id")?);
                let roles = roles_of(&mut connection, &id).await?;
                user_from_row(&row, roles).map(Some)
            }
        }
    }

    /// The user with this id, if any.
    pub async fn user_by_id(&self, id: &UserId) -> Result<Option<User>, StoreError> {
        let mut connection = self.reader().acquire().await?;
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&mut *connection)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let roles = roles_of(&mut connection, id).await?;
                user_from_row(&row, roles).map(Some)
            }
        }
    }

    /// Every user, by username.
    pub async fn list_users(&self) -> Result<Vec<User>, StoreError> {
        let mut connection = self.reader().acquire().await?;
        let rows = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM {USER_FROM} ORDER BY u.username"
        ))
        .fetch_all(&mut *connection)
        .await?;
        let mut roles = all_roles(&mut connection).await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                user_from_row(row, roles.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    /// The enabled members of `unit` who may carry its cases (handlers and heads), by
    /// username: whom a case can be assigned to. Reads no key, so a case page pays one
    /// small query for it, however many staff the installation has.
    pub async fn unit_handlers(
        &self,
        unit: &super::UnitId,
    ) -> Result<Vec<(UserId, Username)>, StoreError> {
        sqlx::query(
            "SELECT DISTINCT u.id, u.username FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE u.unit_id = $1 AND u.disabled_at IS NULL AND r.role IN ($2, $3) \
             ORDER BY u.username",
        )
        .bind(unit.as_str())
        .bind(Role::Handler.as_str())
        .bind(Role::Head.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| {
            let username: String = row.try_get("username")?;
            Ok((
                UserId::from_column(row.try_get("id")?),
                Username::parse(&username)
                    .map_err(|e| StoreError::Corrupt(format!("users.username: {e}")))?,
            ))
        })
        .collect()
    }

    /// Disables or re-enables an account. Disabling ends the user's sessions; it
    /// keeps their unit-key seals, so re-enabling restores their access as it was.
    pub async fn set_user_disabled(
        &self,
        actor: &str,
        username: &Username,
        disabled: bool,
    ) -> Result<(), AccountError> {
        let mut tx = self.begin().await?;
        let user = tx.user_by_username_in_tx(username).await?;
        let disabled_at = disabled.then(|| format_timestamp(Utc::now()));
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(disabled_at)
            .bind(user.id.as_str())
            .execute(&mut *tx.tx)
            .await
            .map_err(StoreError::from)?;
        if disabled {
            tx.delete_sessions_of(&user.id).await?;
        }
        tx.audit(AuditRecord {
            actor,
            action: if disabled {
                "user.disabled"
            } else {
                "user.enabled"
            },
            object: &format!("user:{}", user.id),
            details: json!({}),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces a user's roles, adjusting which unit keys they hold: a role that
    /// needs a key they lack gets a pending grant; losing every such role deletes
    /// their seal.
    pub async fn set_user_roles(
        &self,
        actor: &str,
        username: &Username,
        roles: &[Role],
    ) -> Result<(), AccountError> {
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        let mut tx = self.begin().await?;
        let user = tx.user_by_username_in_tx(username).await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(user.id.as_str())
            .execute(&mut *tx.tx)
            .await
            .map_err(StoreError::from)?;
        tx.insert_roles(&user.id, &roles).await?;
        tx.audit(AuditRecord {
            actor,
            action: "user.roles_changed",
            object: &format!("user:{}", user.id),
            details: json!({ "roles": roles.iter().map(|r| r.as_str()).collect::<Vec<_>>() }),
        })
        .await?;
        sync_unit_key_access(
            &mut tx,
            actor,
            &user.id,
            &user.unit_id,
            &user.public_key,
            &roles,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl WriteTx {
    async fn insert_roles(&mut self, user_id: &UserId, roles: &[Role]) -> Result<(), StoreError> {
        for role in roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(user_id.as_str())
                .bind(role.as_str())
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// A user read inside this transaction.
    pub(crate) async fn user_in_tx(&mut self, id: &UserId) -> Result<User, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.id = $1"
        ))
        .bind(id.as_str())
        .fetch_one(&mut *self.tx)
        .await?;
        let roles = roles_of(&mut self.tx, id).await?;
        user_from_row(&row, roles)
    }

    /// A user by username inside this transaction, or [`AccountError::UnknownUser`].
    pub(crate) async fn user_by_username_in_tx(
        &mut self,
        username: &Username,
    ) -> Result<User, AccountError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM {USER_FROM} WHERE u.username = $1"
        ))
        .bind(username.as_str())
        .fetch_optional(&mut *self.tx)
        .await
        .map_err(StoreError::from)?
        .ok_or_else(|| AccountError::UnknownUser(username.to_string()))?;
        let id = UserId::from_column(row.try_get("id").map_err(StoreError::from)?);
        let roles = roles_of(&mut self.tx, &id).await?;
        Ok(user_from_row(&row, roles)?)
    }

    pub(crate) async fn delete_sessions_of(&mut self, user_id: &UserId) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id.as_str())
            .execute(&mut *self.tx)
            .await?
            .rows_affected())
    }
}

impl Store {
    /// A user and their stored credentials, read outside any transaction (for a
    /// login or a password change, whose slow checks must not hold the writer).
    pub(crate) async fn user_with_credentials(
        &self,
        username: &Username,
    ) -> Result<Option<(User, StoredCredentials)>, StoreError> {
        let mut connection = self.reader().acquire().await?;
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS}, {CREDENTIAL_COLUMNS} FROM {USER_FROM} WHERE u.username = $1"
        ))
        .bind(username.as_str())
        .fetch_optional(&mut *connection)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let id = UserId::from_column(row.try_get("id")?);
                let roles = roles_of(&mut connection, &id).await?;
                Ok(Some((
                    user_from_row(&row, roles)?,
                    credentials_from_row(&row)?,
                )))
            }
        }
    }
}
