//! Reading users back from rows: the public record, and the stored credentials
//! that only login and password changes look at.

use std::collections::HashMap;

use khien_domain::accounts::{Role, UnitCode, Username};
use khien_vault::sealed_box::PublicKey;
use khien_vault::staff_keys::WrappedKey;
use khien_vault::staff_login::PasswordVerifier;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::users::User;
use super::{UnitId, UserId};
use crate::StoreError;
use crate::timestamp::parse_timestamp;

/// The columns [`user_from_row`] reads; `u` is `users`, `n` is `units`.
pub(crate) const USER_COLUMNS: &str = "u.id, u.username, u.unit_id, n.code AS unit_code, \
    u.public_key, u.disabled_at, u.failed_attempts, u.locked_until, u.totp_last_step, \
    u.created_at, u.password_changed_at";
pub(crate) const USER_FROM: &str = "users u JOIN units n ON n.id = u.unit_id";

/// What is stored to check a login and open the user's key. No `Debug`.
pub(crate) struct StoredCredentials {
    pub(crate) password_hash: PasswordVerifier,
    pub(crate) wrapped_key_password: WrappedKey,
    pub(crate) wrapped_key_recovery: WrappedKey,
    pub(crate) totp_secret_sealed: Vec<u8>,
}

pub(crate) const CREDENTIAL_COLUMNS: &str =
    "u.password_hash, u.wrapped_key_password, u.wrapped_key_recovery, u.totp_secret_sealed";

fn corrupt(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("users.{what}: {error}"))
}

pub(crate) fn user_from_row(row: &AnyRow, roles: Vec<Role>) -> Result<User, StoreError> {
    let username: String = row.try_get("username")?;
    let unit_code: String = row.try_get("unit_code")?;
    let public_key: Vec<u8> = row.try_get("public_key")?;
    let public_key: [u8; 32] = public_key
        .try_into()
        .map_err(|_| corrupt("public_key", "not 32 bytes"))?;
    let failed_attempts: i64 = row.try_get("failed_attempts")?;
    let totp_last_step: Option<i64> = row.try_get("totp_last_step")?;
    let optional_time = |column: &str| -> Result<_, StoreError> {
        row.try_get::<Option<String>, _>(column)?
            .map(|text| parse_timestamp(&text))
            .transpose()
    };
    Ok(User {
        id: UserId::from_column(row.try_get("id")?),
        username: Username::parse(&username).map_err(|e| corrupt("username", e))?,
        unit_id: UnitId::from_column(row.try_get("unit_id")?),
        unit_code: UnitCode::parse(&unit_code).map_err(|e| corrupt("unit code", e))?,
        roles,
        public_key: PublicKey::from_bytes(&public_key).map_err(|e| corrupt("public_key", e))?,
        disabled: optional_time("disabled_at")?.is_some(),
        failed_attempts: u32::try_from(failed_attempts)
            .map_err(|e| corrupt("failed_attempts", e))?,
        locked_until: optional_time("locked_until")?,
        totp_last_step: totp_last_step
            .map(u64::try_from)
            .transpose()
            .map_err(|e| corrupt("totp_last_step", e))?,
        created_at: parse_timestamp(&row.try_get::<String, _>("created_at")?)?,
        password_changed_at: parse_timestamp(&row.try_get::<String, _>("password_changed_at")?)?,
    })
}

pub(crate) fn credentials_from_row(row: &AnyRow) -> Result<StoredCredentials, StoreError> {
    let bytes = |column: &str| row.try_get::<Vec<u8>, _>(column);
    Ok(StoredCredentials {
        password_hash: PasswordVerifier::from_bytes(&bytes("password_hash")?)
            .map_err(|e| corrupt("password_hash", e))?,
        wrapped_key_password: WrappedKey::from_bytes(&bytes("wrapped_key_password")?)
            .map_err(|e| corrupt("wrapped_key_password", e))?,
        wrapped_key_recovery: WrappedKey::from_bytes(&bytes("wrapped_key_recovery")?)
            .map_err(|e| corrupt("wrapped_key_recovery", e))?,
        totp_secret_sealed: bytes("totp_secret_sealed")?,
    })
}

fn parse_role(text: &str) -> Result<Role, StoreError> {
    text.parse().map_err(|e| corrupt("role", e))
}

/// The roles of one user, in the order of [`Role::ALL`].
pub(crate) async fn roles_of(
    connection: &mut AnyConnection,
    user_id: &UserId,
) -> Result<Vec<Role>, StoreError> {
    let mut roles = sqlx::query("SELECT role FROM user_roles WHERE user_id = $1")
        .bind(user_id.as_str())
        .fetch_all(connection)
        .await?
        .iter()
        .map(|row| parse_role(&row.try_get::<String, _>("role")?))
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort();
    Ok(roles)
}

/// Every user's roles, for listing.
pub(crate) async fn all_roles(
    connection: &mut AnyConnection,
) -> Result<HashMap<String, Vec<Role>>, StoreError> {
    let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
    for row in sqlx::query("SELECT user_id, role FROM user_roles")
        .fetch_all(connection)
        .await?
    {
        let role = parse_role(&row.try_get::<String, _>("role")?)?;
        roles.entry(row.try_get("user_id")?).or_default().push(role);
    }
    for list in roles.values_mut() {
        list.sort();
    }
    Ok(roles)
}
