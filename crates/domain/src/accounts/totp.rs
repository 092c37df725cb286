//! Time-based one-time passwords (RFC 6238): HMAC-SHA-1, 30-second steps, six
//! digits, the parameters every authenticator app defaults to.
//!
//! [`verify_totp`] is pure: the caller passes the time and the last step a code
//! was accepted for, and stores the step it returns, so that each code opens one
//! login only (a code read over a shoulder is useless once it has been used).

use hmac::{Hmac, Mac};
use secrecy::SecretString;
use sha1::Sha1;
use zeroize::Zeroizing;

/// Length of one step, in seconds.
pub const TOTP_STEP_SECONDS: u64 = 30;
const DIGITS: u32 = 6;
/// Codes one step early or late are accepted: phone clocks drift, people type slowly.
const ALLOWED_DRIFT_STEPS: u64 = 1;
const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const MIN_SECRET_BYTES: usize = 10;
const MAX_SECRET_BYTES: usize = 64;

/// A shared TOTP secret (20 random bytes for new accounts). No `Debug` or `Display`;
/// zeroed on drop.
pub struct TotpSecret(Zeroizing<Vec<u8>>);

/// Why a code or a secret was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    /// Not six digits, or a secret that is not base32 of a sensible length.
    #[error("one-time code: expected six digits")]
    Malformed,
    /// Six digits, but not the code for now.
    #[error("one-time code: wrong or expired")]
    Wrong,
    /// The right code, but it (or a later one) has already been used.
    #[error("one-time code: already used; wait for the next one")]
    Reused,
}

impl TotpSecret {
    /// Wraps secret bytes (from the operating system's random source, or from storage).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TotpError> {
        if !(MIN_SECRET_BYTES..=MAX_SECRET_BYTES).contains(&bytes.len()) {
            return Err(TotpError::Malformed);
        }
        Ok(Self(Zeroizing::new(bytes.to_vec())))
    }

    /// The raw bytes, for sealing at rest.
    pub fn expose_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Reads RFC 4648 base32 as an authenticator app shows it: any case, with
    /// spaces and `=` padding ignored.
    pub fn from_base32(text: &str) -> Result<Self, TotpError> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(text.len() * 5 / 8));
        let (mut buffer, mut bits) = (0u32, 0u32);
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
            let value = BASE32_ALPHABET
                .iter()
                .position(|&symbol| char::from(symbol) == c.to_ascii_uppercase())
                .ok_or(TotpError::Malformed)?;
            buffer = (buffer << 5) | value as u32;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes.push((buffer >> bits) as u8);
                buffer &= (1 << bits) - 1;
            }
        }
        Self::from_bytes(&bytes)
    }

    /// The secret as base32 without padding, for typing into an authenticator app.
    pub fn to_base32(&self) -> SecretString {
        let mut text = String::with_capacity(self.0.len() * 8 / 5 + 1);
        let (mut buffer, mut bits) = (0u32, 0u32);
        for &byte in self.0.iter() {
            buffer = (buffer << 8) | u32::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                text.push(char::from(
                    BASE32_ALPHABET[((buffer >> bits) & 0x1f) as usize],
                ));
            }
            buffer &= (1 << bits) - 1;
        }
        if bits > 0 {
            text.push(char::from(
                BASE32_ALPHABET[((buffer << (5 - bits)) & 0x1f) as usize],
            ));
        }
        SecretString::from(text)
    }

    /// An `otpauth://` URI for a QR code. `issuer` and `account` are percent-encoded.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> SecretString {
        use secrecy::ExposeSecret;
        let issuer = percent_encode(issuer);
        SecretString::from(format!(
            "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period=30",
            account = percent_encode(account),
            secret = self.to_base32().expose_secret(),
        ))
    }
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The code for one step (RFC 4226 HOTP with the step as counter), six digits.
pub fn totp_code(secret: &TotpSecret, step: u64) -> String {
    format!("{:06}", hotp(secret, step, DIGITS))
}

/// Checks `code` at `unix_time`. Returns the step it matched, which the caller
/// stores and passes back as `last_used_step` next time; a code for that step or
/// an earlier one is then [`TotpError::Reused`].
pub fn verify_totp(
    secret: &TotpSecret,
    code: &str,
    unix_time: u64,
    last_used_step: Option<u64>,
) -> Result<u64, TotpError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TotpError::Malformed);
    }
    let now = unix_time / TOTP_STEP_SECONDS;
    let mut matched = None;
    // Every candidate is computed and compared, so the time taken does not tell
    // which step (if any) matched.
    for step in now.saturating_sub(ALLOWED_DRIFT_STEPS)..=now + ALLOWED_DRIFT_STEPS {
        if constant_time_eq(totp_code(secret, step).as_bytes(), code.as_bytes()) {
            matched = Some(step);
        }
    }
    let step = matched.ok_or(TotpError::Wrong)?;
    match last_used_step {
        Some(last) if step <= last => Err(TotpError::Reused),
        _ => Ok(step),
    }
}

