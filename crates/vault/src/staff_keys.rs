//! Staff private keys at rest: sealed under the staff member's password and,
//! in a second blob, under their recovery key.
//!
//! A [`WrappedKey`] is
//!
//! - under a password: `0x21 ‖ 0x01 ‖ KDF header (29 bytes) ‖ seal (73 bytes)`;
//! - under a recovery key: `0x21 ‖ 0x02 ‖ seal (73 bytes)`;
//!
//! where `seal` is [`crate::symmetric::seal`] of the 32-byte X25519 private key,
//! with everything before it (prefixed by a label) as associated data, so the
//! stored cost parameters cannot be swapped without the blob failing to open.
//!
//! A wrong password or recovery key gives only [`VaultError::DecryptionFailed`].

use secrecy::{ExposeSecret, SecretString};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::kdf::{KDF_HEADER_LEN, KdfHeader, KdfParams};
use crate::recovery_key::RecoveryKey;
use crate::sealed_box::SecretKey;
use crate::symmetric::{DataKey, SEAL_OVERHEAD, open, seal};

/// First byte of a wrapped key: format "wrapped staff key", version 1.
pub const WRAPPED_KEY_VERSION: u8 = 0x21;
const KIND_PASSWORD: u8 = 0x01;
const KIND_RECOVERY_KEY: u8 = 0x02;
const BODY_LEN: usize = SEAL_OVERHEAD + 32;
const AAD_LABEL: &[u8] = b"khien-vault/staff-key/v1";

/// What a [`WrappedKey`] is sealed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrapKind {
    /// A password, through Argon2id.
    Password,
    /// A [`RecoveryKey`].
    RecoveryKey,
}

/// A staff private key sealed for storage. Holds only ciphertext and public
/// parameters, so it may be logged or copied freely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrappedKey(Vec<u8>);

impl WrappedKey {
    /// The stored form.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Reads a stored wrapped key, checking its structure (not its secret).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let malformed = VaultError::Malformed {
            what: "wrapped key",
        };
        let (&version, rest) = bytes.split_first().ok_or(malformed.clone())?;
        if version != WRAPPED_KEY_VERSION {
            return Err(VaultError::UnsupportedVersion {
                what: "wrapped key",
            });
        }
        let (&kind, rest) = rest.split_first().ok_or(malformed.clone())?;
        let body = match kind {
            KIND_PASSWORD => {
                if rest.len() < KDF_HEADER_LEN {
                    return Err(malformed);
                }
                KdfHeader::from_bytes(&rest[..KDF_HEADER_LEN])?;
                &rest[KDF_HEADER_LEN..]
            }
            KIND_RECOVERY_KEY => rest,
            _ => return Err(malformed),
        };
        if body.len() != BODY_LEN {
            return Err(malformed);
        }
        Ok(Self(bytes.to_vec()))
    }

    /// What this key is sealed under.
    pub fn kind(&self) -> WrapKind {
        match self.0[1] {
            KIND_PASSWORD => WrapKind::Password,
            _ => WrapKind::RecoveryKey,
        }
    }

    /// Splits into the authenticated prefix and the sealed body.
    fn split(&self) -> (&[u8], &[u8]) {
        self.0.split_at(self.0.len() - BODY_LEN)
    }
}

/// Seals a staff private key under a password with Argon2id and a fresh salt.
pub fn wrap_with_password(
    key: &SecretKey,
    password: &SecretString,
    params: &KdfParams,
) -> Result<WrappedKey, VaultError> {
    let header = KdfHeader::generate(*params);
    let wrapping_key = header.derive(normalised(password).as_bytes())?;
    let mut prefix = vec![WRAPPED_KEY_VERSION, KIND_PASSWORD];
    prefix.extend_from_slice(&header.to_bytes());
    Ok(wrap(&wrapping_key, prefix, key))
}

/// Seals a staff private key under a recovery key.
pub fn wrap_with_recovery_key(key: &SecretKey, recovery_key: &RecoveryKey) -> WrappedKey {
    let prefix = vec![WRAPPED_KEY_VERSION, KIND_RECOVERY_KEY];
    wrap(&recovery_key.wrapping_key(), prefix, key)
}

