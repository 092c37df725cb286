//! What the server keeps to check a staff login: a password verifier and the
//! TOTP secret sealed under the server secret.
//!
//! The verifier is separate from the password-wrapped private key
//! ([`crate::staff_keys`]): each has its own salt, so neither helps against the
//! other, and a login can be refused before any key is touched. A verifier is
//! `0x61 ‖ KDF header (29 bytes) ‖ Argon2id output (32 bytes)`.
//!
//! The TOTP secret must be readable by the server at every login, so it cannot be
//! sealed to the user's own key. It is sealed with [`crate::symmetric::seal`]
//! under a key derived from the [`ServerSecret`], which lives in the data
//! directory and not in the database: a stolen database or backup alone does not
//! give the second factor away. The user's id is the associated data, so a sealed
//! secret copied onto another account does not open.

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::kdf::{KDF_HEADER_LEN, KdfHeader, KdfParams};
use crate::server_secret::ServerSecret;
use crate::symmetric::{DataKey, open, seal};

/// First byte of a password verifier: format "password verifier", version 1.
pub const PASSWORD_VERIFIER_VERSION: u8 = 0x61;
const VERIFIER_LEN: usize = 1 + KDF_HEADER_LEN + 32;
const TOTP_KEY_LABEL: &str = "khien-vault/totp-secret/v1";

/// A stored password verifier. No `Debug`: it is not the password, but it is
/// what an offline guesser would start from.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordVerifier(Vec<u8>);

impl PasswordVerifier {
    /// The stored form.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Reads a stored verifier, checking its structure.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let malformed = VaultError::Malformed {
            what: "password verifier",
        };
        match bytes.first() {
            None => return Err(malformed),
            Some(&PASSWORD_VERIFIER_VERSION) => {}
            Some(_) => {
                return Err(VaultError::UnsupportedVersion {
                    what: "password verifier",
                });
            }
        }
        if bytes.len() != VERIFIER_LEN {
            return Err(malformed);
        }
        KdfHeader::from_bytes(&bytes[1..1 + KDF_HEADER_LEN])?;
        Ok(Self(bytes.to_vec()))
    }

    /// The cost it was made with, so a login can re-hash when the cost is raised.
    pub fn params(&self) -> KdfParams {
        self.header().params
    }

    fn header(&self) -> KdfHeader {
        KdfHeader::from_bytes(&self.0[1..1 + KDF_HEADER_LEN])
            .expect("checked when the verifier was made or read")
    }
}

/// Hashes a password with Argon2id and a fresh salt. Slow on purpose: run it on a
/// blocking thread.
pub fn hash_password(
    password: &SecretString,
    params: &KdfParams,
) -> Result<PasswordVerifier, VaultError> {
    let header = KdfHeader::generate(*params);
    let derived = header.derive(normalised(password).as_bytes())?;
    let mut bytes = Vec::with_capacity(VERIFIER_LEN);
    bytes.push(PASSWORD_VERIFIER_VERSION);
    bytes.extend_from_slice(&header.to_bytes());
    bytes.extend_from_slice(derived.expose_secret());
    Ok(PasswordVerifier(bytes))
}

/// Whether `password` is the one the verifier was made from (constant-time compare).
pub fn verify_password(
    verifier: &PasswordVerifier,
    password: &SecretString,
) -> Result<bool, VaultError> {
    let derived = verifier.header().derive(normalised(password).as_bytes())?;
    let stored = DataKey::try_from_slice(&verifier.0[1 + KDF_HEADER_LEN..])?;
    Ok(derived == stored)
}

/// Does the work of a verification for a user who does not exist, so the time a
/// refused login takes does not tell whether the username is real.
pub fn burn_dummy_password(password: &SecretString, params: &KdfParams) {
    let header = KdfHeader::generate(*params);
    // The result is meaningless; only the time spent matters.
    let _ = header.derive(normalised(password).as_bytes());
}

/// Seals a user's TOTP secret under the server secret, bound to the user's id.
pub fn seal_totp_secret(server_secret: &ServerSecret, user_id: &str, secret: &[u8]) -> Vec<u8> {
    seal(&totp_key(server_secret), secret, user_id.as_bytes())
}

/// Opens what [`seal_totp_secret`] sealed for the same user.
pub fn open_totp_secret(
    server_secret: &ServerSecret,
    user_id: &str,
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    open(&totp_key(server_secret), sealed, user_id.as_bytes())
}

/// A key of its own, so the server secret's HMAC uses and this encryption never
/// share a key.
fn totp_key(server_secret: &ServerSecret) -> DataKey {
    DataKey::from_bytes(&server_secret.keyed_hash(TOTP_KEY_LABEL, b""))
}

/// As in [`crate::staff_keys`]: one password, whichever Unicode form it arrives in.
fn normalised(password: &SecretString) -> Zeroizing<String> {
    Zeroizing::new(password.expose_secret().nfc().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn password(text: &str) -> SecretString {
        SecretString::from(text)
    }

    #[test]
    fn a_verifier_accepts_its_password_only() {
        let verifier = hash_password(&password("mật khẩu dài"), &KdfParams::for_tests()).unwrap();
        assert_eq!(verifier.as_bytes().len(), VERIFIER_LEN);
        assert!(verify_password(&verifier, &password("mật khẩu dài")).unwrap());
        assert!(verify_password(&verifier, &password("mat khau dai")).is_ok_and(|ok| !ok));
        // The decomposed form of the same text is the same password.
        assert!(verify_password(&verifier, &password("mâ\u{0323}t khẩu dài")).unwrap());
        assert_eq!(verifier.params(), KdfParams::for_tests());
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_salt() {
        let a = hash_password(&password("pw"), &KdfParams::for_tests()).unwrap();
        let b = hash_password(&password("pw"), &KdfParams::for_tests()).unwrap();
        assert!(a != b);
    }

    #[test]
    fn stored_verifiers_round_trip_and_bad_ones_are_named() {
        let verifier = hash_password(&password("pw"), &KdfParams::for_tests()).unwrap();
        let again = PasswordVerifier::from_bytes(verifier.as_bytes()).unwrap();
        assert!(verify_password(&again, &password("pw")).unwrap());
        assert!(matches!(
            PasswordVerifier::from_bytes(&verifier.as_bytes()[..VERIFIER_LEN - 1]),
            Err(VaultError::Malformed { .. })
        ));
        let mut other_version = verifier.as_bytes().to_vec();
        other_version[0] = 0x62;
        assert!(matches!(
            PasswordVerifier::from_bytes(&other_version),
            Err(VaultError::UnsupportedVersion { .. })
        ));
        assert!(PasswordVerifier::from_bytes(&[]).is_err());
    }

    #[test]
    fn a_sealed_totp_secret_opens_for_its_user_and_server_only() {
        let server = ServerSecret::generate();
        let sealed = seal_totp_secret(&server, "user-a", b"12345678901234567890");
        assert_eq!(
            &open_totp_secret(&server, "user-a", &sealed).unwrap()[..],
            b"12345678901234567890"
        );
        assert_eq!(
            open_totp_secret(&server, "user-b", &sealed).unwrap_err(),
            VaultError::DecryptionFailed
        );
        assert_eq!(
            open_totp_secret(&ServerSecret::generate(), "user-a", &sealed).unwrap_err(),
            VaultError::DecryptionFailed
        );
    }
}
