//! Ed25519 signatures, used for the audit chain's checkpoints.

use ed25519_dalek::{Signature, Signer, Verifier};
use zeroize::Zeroizing;

use crate::random::random_bytes;

/// A signing key. It has no `Debug` or `Display`, so it cannot be logged by accident.
pub struct SigningKey(ed25519_dalek::SigningKey);

/// The public half of a [`SigningKey`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyingKey(ed25519_dalek::VerifyingKey);

/// A signature did not verify, or the key or signature bytes were malformed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the signature does not verify")]
pub struct BadSignature;

impl SigningKey {
    /// Makes a new random key.
    pub fn generate() -> Self {
        let seed = Zeroizing::new(random_bytes::<32>());
        Self(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// Rebuilds a key from its 32-byte seed.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        Self(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    /// The 32-byte seed, to be stored by the caller somewhere private.
    pub fn to_seed(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    /// The public key that verifies this key's signatures.
    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.verifying_key())
    }

    /// Signs a message.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

impl VerifyingKey {
    /// Parses a public key.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, BadSignature> {
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(Self)
            .map_err(|_| BadSignature)
    }

    /// The public key's bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Checks a signature over a message.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), BadSignature> {
        let signature = Signature::from_slice(signature).map_err(|_| BadSignature)?;
        self.0.verify(message, &signature).map_err(|_| BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_and_a_changed_message_does_not() {
        let key = SigningKey::generate();
        let signature = key.sign(b"checkpoint 10");
        let public = key.verifying_key();
        assert_eq!(public.verify(b"checkpoint 10", &signature), Ok(()));
        assert_eq!(
            public.verify(b"checkpoint 11", &signature),
            Err(BadSignature)
        );
    }

    #[test]
    fn a_key_rebuilt_from_its_seed_signs_alike() {
        let key = SigningKey::generate();
        let again = SigningKey::from_seed(&key.to_seed());
        assert_eq!(key.verifying_key(), again.verifying_key());
        let other = SigningKey::generate();
        let signature = other.sign(b"x");
        assert_eq!(
            key.verifying_key().verify(b"x", &signature),
            Err(BadSignature)
        );
    }
}