/// Opens a key wrapped by [`wrap_with_password`].
pub fn unwrap_with_password(
    wrapped: &WrappedKey,
    password: &SecretString,
) -> Result<SecretKey, VaultError> {
    if wrapped.kind() != WrapKind::Password {
        return Err(VaultError::InvalidParameters {
            what: "this key is wrapped under a recovery key, not a password",
        });
    }
    let (prefix, _) = wrapped.split();
    let header = KdfHeader::from_bytes(&prefix[2..])?;
    let wrapping_key = header.derive(normalised(password).as_bytes())?;
    unwrap(&wrapping_key, wrapped)
}

/// Opens a key wrapped by [`wrap_with_recovery_key`].
pub fn unwrap_with_recovery_key(
    wrapped: &WrappedKey,
    recovery_key: &RecoveryKey,
) -> Result<SecretKey, VaultError> {
    if wrapped.kind() != WrapKind::RecoveryKey {
        return Err(VaultError::InvalidParameters {
            what: "this key is wrapped under a password, not a recovery key",
        });
    }
    unwrap(&recovery_key.wrapping_key(), wrapped)
}

/// A password change: opens with the old password, seals under the new one
/// with a fresh salt and the given (possibly newer) parameters.
pub fn rewrap_password(
    wrapped: &WrappedKey,
    old_password: &SecretString,
    new_password: &SecretString,
    params: &KdfParams,
) -> Result<WrappedKey, VaultError> {
    let key = unwrap_with_password(wrapped, old_password)?;
    wrap_with_password(&key, new_password, params)
}

fn wrap(wrapping_key: &DataKey, mut prefix: Vec<u8>, key: &SecretKey) -> WrappedKey {
    let body = seal(wrapping_key, &key.to_bytes()[..], &associated_data(&prefix));
    prefix.extend_from_slice(&body);
    WrappedKey(prefix)
}

fn unwrap(wrapping_key: &DataKey, wrapped: &WrappedKey) -> Result<SecretKey, VaultError> {
    let (prefix, body) = wrapped.split();
    let bytes = open(wrapping_key, body, &associated_data(prefix))?;
    let bytes: Zeroizing<[u8; 32]> =
        Zeroizing::new(bytes[..].try_into().map_err(|_| VaultError::Malformed {
            what: "wrapped key",
        })?);
    Ok(SecretKey::from_bytes(&bytes))
}

fn associated_data(prefix: &[u8]) -> Vec<u8> {
    [AAD_LABEL, prefix].concat()
}

