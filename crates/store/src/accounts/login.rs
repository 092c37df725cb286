//! Checking a staff login: password, then TOTP, with lockout and single-use codes.

use chrono::{DateTime, Duration, Utc};
use khien_domain::accounts::{TotpError, TotpSecret, Username, verify_totp};
use khien_vault::error::VaultError;
use khien_vault::kdf::KdfParams;
use khien_vault::sealed_box::SecretKey;
use khien_vault::server_secret::ServerSecret;
use khien_vault::staff_keys::unwrap_with_password;
use khien_vault::staff_login::{burn_dummy_password, open_totp_secret, verify_password};
use secrecy::SecretString;
use serde_json::json;
use sqlx::Row;

use super::UserId;
use super::slow_crypto::off_the_runtime;
use super::users::User;
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

/// Failed logins in a row before the account is locked.
pub const MAX_FAILED_ATTEMPTS: u32 = 5;
/// How long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 15;

/// What someone typed at the login form. No `Debug`.
pub struct LoginAttempt<'a> {
    /// The username as typed.
    pub username: &'a str,
    /// The password as typed.
    pub password: &'a SecretString,
    /// The six-digit code as typed.
    pub totp_code: &'a str,
    /// The time of the attempt.
    pub now: DateTime<Utc>,
}

/// A successful login: the user and their private key, to be sealed into the
/// session. No `Debug`.
pub struct LoggedIn {
    /// The user.
    pub user: User,
    /// Their X25519 private key, unwrapped with the password.
    pub private_key: SecretKey,
}

/// Why a login failed.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Unknown user, wrong password, wrong or reused code, or a disabled account:
    /// one answer for all, so the form does not tell a guesser which part was wrong.
    #[error("wrong username, password or code")]
    Rejected,
    /// Too many failures; try again after `until`.
    #[error("too many failed attempts; try again after {until}")]
    Locked {
        /// When logins are accepted again.
        until: DateTime<Utc>,
    },
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored credential could not be used.
    #[error("stored credentials are unusable: {0}")]
    Vault(#[from] VaultError),
}

/// Why a login failed, as the audit entry records it (never shown to the client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginFailure {
    /// The password was wrong.
    Password,
    /// The code was wrong or malformed.
    Totp,
    /// The code was right but already used.
    TotpReused,
    /// The account is disabled.
    Disabled,
}

impl LoginFailure {
    fn as_str(self) -> &'static str {
        match self {
            LoginFailure::Password => "password",
            LoginFailure::Totp => "totp",
            LoginFailure::TotpReused => "totp_reused",
            LoginFailure::Disabled => "disabled",
        }
    }
}

