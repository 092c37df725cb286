//! The server's own secret, the key of every keyed hash the database stores.
//!
//! Receipt lookups and blind indexes are HMAC-SHA256 under this secret, so a
//! stolen database alone cannot be searched by guessing receipts, names or ID
//! numbers: the attacker would also need this secret, which lives outside the
//! database.

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretBox};
use sha2::Sha256;

use crate::random::random_bytes;

/// 32 secret bytes. Zeroed on drop; no `Debug` or `Display`.
pub struct ServerSecret(SecretBox<[u8; 32]>);

impl ServerSecret {
    /// Makes a new random secret (done once, at `khien keys init`).
    pub fn generate() -> Self {
        Self(SecretBox::init_with_mut(|bytes: &mut [u8; 32]| {
            *bytes = random_bytes::<32>()
        }))
    }

    /// Rebuilds the secret from its stored bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(SecretBox::init_with_mut(|secret: &mut [u8; 32]| {
            secret.copy_from_slice(bytes)
        }))
    }

    /// The secret's bytes, to be stored by the caller somewhere private.
    pub fn expose_secret(&self) -> &[u8; 32] {
        self.0.expose_secret()
    }

    /// HMAC-SHA256 of `label ‖ 0x00 ‖ value`. Each use has its own label, so a
    /// receipt lookup can never equal a blind index of the same bytes. Labels are
    /// constants without a zero byte, which keeps the encoding unambiguous.
    pub(crate) fn keyed_hash(&self, label: &str, value: &[u8]) -> [u8; 32] {
        debug_assert!(!label.as_bytes().contains(&0));
        let mut mac = Hmac::<Sha256>::new_from_slice(self.expose_secret())
            .expect("HMAC accepts keys of any length");
        mac.update(label.as_bytes());
        mac.update(&[0]);
        mac.update(value);
        mac.finalize().into_bytes().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_the_secret_the_label_and_the_value() {
        let secret = ServerSecret::from_bytes(&[3; 32]);
        let base = secret.keyed_hash("a", b"value");
        assert_eq!(base, secret.keyed_hash("a", b"value"));
        assert_ne!(base, secret.keyed_hash("b", b"value"));
        assert_ne!(base, secret.keyed_hash("a", b"valuf"));
        assert_ne!(
            base,
            ServerSecret::from_bytes(&[4; 32]).keyed_hash("a", b"value")
        );
        assert_ne!(base, ServerSecret::generate().keyed_hash("a", b"value"));
    }

    #[test]
    fn the_secret_survives_its_bytes() {
        let secret = ServerSecret::generate();
        let again = ServerSecret::from_bytes(secret.expose_secret());
        assert_eq!(secret.keyed_hash("l", b"v"), again.keyed_hash("l", b"v"));
    }
}