/// The same password typed on two systems can reach the server in two Unicode
/// forms (composed or decomposed Vietnamese vowels); NFC makes them one.
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
    fn a_key_wrapped_under_a_password_opens_with_it_only() {
        let key = SecretKey::generate();
        let wrapped =
            wrap_with_password(&key, &password("mật khẩu đúng"), &KdfParams::for_tests()).unwrap();
        assert_eq!(wrapped.kind(), WrapKind::Password);
        assert_eq!(wrapped.as_bytes().len(), 2 + KDF_HEADER_LEN + BODY_LEN);
        let opened = unwrap_with_password(&wrapped, &password("mật khẩu đúng")).unwrap();
        assert_eq!(opened.public_key(), key.public_key());
        assert_eq!(
            unwrap_with_password(&wrapped, &password("mật khẩu sai"))
                .err()
                .unwrap(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn composed_and_decomposed_passwords_are_one_password() {
        let key = SecretKey::generate();
        let composed = password("Vi\u{1ec7}t");
        let decomposed = password("Vie\u{0323}\u{0302}t");
        let wrapped = wrap_with_password(&key, &composed, &KdfParams::for_tests()).unwrap();
        let opened = unwrap_with_password(&wrapped, &decomposed).unwrap();
        assert_eq!(opened.public_key(), key.public_key());
    }

    #[test]
    fn a_key_wrapped_under_a_recovery_key_opens_with_it_only() {
        let key = SecretKey::generate();
        let recovery = RecoveryKey::generate();
        let wrapped = wrap_with_recovery_key(&key, &recovery);
        assert_eq!(wrapped.kind(), WrapKind::RecoveryKey);
        assert_eq!(wrapped.as_bytes().len(), 2 + BODY_LEN);
        let typed = RecoveryKey::parse(&recovery.grouped().expose_secret().to_lowercase()).unwrap();
        let opened = unwrap_with_recovery_key(&wrapped, &typed).unwrap();
        assert_eq!(opened.public_key(), key.public_key());
        assert_eq!(
            unwrap_with_recovery_key(&wrapped, &RecoveryKey::generate())
                .err()
                .unwrap(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn the_wrong_kind_of_secret_is_refused_before_any_work() {
        let key = SecretKey::generate();
        let recovery = RecoveryKey::generate();
        let by_recovery = wrap_with_recovery_key(&key, &recovery);
        let by_password =
            wrap_with_password(&key, &password("pw"), &KdfParams::for_tests()).unwrap();
        assert!(matches!(
            unwrap_with_password(&by_recovery, &password("pw")),
            Err(VaultError::InvalidParameters { .. })
        ));
        assert!(matches!(
            unwrap_with_recovery_key(&by_password, &recovery),
            Err(VaultError::InvalidParameters { .. })
        ));
    }

    #[test]
    fn a_password_change_keeps_the_key_and_retires_the_old_password() {
        let key = SecretKey::generate();
        let params = KdfParams::for_tests();
        let old = wrap_with_password(&key, &password("old"), &params).unwrap();
        let stronger = KdfParams {
            iterations: 2,
            ..params
        };
        let new = rewrap_password(&old, &password("old"), &password("new"), &stronger).unwrap();
        assert_eq!(
            unwrap_with_password(&new, &password("new"))
                .unwrap()
                .public_key(),
            key.public_key()
        );
        assert_eq!(
            unwrap_with_password(&new, &password("old")).err().unwrap(),
            VaultError::DecryptionFailed
        );
        assert_eq!(
            rewrap_password(&old, &password("wrong"), &password("new"), &params)
                .err()
                .unwrap(),
            VaultError::DecryptionFailed
        );
        let header = KdfHeader::from_bytes(&new.as_bytes()[2..2 + KDF_HEADER_LEN]).unwrap();
        assert_eq!(header.params, stronger);
    }

    #[test]
    fn stored_bytes_round_trip_and_tampering_is_caught() {
        let key = SecretKey::generate();
        let wrapped = wrap_with_password(&key, &password("pw"), &KdfParams::for_tests()).unwrap();
        let again = WrappedKey::from_bytes(wrapped.as_bytes()).unwrap();
        assert_eq!(again, wrapped);
        // Every byte of the salt and the body is covered; the parameters are too,
        // except that a change there may also be refused as out of range.
        for index in 0..wrapped.as_bytes().len() {
            let mut bytes = wrapped.as_bytes().to_vec();
            bytes[index] ^= 0x01;
            let outcome = WrappedKey::from_bytes(&bytes)
                .and_then(|tampered| unwrap_with_password(&tampered, &password("pw")));
            assert!(outcome.is_err(), "byte {index}");
        }
    }

    #[test]
    fn malformed_stored_bytes_are_named() {
        let wrapped = wrap_with_recovery_key(&SecretKey::generate(), &RecoveryKey::generate());
        let bytes = wrapped.as_bytes();
        assert_eq!(
            WrappedKey::from_bytes(&bytes[..bytes.len() - 1])
                .err()
                .unwrap(),
            VaultError::Malformed {
                what: "wrapped key"
            }
        );
        assert_eq!(
            WrappedKey::from_bytes(&[]).err().unwrap(),
            VaultError::Malformed {
                what: "wrapped key"
            }
        );
        let mut unknown_kind = bytes.to_vec();
        unknown_kind[1] = 0x03;
        assert_eq!(
            WrappedKey::from_bytes(&unknown_kind).err().unwrap(),
            VaultError::Malformed {
                what: "wrapped key"
            }
        );
        let mut unknown_version = bytes.to_vec();
        unknown_version[0] = 0x22;
        assert_eq!(
            WrappedKey::from_bytes(&unknown_version).err().unwrap(),
            VaultError::UnsupportedVersion {
                what: "wrapped key"
            }
        );
    }
}
