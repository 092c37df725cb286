//! Changing what protects a user's key: their own password change, recovery with
//! the recovery key, and an administrator's reset.

use chrono::Utc;
use khien_domain::accounts::{Password, Username};
use khien_vault::error::VaultError;
use khien_vault::kdf::KdfParams;
use khien_vault::recovery_key::RecoveryKey;
use khien_vault::server_secret::ServerSecret;
use khien_vault::staff_keys::{
    unwrap_with_password, unwrap_with_recovery_key, wrap_with_password, wrap_with_recovery_key,
};
use khien_vault::staff_login::hash_password;
use secrecy::SecretString;
use serde_json::json;

use super::AccountError;
use super::slow_crypto::off_the_runtime;
use super::unit_keys::sync_unit_key_access;
use super::users::{Enrolment, fresh_credentials};
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

impl Store {
    /// A user changes their own password: the key is opened with the old password
    /// and wrapped under the new one. The recovery key and the key pair stay.
    /// A wrong old password is [`AccountError::WrongPassword`]. Other sessions
    /// stay valid (their copy of the key is the same key); the web layer may end them.
    pub async fn change_password(
        &self,
        actor: &str,
        username: &Username,
        old_password: &SecretString,
        new_password: &Password,
        params: &KdfParams,
    ) -> Result<(), AccountError> {
        let (user, stored) = self
            .user_with_credentials(username)
            .await?
            .ok_or_else(|| AccountError::UnknownUser(username.to_string()))?;
        let old = old_password.clone();
        let new = new_password.expose().clone();
        let wrapped = stored.wrapped_key_password.clone();
        let params = *params;
        let (password_hash, wrapped_key_password) = off_the_runtime(move || {
            let key = unwrap_with_password(&wrapped, &old).map_err(|error| match error {
                VaultError::DecryptionFailed => AccountError::WrongPassword,
                other => other.into(),
            })?;
            Ok::<_, AccountError>((
                hash_password(&new, &params)?,
                wrap_with_password(&key, &new, &params)?,
            ))
        })
        .await??;

        let mut tx = self.begin().await?;
        // Only if nothing changed the password meanwhile: two changes racing must
        // not leave the verifier and the wrapped key from different passwords.
        let updated = sqlx::query(
            "UPDATE users SET password_hash = $1, wrapped_key_password = $2, \
             password_changed_at = $3 WHERE id = $4 AND wrapped_key_password = $5",
        )
        .bind(password_hash.as_bytes().to_vec())
        .bind(wrapped_key_password.as_bytes().to_vec())
        .bind(format_timestamp(Utc::now()))
        .bind(user.id.as_str())
        .bind(stored.wrapped_key_password.as_bytes().to_vec())
        .execute(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?
        .rows_affected();
        if updated != 1 {
            return Err(AccountError::duplicate(
                "users.password changed concurrently",
            ));
        }
        tx.audit(AuditRecord {
            actor,
            action: "user.password_changed",
            object: &format!("user:{}", user.id),
            details: json!({}),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A user who forgot their password proves themselves with their recovery
    /// key: the same key pair is wrapped under a new password and under a **new**
    /// recovery key, which is returned to be shown once (the old one has been typed
    /// somewhere and is retired). Ends the user's sessions and clears a lockout.
    /// The TOTP secret is unchanged. A wrong key is [`AccountError::WrongRecoveryKey`].
    pub async fn recover_with_recovery_key(
        &self,
        actor: &str,
        username: &Username,
        recovery_key: &RecoveryKey,
        new_password: &Password,
        params: &KdfParams,
    ) -> Result<RecoveryKey, AccountError> {
        let (user, stored) = self
            .user_with_credentials(username)
            .await?
            .ok_or_else(|| AccountError::UnknownUser(username.to_string()))?;
        let key = unwrap_with_recovery_key(&stored.wrapped_key_recovery, recovery_key).map_err(
            |error| match error {
                VaultError::DecryptionFailed => AccountError::WrongRecoveryKey,
                other => other.into(),
            },
        )?;
        let new_recovery_key = RecoveryKey::generate();
        let wrapped_key_recovery = wrap_with_recovery_key(&key, &new_recovery_key);
        let new = new_password.expose().clone();
        let key_bytes = key.to_bytes();
        let params = *params;
        let (password_hash, wrapped_key_password) = off_the_runtime(move || {
            let key = khien_vault::sealed_box::SecretKey::from_bytes(&key_bytes);
            Ok::<_, AccountError>((
                hash_password(&new, &params)?,
                wrap_with_password(&key, &new, &params)?,
            ))
        })
        .await??;

        let mut tx = self.begin().await?;
        let updated = sqlx::query(
            "UPDATE users SET password_hash = $1, wrapped_key_password = $2, \
             wrapped_key_recovery = $3, password_changed_at = $4, failed_attempts = 0, \
             locked_until = NULL WHERE id = $5 AND wrapped_key_recovery = $6",
        )
        .bind(password_hash.as_bytes().to_vec())
        .bind(wrapped_key_password.as_bytes().to_vec())
        .bind(wrapped_key_recovery.as_bytes().to_vec())
        .bind(format_timestamp(Utc::now()))
        .bind(user.id.as_str())
        .bind(stored.wrapped_key_recovery.as_bytes().to_vec())
        .execute(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?
        .rows_affected();
        if updated != 1 {
            return Err(AccountError::duplicate(
                "users.recovery key changed concurrently",
            ));
        }
        tx.delete_sessions_of(&user.id).await?;
        tx.audit(AuditRecord {
            actor,
            action: "user.recovered",
            object: &format!("user:{}", user.id),
            details: json!({}),
        })
        .await?;
        tx.commit().await?;
        Ok(new_recovery_key)
    }

    /// An administrator resets a user who lost both password and recovery key (or
    /// their phone): a NEW key pair, recovery key and TOTP secret, returned to be
    /// handed over once. The administrator never sees the old key; the user loses
    /// every unit key sealed to it and gets pending grants instead (or a fresh unit
    /// key, if nobody else held it). Ends the user's sessions and clears a lockout.
    pub async fn admin_reset_user(
        &self,
        actor: &str,
        username: &Username,
        new_password: &Password,
        server_secret: &ServerSecret,
        params: &KdfParams,
    ) -> Result<Enrolment, AccountError> {
        let existing = self
            .user_by_username(username)
            .await?
            .ok_or_else(|| AccountError::UnknownUser(username.to_string()))?;
        let fresh = fresh_credentials(&existing.id, new_password, server_secret, params).await?;

        let mut tx = self.begin().await?;
        let user = tx.user_by_username_in_tx(username).await?;
        sqlx::query(
            "UPDATE users SET password_hash = $1, totp_secret_sealed = $2, totp_last_step = NULL, \
             public_key = $3, wrapped_key_password = $4, wrapped_key_recovery = $5, \
             failed_attempts = 0, locked_until = NULL, password_changed_at = $6 WHERE id = $7",
        )
        .bind(fresh.stored.password_hash.as_bytes().to_vec())
        .bind(fresh.stored.totp_secret_sealed.clone())
        .bind(fresh.private_key.public_key().to_bytes().to_vec())
        .bind(fresh.stored.wrapped_key_password.as_bytes().to_vec())
        .bind(fresh.stored.wrapped_key_recovery.as_bytes().to_vec())
        .bind(format_timestamp(Utc::now()))
        .bind(user.id.as_str())
        .execute(&mut *tx.tx)
        .await
        .map_err(StoreError::from)?;
        tx.delete_sessions_of(&user.id).await?;
        tx.forget_unit_keys_of(&user.id).await?;
        tx.audit(AuditRecord {
            actor,
            action: "user.reset",
            object: &format!("user:{}", user.id),
            details: json!({}),
        })
        .await?;
        sync_unit_key_access(
            &mut tx,
            actor,
            &user.id,
            &user.unit_id,
            &fresh.private_key.public_key(),
            &user.roles,
        )
        .await?;
        let user = tx.user_in_tx(&user.id).await?;
        tx.commit().await?;
        Ok(Enrolment {
            user,
            totp_secret: fresh.totp_secret,
            recovery_key: fresh.recovery_key,
        })
    }
}
