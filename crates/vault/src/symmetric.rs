//! Symmetric keys and sealing with XChaCha20-Poly1305.
//!
//! A sealed blob is `0x01 ‖ nonce (24 bytes) ‖ ciphertext ‖ tag (16 bytes)`. The
//! nonce is random: XChaCha20's 192-bit nonce makes random nonces safe for any
//! number of messages under one key, so no counter has to be stored anywhere.
//!
//! Associated data is authenticated but not stored: callers pass something like
//! `case id ‖ field name`, so a ciphertext copied into another row or field fails
//! to open instead of showing the wrong case's text.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use secrecy::{ExposeSecret, SecretBox};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::random::random_bytes;

/// First byte of a sealed blob: format "symmetric seal", version 1.
pub const SEAL_VERSION: u8 = 0x01;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// How many bytes [`seal`] adds to the plaintext.
pub const SEAL_OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN;

/// A 32-byte symmetric key: a case key, an identity key, a reporter's key.
///
/// It lives on the heap and is zeroed when dropped. It has no `Debug` or
/// `Display`, so it cannot end up in a log line by accident; equality is
/// constant-time.
pub struct DataKey(SecretBox<[u8; 32]>);

impl DataKey {
    /// Makes a new random key.
    pub fn generate() -> Self {
        Self::init_with(|bytes| *bytes = random_bytes::<32>())
    }

    /// Rebuilds a key from bytes the caller kept (for example after opening a sealed key).
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self::init_with(|key| key.copy_from_slice(bytes))
    }

    /// Rebuilds a key from a slice, which must be exactly 32 bytes long.
    pub fn try_from_slice(bytes: &[u8]) -> Result<Self, VaultError> {
        if bytes.len() != 32 {
            return Err(VaultError::Malformed { what: "data key" });
        }
        Ok(Self::init_with(|key| key.copy_from_slice(bytes)))
    }

    /// Builds the key in place on the heap so no copy is left on the stack.
    pub(crate) fn init_with(fill: impl FnOnce(&mut [u8; 32])) -> Self {
        Self(SecretBox::init_with_mut(fill))
    }

    /// The key's bytes. Named like `secrecy`'s method so each use stands out in review.
    pub fn expose_secret(&self) -> &[u8; 32] {
        self.0.expose_secret()
    }
}

impl ConstantTimeEq for DataKey {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.expose_secret().ct_eq(other.expose_secret())
    }
}

impl PartialEq for DataKey {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for DataKey {}

/// Encrypts and authenticates `plaintext` under `key`, binding it to `associated_data`.
pub fn seal(key: &DataKey, plaintext: &[u8], associated_data: &[u8]) -> Vec<u8> {
    seal_with_nonce(
        key,
        &random_bytes::<NONCE_LEN>(),
        plaintext,
        associated_data,
    )
}

fn seal_with_nonce(
    key: &DataKey,
    nonce: &[u8; NONCE_LEN],
    plaintext: &[u8],
    associated_data: &[u8],
) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.expose_secret().into());
    let aad = versioned_aad(associated_data);
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .expect("XChaCha20-Poly1305 encrypts any message shorter than 256 GiB");
    let mut sealed = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    sealed.push(SEAL_VERSION);
    sealed.extend_from_slice(nonce);
    sealed.extend_from_slice(&ciphertext);
    sealed
}

/// Checks and decrypts a blob made by [`seal`] with the same key and associated data.
///
/// Any mismatch (key, associated data, a flipped bit) gives
/// [`VaultError::DecryptionFailed`] and nothing else.
pub fn open(
    key: &DataKey,
    sealed: &[u8],
    associated_data: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let (&version, rest) = sealed.split_first().ok_or(VaultError::Malformed {
        what: "sealed blob",
    })?;
    if version != SEAL_VERSION {
        return Err(VaultError::UnsupportedVersion {
            what: "sealed blob",
        });
    }
    if rest.len() < NONCE_LEN + TAG_LEN {
        return Err(VaultError::Malformed {
            what: "sealed blob",
        });
    }
    let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(key.expose_secret().into());
    let aad = versioned_aad(associated_data);
    cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: &aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| VaultError::DecryptionFailed)
}

/// Seals one key under another, for example a case key under the reporter's key.
pub fn seal_key(wrapping_key: &DataKey, key: &DataKey, associated_data: &[u8]) -> Vec<u8> {
    seal(wrapping_key, key.expose_secret(), associated_data)
}

/// Opens a key sealed by [`seal_key`].
pub fn open_key(
    wrapping_key: &DataKey,
    sealed: &[u8],
    associated_data: &[u8],
) -> Result<DataKey, VaultError> {
    let bytes = open(wrapping_key, sealed, associated_data)?;
    DataKey::try_from_slice(&bytes)
}

