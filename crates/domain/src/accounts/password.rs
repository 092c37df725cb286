//! The password policy for staff accounts.
//!
//! Length is what makes a password strong against an offline guesser, so the
//! policy asks for twelve characters and refuses the passwords that every
//! guesser tries first. It does not ask for "one digit, one symbol": those rules
//! produce `Matkhau123!`, which is on the list.

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::field_error::PasswordError;

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted, in characters.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Bundled so the check works offline, as the server must.
const COMMON_PASSWORDS: &str = include_str!("../../data/common-passwords.txt");

/// A new password that meets the policy, NFC-normalised. No `Debug` or `Display`.
pub struct Password(SecretString);

impl Password {
    /// Checks a new password against the policy.
    pub fn parse(input: SecretString) -> Result<Self, PasswordError> {
        let normalised: SecretString = input.expose_secret().nfc().collect::<String>().into();
        let actual = normalised.expose_secret().chars().count();
        if actual < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort {
                min: MIN_PASSWORD_CHARS,
                actual,
            });
        }
        if actual > MAX_PASSWORD_CHARS {
            return Err(PasswordError::TooLong {
                max: MAX_PASSWORD_CHARS,
            });
        }
        if is_common(normalised.expose_secret()) {
            return Err(PasswordError::Common);
        }
        Ok(Self(normalised))
    }

    /// The password, for hashing and key wrapping.
    pub fn expose(&self) -> &SecretString {
        &self.0
    }
}

fn is_common(password: &str) -> bool {
    let lowered = Zeroizing::new(password.to_lowercase());
    COMMON_PASSWORDS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line == lowered.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Password, PasswordError> {
        Password::parse(SecretString::from(text))
    }

    #[test]
    fn a_long_uncommon_password_is_accepted_and_composed() {
        let password = parse("Ngựa ô chạy qua cầu Vie\u{0323}\u{0302}t").unwrap();
        assert!(password.expose().expose_secret().ends_with("Vi\u{1ec7}t"));
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(
            parse("ngắnquáđi").err().unwrap(),
            PasswordError::TooShort { min: 12, actual: 9 }
        );
        // Twelve characters, more than twelve bytes.
        assert!(parse("ăâêôơưđăâêôơ").is_ok());
        assert_eq!(
            parse(&"x".repeat(257)).err().unwrap(),
            PasswordError::TooLong { max: 256 }
        );
    }

    #[test]
    fn common_passwords_are_refused_in_any_case() {
        for common in [
            "matkhau123456",
            "MatKhau123456",
            "anhyeuem1234",
            "123456789012",
            "qwertyuiop123",
        ] {
            assert_eq!(
                parse(common).err().unwrap(),
                PasswordError::Common,
                "{common}"
            );
        }
    }

    #[test]
    fn the_bundled_list_is_lowercase_and_long_enough_to_matter() {
        let entries: Vec<_> = COMMON_PASSWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(entries.len() > 300);
        assert!(
            entries
                .iter()
                .all(|e| *e == e.to_lowercase() && !e.is_empty())
        );
        let long_enough = entries
            .iter()
            .filter(|e| e.chars().count() >= MIN_PASSWORD_CHARS)
            .count();
        assert!(long_enough > 100, "{long_enough}");
    }

    #[test]
    fn the_error_never_repeats_the_password() {
        let message = parse("matkhau123456").err().unwrap().to_string();
        assert!(!message.contains("matkhau"));
    }
}
