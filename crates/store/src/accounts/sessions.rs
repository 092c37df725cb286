//! Staff sessions as rows. The web layer makes the random id and the cookie key;
//! the store keeps only SHA-256 of the id and the private key sealed under the
//! cookie key, so the database alone opens no session.
//!
//! Session writes are not audited: the login that makes a session is, and a row
//! per request would drown the chain.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::UserId;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A session to store. No `Debug`.
pub struct NewSession {
    /// SHA-256 of the random session id the cookie carries.
    pub id_hash: [u8; 32],
    /// Whose session it is.
    pub user_id: UserId,
    /// When it was made (also its first "last seen").
    pub now: DateTime<Utc>,
    /// When it ends however active it is.
    pub absolute_expires_at: DateTime<Utc>,
    /// The user's private key, sealed under a key only the cookie carries.
    pub sealed_private_key: Vec<u8>,
    /// The token forms must echo.
    pub csrf_token: String,
}

/// A stored session. No `Debug`.
pub struct SessionRecord {
    /// SHA-256 of the session id.
    pub id_hash: [u8; 32],
    /// Whose session it is.
    pub user_id: UserId,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it was last used.
    pub last_seen_at: DateTime<Utc>,
    /// When it ends however active it is.
    pub absolute_expires_at: DateTime<Utc>,
    /// The user's private key, sealed under the cookie's key.
    pub sealed_private_key: Vec<u8>,
    /// The token forms must echo.
    pub csrf_token: String,
}

impl SessionRecord {
    /// Whether the session may still be used at `now`: before its absolute expiry
    /// and used within the last `idle`.
    pub fn is_live(&self, now: DateTime<Utc>, idle: Duration) -> bool {
        now < self.absolute_expires_at && now < self.last_seen_at + idle
    }
}

fn session_from_row(row: &AnyRow) -> Result<SessionRecord, StoreError> {
    let id_hash: Vec<u8> = row.try_get("id_hash")?;
    let time = |column: &str| -> Result<DateTime<Utc>, StoreError> {
        parse_timestamp(&row.try_get::<String, _>(column)?)
    };
    Ok(SessionRecord {
        id_hash: id_hash
            .try_into()
            .map_err(|_| StoreError::Corrupt("sessions.id_hash is not 32 bytes".into()))?,
        user_id: UserId::from_column(row.try_get("user_id")?),
        created_at: time("created_at")?,
        last_seen_at: time("last_seen_at")?,
        absolute_expires_at: time("absolute_expires_at")?,
        sealed_private_key: row.try_get("sealed_private_key")?,
        csrf_token: row.try_get("csrf_token")?,
    })
}

impl Store {
    /// Stores a new session.
    pub async fn create_session(&self, session: &NewSession) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let now = format_timestamp(session.now);
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, \
             absolute_expires_at, sealed_private_key, csrf_token) \
             VALUES ($1, $2, $3, $3, $4, $5, $6)",
        )
        .bind(session.id_hash.to_vec())
        .bind(session.user_id.as_str())
        .bind(&now)
        .bind(format_timestamp(session.absolute_expires_at))
        .bind(session.sealed_private_key.clone())
        .bind(&session.csrf_token)
        .execute(&mut *tx.tx)
        .await?;
        tx.commit().await
    }

    /// The session with this id hash, live or not: check [`SessionRecord::is_live`].
    pub async fn find_session(
        &self,
        id_hash: &[u8; 32],
    ) -> Result<Option<SessionRecord>, StoreError> {
        sqlx::query(
            "SELECT id_hash, user_id, created_at, last_seen_at, absolute_expires_at, \
             sealed_private_key, csrf_token FROM sessions WHERE id_hash = $1",
        )
        .bind(id_hash.to_vec())
        .fetch_optional(self.reader())
        .await?
        .map(|row| session_from_row(&row))
        .transpose()
    }

    /// Records that the session was used at `now`.
    pub async fn touch_session(
        &self,
        id_hash: &[u8; 32],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(format_timestamp(now))
            .bind(id_hash.to_vec())
            .execute(&mut *tx.tx)
            .await?;
        tx.commit().await
    }

    /// Ends one session (logout). Ending one that does not exist is not an error.
    pub async fn delete_session(&self, id_hash: &[u8; 32]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash.to_vec())
            .execute(&mut *tx.tx)
            .await?;
        tx.commit().await
    }

    /// Ends every session of a user. Returns how many there were.
    pub async fn delete_sessions_for_user(&self, user_id: &UserId) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let deleted = tx.delete_sessions_of(user_id).await?;
        tx.commit().await?;
        Ok(deleted)
    }

    /// Deletes sessions past their absolute expiry or idle for longer than `idle`.
    /// Returns how many.
    pub async fn delete_expired_sessions(
        &self,
        now: DateTime<Utc>,
        idle: Duration,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        // Timestamps are fixed-width UTC text, so text comparison is time order.
        let deleted = sqlx::query(
            "DELETE FROM sessions WHERE absolute_expires_at <= $1 OR last_seen_at <= $2",
        )
        .bind(format_timestamp(now))
        .bind(format_timestamp(now - idle))
        .execute(&mut *tx.tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(deleted)
    }
}
