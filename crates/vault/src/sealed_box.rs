//! Public-key sealing: anyone holding a [`PublicKey`] can seal; only the
//! matching [`SecretKey`] opens.
//!
//! Used to seal case keys to unit keys, unit keys to staff keys, identity shares
//! to custodians. A sealed blob is
//! `0x11 ‖ ephemeral public key (32 bytes) ‖ ciphertext ‖ tag (16 bytes)`.
//!
//! Each seal makes a fresh ephemeral X25519 key. The symmetric key is
//! HKDF-SHA256 of the shared secret, salted with both public keys so a blob is
//! bound to the recipient it was made for. Because that key is used exactly once,
//! the XChaCha20-Poly1305 nonce is fixed at zero (as in age) and not stored.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use sha2::Sha256;
use x25519_dalek::StaticSecret;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::random::random_bytes;
use crate::symmetric::DataKey;

/// First byte of a sealed box: format "sealed to a public key", version 1.
pub const SEALED_BOX_VERSION: u8 = 0x11;
const KEY_INFO: &[u8] = b"khien-vault/sealed-box/v1";
const TAG_LEN: usize = 16;
/// How many bytes [`seal_to`] adds to the plaintext.
pub const SEALED_BOX_OVERHEAD: usize = 1 + 32 + TAG_LEN;

/// An X25519 private key: a staff member's, a unit's, a custodian's.
///
/// Zeroed on drop; no `Debug` or `Display`.
pub struct SecretKey {
    secret: StaticSecret,
    /// Kept beside the secret because opening needs it and recomputing it is
    /// a scalar multiplication, half the cost of an open.
    public: PublicKey,
}

/// The public half of a [`SecretKey`]; safe to store and show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PublicKey([u8; 32]);

impl SecretKey {
    /// Makes a new random key pair.
    pub fn generate() -> Self {
        Self::from_bytes(&Zeroizing::new(random_bytes::<32>()))
    }

    /// Rebuilds a key from the 32 bytes that [`SecretKey::to_bytes`] gave.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        let secret = StaticSecret::from(*bytes);
        let public = PublicKey(x25519_dalek::PublicKey::from(&secret).to_bytes());
        Self { secret, public }
    }

    /// The private key's bytes, for wrapping; zeroed when dropped.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.secret.to_bytes())
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        self.public
    }
}

impl PublicKey {
    /// Parses a public key, refusing the few low-order points: sealing to one of
    /// them would give a shared secret of all zeros, readable by anyone.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, VaultError> {
        if is_low_order(bytes) {
            return Err(VaultError::Malformed { what: "public key" });
        }
        Ok(Self(*bytes))
    }

    /// The public key's bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }
}

/// Every clamped scalar is a multiple of the cofactor 8, so it sends a
/// low-order point to the identity whatever the scalar: one multiplication
/// by a fixed scalar tells low-order points apart.
fn is_low_order(bytes: &[u8; 32]) -> bool {
    let probe = StaticSecret::from([1u8; 32]);
    !probe
        .diffie_hellman(&x25519_dalek::PublicKey::from(*bytes))
        .was_contributory()
}

/// Seals `plaintext` so that only the holder of `recipient`'s secret key can open it.
pub fn seal_to(recipient: &PublicKey, plaintext: &[u8], associated_data: &[u8]) -> Vec<u8> {
    let ephemeral = SecretKey::generate();
    let ephemeral_public = ephemeral.public_key();
    let shared = ephemeral
        .secret
        .diffie_hellman(&x25519_dalek::PublicKey::from(recipient.0));
    // `PublicKey::from_bytes` refused low-order points, so the exchange is contributory.
    debug_assert!(shared.was_contributory());
    let key = derive_box_key(shared.as_bytes(), &ephemeral_public, recipient);
    let ciphertext = XChaCha20Poly1305::new(key.expose_secret().into())
        .encrypt(
            &XNonce::default(),
            Payload {
                msg: plaintext,
                aad: &versioned_aad(associated_data),
            },
        )
        .expect("XChaCha20-Poly1305 encrypts any message shorter than 256 GiB");
    let mut sealed = Vec::with_capacity(1 + 32 + ciphertext.len());
    sealed.push(SEALED_BOX_VERSION);
    sealed.extend_from_slice(&ephemeral_public.0);
    sealed.extend_from_slice(&ciphertext);
    sealed
}

