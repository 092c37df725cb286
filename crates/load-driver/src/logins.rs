//! The logins file `khien generate` writes: one intake officer per generated unit,
//! with password and TOTP secret. `read` logs in as one of them.

use std::path::Path;

use serde::Deserialize;

/// One generated staff member. No `Debug`: it holds a password.
#[derive(Deserialize)]
pub struct GeneratedLogin {
    /// Their unit's code.
    pub unit: String,
    /// Cases in the unit when it was generated.
    pub cases: u64,
    /// Their username.
    pub username: String,
    /// Their password.
    pub password: String,
    /// Their TOTP secret (base32).
    pub totp_secret: String,
}

#[derive(Deserialize)]
struct LoginsFile {
    logins: Vec<GeneratedLogin>,
}

/// Reads the file and picks the login of `unit`, or of the unit with the most
/// cases when no unit is named.
pub fn pick_login(path: &Path, unit: Option<&str>) -> Result<GeneratedLogin, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    choose(&text, unit).map_err(|error| format!("{}: {error}", path.display()))
}

fn choose(text: &str, unit: Option<&str>) -> Result<GeneratedLogin, String> {
    let file: LoginsFile = serde_json::from_str(text)
        .map_err(|error| format!("not a logins file of `khien generate`: {error}"))?;
    let mut logins = file.logins;
    let index = match unit {
        Some(code) => logins
            .iter()
            .position(|login| login.unit.eq_ignore_ascii_case(code))
            .ok_or_else(|| format!("no login for unit {code}"))?,
        None => logins
            .iter()
            .enumerate()
            .max_by_key(|(_, login)| login.cases)
            .map(|(index, _)| index)
            .ok_or("the file lists no login")?,
    };
    Ok(logins.swap_remove(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"note": "…", "logins": [
        {"unit": "GEN-SO-TC", "unit_name": "Sở Tài chính", "big": true, "cases": 12,
         "username": "gen.so-tc.tiepnhan", "password": "p1", "totp_secret": "AAAA"},
        {"unit": "GEN-TTT", "unit_name": "Thanh tra tỉnh", "big": true, "cases": 35,
         "username": "gen.ttt.tiepnhan", "password": "p2", "totp_secret": "BBBB"}]}"#;

    #[test]
    fn the_biggest_unit_is_the_default_and_a_unit_can_be_named() {
        assert_eq!(choose(FILE, None).unwrap().username, "gen.ttt.tiepnhan");
        assert_eq!(
            choose(FILE, Some("gen-so-tc")).unwrap().username,
            "gen.so-tc.tiepnhan"
        );
        assert!(matches!(choose(FILE, Some("GEN-CA")), Err(e) if e.contains("GEN-CA")));
        assert!(choose("{}", None).is_err());
    }
}