/// The version byte is authenticated too, so a blob relabelled as another
/// version cannot be opened under the old rules. It has a fixed length, so
/// prefixing it keeps the encoding unambiguous.
fn versioned_aad(associated_data: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + associated_data.len());
    aad.push(SEAL_VERSION);
    aad.extend_from_slice(associated_data);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_message_opens_with_the_same_key_and_associated_data() {
        let key = DataKey::generate();
        let sealed = seal(&key, b"the mayor took a bribe", b"case-1/text");
        assert_eq!(sealed.len(), 22 + SEAL_OVERHEAD);
        assert_eq!(sealed[0], SEAL_VERSION);
        let opened = open(&key, &sealed, b"case-1/text").unwrap();
        assert_eq!(opened.as_slice(), b"the mayor took a bribe");
    }

    #[test]
    fn the_empty_message_round_trips() {
        let key = DataKey::generate();
        let sealed = seal(&key, b"", b"");
        assert_eq!(sealed.len(), SEAL_OVERHEAD);
        assert!(open(&key, &sealed, b"").unwrap().is_empty());
    }

    #[test]
    fn another_key_fails_coarsely() {
        let sealed = seal(&DataKey::generate(), b"secret", b"ad");
        assert_eq!(
            open(&DataKey::generate(), &sealed, b"ad").unwrap_err(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn a_ciphertext_moved_to_another_case_or_field_does_not_open() {
        let key = DataKey::generate();
        let sealed = seal(&key, b"secret", b"case-1/text");
        for other in [&b"case-2/text"[..], b"case-1/answer", b""] {
            assert_eq!(
                open(&key, &sealed, other).unwrap_err(),
                VaultError::DecryptionFailed
            );
        }
    }

    #[test]
    fn every_flipped_bit_after_the_version_is_detected() {
        let key = DataKey::generate();
        let sealed = seal(&key, b"abc", b"ad");
        for byte in 1..sealed.len() {
            for bit in 0..8 {
                let mut tampered = sealed.clone();
                tampered[byte] ^= 1 << bit;
                assert_eq!(
                    open(&key, &tampered, b"ad").unwrap_err(),
                    VaultError::DecryptionFailed,
                    "byte {byte} bit {bit}"
                );
            }
        }
    }

    #[test]
    fn an_unknown_version_or_short_blob_is_named_as_such() {
        let key = DataKey::generate();
        let mut sealed = seal(&key, b"abc", b"");
        sealed[0] = 0x02;
        assert_eq!(
            open(&key, &sealed, b"").unwrap_err(),
            VaultError::UnsupportedVersion {
                what: "sealed blob"
            }
        );
        assert_eq!(
            open(&key, &[], b"").unwrap_err(),
            VaultError::Malformed {
                what: "sealed blob"
            }
        );
        assert_eq!(
            open(&key, &[SEAL_VERSION; SEAL_OVERHEAD - 1], b"").unwrap_err(),
            VaultError::Malformed {
                what: "sealed blob"
            }
        );
    }

    #[test]
    fn two_seals_of_one_message_differ_because_the_nonce_is_random() {
        let key = DataKey::generate();
        assert_ne!(seal(&key, b"same", b""), seal(&key, b"same", b""));
    }

    #[test]
    fn a_fixed_nonce_gives_a_fixed_blob() {
        // Pins the layout: version, then the nonce verbatim, then ciphertext and tag.
        let key = DataKey::from_bytes(&[7; 32]);
        let sealed = seal_with_nonce(&key, &[9; NONCE_LEN], b"hi", b"ad");
        assert_eq!(sealed[0], SEAL_VERSION);
        assert_eq!(&sealed[1..25], &[9; NONCE_LEN]);
        assert_eq!(open(&key, &sealed, b"ad").unwrap().as_slice(), b"hi");
    }

    #[test]
    fn a_key_sealed_under_another_key_comes_back_equal() {
        let reporter = DataKey::generate();
        let case = DataKey::generate();
        let sealed = seal_key(&reporter, &case, b"case-1/reporter");
        assert!(open_key(&reporter, &sealed, b"case-1/reporter").unwrap() == case);
        assert!(open_key(&reporter, &sealed, b"case-2/reporter").is_err());
    }

    #[test]
    fn keys_compare_by_value_and_only_32_byte_slices_become_keys() {
        let key = DataKey::from_bytes(&[1; 32]);
        assert!(key == DataKey::from_bytes(&[1; 32]));
        assert!(key != DataKey::from_bytes(&[2; 32]));
        assert!(DataKey::try_from_slice(&[0; 31]).is_err());
        assert!(DataKey::try_from_slice(&[0; 33]).is_err());
        assert!(DataKey::try_from_slice(&[1; 32]).unwrap() == key);
    }
}