/// Opens a blob made by [`seal_to`] for this secret key's public key.
pub fn open_sealed(
    secret: &SecretKey,
    sealed: &[u8],
    associated_data: &[u8],
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let (&version, rest) = sealed
        .split_first()
        .ok_or(VaultError::Malformed { what: "sealed box" })?;
    if version != SEALED_BOX_VERSION {
        return Err(VaultError::UnsupportedVersion { what: "sealed box" });
    }
    if rest.len() < 32 + TAG_LEN {
        return Err(VaultError::Malformed { what: "sealed box" });
    }
    let (ephemeral, ciphertext) = rest.split_at(32);
    let ephemeral = PublicKey(ephemeral.try_into().expect("split at 32"));
    let shared = secret
        .secret
        .diffie_hellman(&x25519_dalek::PublicKey::from(ephemeral.0));
    if !shared.was_contributory() {
        // Only a forged blob has a low-order ephemeral key.
        return Err(VaultError::DecryptionFailed);
    }
    let key = derive_box_key(shared.as_bytes(), &ephemeral, &secret.public_key());
    XChaCha20Poly1305::new(key.expose_secret().into())
        .decrypt(
            &XNonce::default(),
            Payload {
                msg: ciphertext,
                aad: &versioned_aad(associated_data),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| VaultError::DecryptionFailed)
}

/// Seals a symmetric key (a case key, a unit's copy of an identity key) to a public key.
pub fn seal_key_to(recipient: &PublicKey, key: &DataKey, associated_data: &[u8]) -> Vec<u8> {
    seal_to(recipient, key.expose_secret(), associated_data)
}

/// Opens a key sealed by [`seal_key_to`].
pub fn open_sealed_key(
    secret: &SecretKey,
    sealed: &[u8],
    associated_data: &[u8],
) -> Result<DataKey, VaultError> {
    let bytes = open_sealed(secret, sealed, associated_data)?;
    DataKey::try_from_slice(&bytes)
}

fn derive_box_key(shared: &[u8; 32], ephemeral: &PublicKey, recipient: &PublicKey) -> DataKey {
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(&ephemeral.0);
    salt[32..].copy_from_slice(&recipient.0);
    let hkdf = Hkdf::<Sha256>::new(Some(&salt), shared);
    DataKey::init_with(|key| {
        hkdf.expand(KEY_INFO, key)
            .expect("32 bytes is a valid HKDF-SHA256 output length")
    })
}

fn versioned_aad(associated_data: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + associated_data.len());
    aad.push(SEALED_BOX_VERSION);
    aad.extend_from_slice(associated_data);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_recipient_opens_what_was_sealed_to_it() {
        let unit = SecretKey::generate();
        let sealed = seal_to(&unit.public_key(), b"case key", b"case-1");
        assert_eq!(sealed.len(), 8 + SEALED_BOX_OVERHEAD);
        assert_eq!(sealed[0], SEALED_BOX_VERSION);
        assert_eq!(
            open_sealed(&unit, &sealed, b"case-1").unwrap().as_slice(),
            b"case key"
        );
        assert_eq!(
            open_sealed(&SecretKey::generate(), &sealed, b"case-1").unwrap_err(),
            VaultError::DecryptionFailed
        );
        assert_eq!(
            open_sealed(&unit, &sealed, b"case-2").unwrap_err(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn every_flipped_bit_is_detected() {
        let unit = SecretKey::generate();
        let sealed = seal_to(&unit.public_key(), b"xyz", b"");
        for byte in 1..sealed.len() {
            let mut tampered = sealed.clone();
            tampered[byte] ^= 0x01;
            assert_eq!(
                open_sealed(&unit, &tampered, b"").unwrap_err(),
                VaultError::DecryptionFailed,
                "byte {byte}"
            );
        }
    }

    #[test]
    fn a_secret_key_survives_its_bytes_and_keeps_its_public_key() {
        let key = SecretKey::generate();
        let again = SecretKey::from_bytes(&key.to_bytes());
        assert_eq!(key.public_key(), again.public_key());
        let public = PublicKey::from_bytes(&key.public_key().to_bytes()).unwrap();
        assert_eq!(public, key.public_key());
        let sealed = seal_to(&public, b"m", b"");
        assert_eq!(open_sealed(&again, &sealed, b"").unwrap().as_slice(), b"m");
    }

    #[test]
    fn low_order_public_keys_are_refused() {
        // The identity and the point of order 2 (u = 0, u = 1), and one of order 8.
        let order_eight: [u8; 32] =
            hex::decode("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")
                .unwrap()
                .try_into()
                .unwrap();
        let mut one = [0u8; 32];
        one[0] = 1;
        for point in [[0u8; 32], one, order_eight] {
            assert_eq!(
                PublicKey::from_bytes(&point).unwrap_err(),
                VaultError::Malformed { what: "public key" }
            );
        }
    }

    #[test]
    fn a_forged_blob_with_a_low_order_ephemeral_key_fails() {
        let unit = SecretKey::generate();
        let mut forged = vec![SEALED_BOX_VERSION];
        forged.extend_from_slice(&[0u8; 32]);
        forged.extend_from_slice(&[0u8; TAG_LEN]);
        assert_eq!(
            open_sealed(&unit, &forged, b"").unwrap_err(),
            VaultError::DecryptionFailed
        );
    }

    #[test]
    fn short_or_unknown_blobs_are_named() {
        let unit = SecretKey::generate();
        assert_eq!(
            open_sealed(&unit, &[SEALED_BOX_VERSION; 48], b"").unwrap_err(),
            VaultError::Malformed { what: "sealed box" }
        );
        assert_eq!(
            open_sealed(&unit, &[0x01; 80], b"").unwrap_err(),
            VaultError::UnsupportedVersion { what: "sealed box" }
        );
    }

    #[test]
    fn a_data_key_sealed_to_a_unit_comes_back_equal() {
        let unit = SecretKey::generate();
        let case_key = DataKey::generate();
        let sealed = seal_key_to(&unit.public_key(), &case_key, b"case-7/unit");
        assert!(open_sealed_key(&unit, &sealed, b"case-7/unit").unwrap() == case_key);
    }
}
