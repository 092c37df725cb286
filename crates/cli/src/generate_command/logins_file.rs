//! The logins file: for each generated unit, one staff member's username, password
//! and TOTP secret, so `khien-load read` (or a person) can log in and look at the
//! inbox. Written with mode 0600, as it holds passwords.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

/// One generated staff member the file gives.
#[derive(Clone)]
pub struct GeneratedLogin {
    /// Their unit's code.
    pub unit: String,
    /// Their unit's name.
    pub unit_name: String,
    /// Whether the unit is one of the big ones.
    pub big: bool,
    /// Cases generated for the unit (before any forwarding).
    pub cases: u64,
    /// Their username.
    pub username: String,
    /// Their password.
    pub password: SecretString,
    /// Their TOTP secret, base32.
    pub totp_secret: SecretString,
}

/// Writes (or replaces) the file at `path`.
pub fn write(path: &Path, logins: &[GeneratedLogin]) -> std::io::Result<()> {
    let document = json!({
        "note": "Tài khoản của dữ liệu sinh ra bởi `khien generate`, chỉ để đo hiệu năng. \
                 / Logins of data made by `khien generate`, for measurement only.",
        "logins": logins.iter().map(|login| json!({
            "unit": login.unit,
            "unit_name": login.unit_name,
            "big": login.big,
            "cases": login.cases,
            "username": login.username,
            "password": login.password.expose_secret(),
            "totp_secret": login.totp_secret.expose_secret(),
        })).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&document).map_err(std::io::Error::other)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    // `mode` applies only to a new file; an old one may have been readable.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}
