//! A connecting address as an in-memory counter key: a keyed hash under a key made
//! at start and never stored, so the maps that slow down guessing never hold an
//! address, and their keys mean nothing after a restart.

use std::net::IpAddr;

use khien_vault::random::random_bytes;
use sha2::{Digest, Sha256};

/// Turns addresses into opaque keys.
pub struct SourceKeys {
    key: [u8; 32],
}

impl Default for SourceKeys {
    fn default() -> Self {
        Self {
            key: random_bytes::<32>(),
        }
    }
}

impl SourceKeys {
    /// The opaque key of an address.
    pub fn of(&self, source: IpAddr) -> [u8; 16] {
        let mut hasher = Sha256::new();
        hasher.update(self.key);
        match source {
            IpAddr::V4(v4) => hasher.update(v4.octets()),
            IpAddr::V6(v6) => hasher.update(v6.octets()),
        }
        let mut key = [0u8; 16];
        key.copy_from_slice(&hasher.finalize()[..16]);
        key
    }
}
