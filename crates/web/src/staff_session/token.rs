//! The session token a staff client holds: a random session id and a random
//! session key. The server stores only SHA-256 of the id, and the user's private key
//! sealed under the session key, so the database alone opens no session and no key.

use khien_vault::random::random_bytes;
use khien_vault::symmetric::DataKey;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Hex characters in a token: 32 bytes of id and 32 bytes of key.
const TOKEN_HEX_LEN: usize = 128;

/// A session token. No `Debug`: it is a credential.
pub struct SessionToken {
    id: Zeroizing<[u8; 32]>,
    key: DataKey,
}

impl SessionToken {
    /// A new random token.
    pub fn generate() -> Self {
        Self {
            id: Zeroizing::new(random_bytes::<32>()),
            key: DataKey::generate(),
        }
    }

    /// Reads a token from a cookie or an `Authorization: Bearer` header; anything
    /// not exactly 128 hex characters is no token.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() != TOKEN_HEX_LEN {
            return None;
        }
        let bytes = Zeroizing::new(hex::decode(text).ok()?);
        let mut id = Zeroizing::new([0u8; 32]);
        id.copy_from_slice(&bytes[..32]);
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&bytes[32..]);
        Some(Self {
            id,
            key: DataKey::from_bytes(&key),
        })
    }

    /// The token as the client carries it.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(64));
        bytes.extend_from_slice(&self.id[..]);
        bytes.extend_from_slice(self.key.expose_secret());
        Zeroizing::new(hex::encode(&bytes[..]))
    }

    /// What the database stores to find the session.
    pub fn id_hash(&self) -> [u8; 32] {
        Sha256::digest(&self.id[..]).into()
    }

    /// The key that seals the user's private key for this session.
    pub fn key(&self) -> &DataKey {
        &self.key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_survives_its_text_form() {
        let token = SessionToken::generate();
        let again = SessionToken::parse(&token.to_text()).unwrap();
        assert_eq!(token.id_hash(), again.id_hash());
        assert!(token.key() == again.key());
    }

    #[test]
    fn malformed_tokens_are_no_tokens() {
        assert!(SessionToken::parse("").is_none());
        assert!(SessionToken::parse(&"a".repeat(127)).is_none());
        assert!(SessionToken::parse(&"g".repeat(128)).is_none());
    }
}