fn hotp(secret: &TotpSecret, counter: u64, digits: u32) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(&secret.0).expect("HMAC accepts keys of any length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    binary % 10u32.pow(digits)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    /// The SHA-1 seed of RFC 6238 Appendix B.
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890").unwrap()
    }

    #[test]
    fn rfc_6238_vectors_with_eight_digits() {
        let vectors = [
            (59, 94287082),
            (1111111109, 7081804),
            (1111111111, 14050471),
            (1234567890, 89005924),
            (2000000000, 69279037),
            (20000000000, 65353130),
        ];
        for (time, expected) in vectors {
            assert_eq!(
                hotp(&rfc_secret(), time / TOTP_STEP_SECONDS, 8),
                expected,
                "{time}"
            );
        }
    }

    #[test]
    fn rfc_6238_vectors_with_six_digits_verify() {
        let vectors = [
            (59, "287082"),
            (1111111109, "081804"),
            (1111111111, "050471"),
            (1234567890, "005924"),
            (2000000000, "279037"),
            (20000000000, "353130"),
        ];
        for (time, code) in vectors {
            assert_eq!(
                verify_totp(&rfc_secret(), code, time, None),
                Ok(time / 30),
                "{time}"
            );
        }
    }

    #[test]
    fn one_step_of_drift_is_allowed_and_two_are_not() {
        let secret = rfc_secret();
        let code = totp_code(&secret, 1000);
        assert_eq!(verify_totp(&secret, &code, 999 * 30, None), Ok(1000));
        assert_eq!(verify_totp(&secret, &code, 1001 * 30 + 29, None), Ok(1000));
        assert_eq!(
            verify_totp(&secret, &code, 998 * 30, None),
            Err(TotpError::Wrong)
        );
        assert_eq!(
            verify_totp(&secret, &code, 1002 * 30, None),
            Err(TotpError::Wrong)
        );
    }

    #[test]
    fn a_code_is_usable_once() {
        let secret = rfc_secret();
        let code = totp_code(&secret, 1000);
        let step = verify_totp(&secret, &code, 1000 * 30, None).unwrap();
        assert_eq!(
            verify_totp(&secret, &code, 1000 * 30 + 5, Some(step)),
            Err(TotpError::Reused)
        );
        // An older code, still inside the drift window, is refused too.
        let older = totp_code(&secret, 999);
        assert_eq!(
            verify_totp(&secret, &older, 1000 * 30, Some(step)),
            Err(TotpError::Reused)
        );
        let next = totp_code(&secret, 1001);
        assert_eq!(verify_totp(&secret, &next, 1001 * 30, Some(step)), Ok(1001));
    }

    #[test]
    fn malformed_codes_are_told_apart_from_wrong_ones() {
        let secret = rfc_secret();
        for code in ["", "12345", "1234567", "12a456"] {
            assert_eq!(
                verify_totp(&secret, code, 59, None),
                Err(TotpError::Malformed),
                "{code}"
            );
        }
        assert_eq!(verify_totp(&secret, "287 082", 59, None), Ok(1));
    }

    #[test]
    fn base32_matches_rfc_4648_and_round_trips() {
        // RFC 4648 section 10, without padding.
        let secret = TotpSecret::from_bytes(b"foobarfoobar").unwrap();
        assert_eq!(secret.to_base32().expose_secret(), "MZXW6YTBOJTG633CMFZA");
        assert_eq!(
            rfc_secret().to_base32().expose_secret(),
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        );
        let again = TotpSecret::from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").unwrap();
        assert_eq!(again.expose_bytes(), b"12345678901234567890");
        assert!(TotpSecret::from_base32("GEZDGNBV1").is_err());
        assert!(TotpSecret::from_base32("GEZA").is_err());
    }

    #[test]
    fn the_uri_carries_the_secret_and_encoded_labels() {
        let uri = rfc_secret().otpauth_uri("Khiên", "can.bo");
        assert_eq!(
            uri.expose_secret(),
            "otpauth://totp/Khi%C3%AAn:can.bo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Khi%C3%AAn&algorithm=SHA1&digits=6&period=30"
        );
    }
}