impl Store {
    /// Checks a login and, if it succeeds, returns the user's unwrapped private key.
    ///
    /// An unknown username costs the same Argon2 work as a known one. A wrong
    /// password or code counts towards a lockout of [`LOCKOUT_MINUTES`] after
    /// [`MAX_FAILED_ATTEMPTS`]; a success resets the count and records the code's
    /// step so the code cannot be used again. Audits `user.logged_in` or
    /// `user.login_failed` (with the reason) for known users.
    pub async fn authenticate(
        &self,
        attempt: LoginAttempt<'_>,
        server_secret: &ServerSecret,
        params: &KdfParams,
    ) -> Result<LoggedIn, LoginError> {
        let found = match Username::parse(attempt.username) {
            Ok(username) => self.user_with_credentials(&username).await?,
            Err(_) => None,
        };
        let password = attempt.password.clone();
        let Some((user, stored)) = found else {
            let params = *params;
            off_the_runtime(move || burn_dummy_password(&password, &params)).await?;
            return Err(LoginError::Rejected);
        };
        if let Some(until) = user.locked_until
            && until > attempt.now
        {
            return Err(LoginError::Locked { until });
        }
        let verifier = stored.password_hash.clone();
        let wrapped = stored.wrapped_key_password.clone();
        // The key is unwrapped only after the password checked out, so a wrong
        // guess costs one Argon2 run, not two.
        let checked = off_the_runtime(move || -> Result<Option<SecretKey>, VaultError> {
            if !verify_password(&verifier, &password)? {
                return Ok(None);
            }
            unwrap_with_password(&wrapped, &password).map(Some)
        })
        .await??;
        let Some(private_key) = checked else {
            self.record_login_failure(&user.id, LoginFailure::Password, attempt.now)
                .await?;
            return Err(LoginError::Rejected);
        };
        // Checked after the password, so a guesser cannot tell disabled accounts apart.
        if user.disabled {
            self.record_login_failure(&user.id, LoginFailure::Disabled, attempt.now)
                .await?;
            return Err(LoginError::Rejected);
        }
        let secret = open_totp_secret(server_secret, user.id.as_str(), &stored.totp_secret_sealed)?;
        let secret = TotpSecret::from_bytes(&secret)
            .map_err(|_| StoreError::Corrupt("users.totp_secret_sealed: bad length".into()))?;
        let unix_time = u64::try_from(attempt.now.timestamp()).unwrap_or(0);
        let step = match verify_totp(&secret, attempt.totp_code, unix_time, user.totp_last_step) {
            Ok(step) => step,
            Err(error) => {
                let reason = match error {
                    TotpError::Reused => LoginFailure::TotpReused,
                    TotpError::Malformed | TotpError::Wrong => LoginFailure::Totp,
                };
                self.record_login_failure(&user.id, reason, attempt.now)
                    .await?;
                return Err(LoginError::Rejected);
            }
        };
        if !self.record_login_success(&user.id, step).await? {
            // Another login used the same code a moment ago.
            self.record_login_failure(&user.id, LoginFailure::TotpReused, attempt.now)
                .await?;
            return Err(LoginError::Rejected);
        }
        let user = self
            .user_by_id(&user.id)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(LoggedIn { user, private_key })
    }

    /// Counts a failed login, locking the account at [`MAX_FAILED_ATTEMPTS`], and
    /// audits it with its reason.
    pub async fn record_login_failure(
        &self,
        user_id: &UserId,
        reason: LoginFailure,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let row = sqlx::query("SELECT failed_attempts FROM users WHERE id = $1")
            .bind(user_id.as_str())
            .fetch_one(&mut *tx.tx)
            .await?;
        let failed: i64 = row.try_get("failed_attempts")?;
        let failed = failed + 1;
        let locks = failed >= i64::from(MAX_FAILED_ATTEMPTS);
        let update = if locks {
            sqlx::query("UPDATE users SET failed_attempts = 0, locked_until = $1 WHERE id = $2")
                .bind(format_timestamp(now + Duration::minutes(LOCKOUT_MINUTES)))
        } else {
            sqlx::query("UPDATE users SET failed_attempts = $1 WHERE id = $2").bind(failed)
        };
        update.bind(user_id.as_str()).execute(&mut *tx.tx).await?;
        tx.audit(AuditRecord {
            actor: "anonymous",
            action: "user.login_failed",
            object: &format!("user:{user_id}"),
            details: json!({ "reason": reason.as_str(), "locked": locks }),
        })
        .await?;
        tx.commit().await
    }

    /// Records a successful login at TOTP `step`: resets the failure count and
    /// stores the step. Returns `false` (and changes nothing) if a code for this
    /// step or a later one was already used, which makes each code single-use even
    /// under two simultaneous logins.
    pub async fn record_login_success(
        &self,
        user_id: &UserId,
        step: u64,
    ) -> Result<bool, StoreError> {
        let step = i64::try_from(step)
            .map_err(|_| StoreError::Corrupt(format!("TOTP step {step} out of range")))?;
        let mut tx = self.begin().await?;
        let updated = sqlx::query(
            "UPDATE users SET failed_attempts = 0, locked_until = NULL, totp_last_step = $1 \
             WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user_id.as_str())
        .execute(&mut *tx.tx)
        .await?
        .rows_affected();
        if updated != 1 {
            return Ok(false);
        }
        tx.audit(AuditRecord {
            actor: &format!("user:{user_id}"),
            action: "user.logged_in",
            object: &format!("user:{user_id}"),
            details: json!({}),
        })
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
