//! Key derivation from low-entropy secrets (passwords, receipts) with Argon2id.
//!
//! Parameters are explicit and travel with what they protect, in a
//! [`KdfHeader`] (`0x51 ‖ memory KiB ‖ iterations ‖ parallelism ‖ salt`, integers
//! as big-endian u32, 29 bytes), so the cost can be raised later without
//! breaking what was derived before.

use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::VaultError;
use crate::random::random_bytes;
use crate::symmetric::DataKey;

/// First byte of an encoded [`KdfHeader`]: Argon2id version 0x13, header version 1.
pub const KDF_HEADER_VERSION: u8 = 0x51;
/// Length of an encoded [`KdfHeader`].
pub const KDF_HEADER_LEN: usize = 1 + 12 + SALT_LEN;
/// Length of a [`Salt`].
pub const SALT_LEN: usize = 16;

/// Upper bounds keep a corrupted or hostile stored header from asking the
/// server for more memory or time than a machine has.
const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 16;

/// Argon2id cost parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory per derivation, in KiB. At least 8 × `parallelism`.
    pub memory_kib: u32,
    /// Passes over the memory. At least 1.
    pub iterations: u32,
    /// Lanes. At least 1.
    pub parallelism: u32,
}

impl KdfParams {
    /// The production cost: 64 MiB, 3 passes, 1 lane (the second RFC 9106
    /// recommendation). About a tenth of a second on one core of a small server.
    pub const PRODUCTION: Self = Self {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// A deliberately cheap cost for tests, so a test suite on two shared cores
    /// stays fast. Never use it for real secrets.
    pub fn for_tests() -> Self {
        Self {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// Checks the parameters are within what Argon2 accepts and what this server allows.
    pub fn validate(&self) -> Result<(), VaultError> {
        if self.parallelism == 0 || self.parallelism > MAX_PARALLELISM {
            return Err(VaultError::InvalidParameters {
                what: "Argon2 parallelism must be between 1 and 16",
            });
        }
        if self.iterations == 0 || self.iterations > MAX_ITERATIONS {
            return Err(VaultError::InvalidParameters {
                what: "Argon2 iterations must be between 1 and 64",
            });
        }
        if self.memory_kib < 8 * self.parallelism || self.memory_kib > MAX_MEMORY_KIB {
            return Err(VaultError::InvalidParameters {
                what: "Argon2 memory must be between 8 KiB per lane and 4 GiB",
            });
        }
        Ok(())
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::PRODUCTION
    }
}

/// A random salt, stored in clear next to what it protects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Salt([u8; SALT_LEN]);

impl Salt {
    /// Makes a new random salt.
    pub fn generate() -> Self {
        Self(random_bytes())
    }

    /// Rebuilds a stored salt.
    pub fn from_bytes(bytes: [u8; SALT_LEN]) -> Self {
        Self(bytes)
    }

    /// The salt's bytes.
    pub fn to_bytes(&self) -> [u8; SALT_LEN] {
        self.0
    }
}

/// Derives a 32-byte key from `secret` with Argon2id.
///
/// Slow on purpose (that is the point); run it on a blocking thread.
pub fn derive_key(secret: &[u8], salt: &Salt, params: &KdfParams) -> Result<DataKey, VaultError> {
    params.validate()?;
    let argon2_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| VaultError::InvalidParameters {
        what: "Argon2 parameters",
    })?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon2_params);
    let mut result = Ok(());
    let key = DataKey::init_with(|key| {
        result = argon2.hash_password_into(secret, &salt.0, key);
    });
    // The inputs were validated above, so Argon2 has no reason left to refuse.
    result.map_err(|_| VaultError::InvalidParameters {
        what: "Argon2 parameters",
    })?;
    Ok(key)
}

/// The parameters and salt of one derivation, stored with the ciphertext they unlock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfHeader {
    /// The cost parameters.
    pub params: KdfParams,
    /// The salt.
    pub salt: Salt,
}

impl KdfHeader {
    /// A header with the given parameters and a fresh random salt.
    pub fn generate(params: KdfParams) -> Self {
        Self {
            params,
            salt: Salt::generate(),
        }
    }

    /// Derives the key this header describes from `secret`.
    pub fn derive(&self, secret: &[u8]) -> Result<DataKey, VaultError> {
        derive_key(secret, &self.salt, &self.params)
    }

    /// Encodes the header (see the module docs for the layout).
    pub fn to_bytes(&self) -> [u8; KDF_HEADER_LEN] {
        let mut out = [0u8; KDF_HEADER_LEN];
        out[0] = KDF_HEADER_VERSION;
        out[1..5].copy_from_slice(&self.params.memory_kib.to_be_bytes());
        out[5..9].copy_from_slice(&self.params.iterations.to_be_bytes());
        out[9..13].copy_from_slice(&self.params.parallelism.to_be_bytes());
        out[13..].copy_from_slice(&self.salt.0);
        out
    }

    /// Decodes a header, checking its version and parameters.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let bytes: &[u8; KDF_HEADER_LEN] = bytes
            .try_into()
            .map_err(|_| VaultError::Malformed { what: "KDF header" })?;
        if bytes[0] != KDF_HEADER_VERSION {
            return Err(VaultError::UnsupportedVersion { what: "KDF header" });
        }
        let u32_at = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let header = Self {
            params: KdfParams {
                memory_kib: u32_at(1),
                iterations: u32_at(5),
                parallelism: u32_at(9),
            },
            salt: Salt(bytes[13..].try_into().expect("16 bytes")),
        };
        header.params.validate()?;
        Ok(header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_secret_salt_and_params_give_the_same_key() {
        let salt = Salt::generate();
        let params = KdfParams::for_tests();
        let a = derive_key(b"0123456789012345", &salt, &params).unwrap();
        let b = derive_key(b"0123456789012345", &salt, &params).unwrap();
        assert!(a == b);
    }

    #[test]
    fn changing_the_secret_the_salt_or_a_parameter_changes_the_key() {
        let salt = Salt::from_bytes([1; SALT_LEN]);
        let params = KdfParams::for_tests();
        let base = derive_key(b"secret", &salt, &params).unwrap();
        assert!(base != derive_key(b"secreT", &salt, &params).unwrap());
        assert!(base != derive_key(b"secret", &Salt::from_bytes([2; SALT_LEN]), &params).unwrap());
        let more_passes = KdfParams {
            iterations: 2,
            ..params
        };
        assert!(base != derive_key(b"secret", &salt, &more_passes).unwrap());
        let more_memory = KdfParams {
            memory_kib: 128,
            ..params
        };
        assert!(base != derive_key(b"secret", &salt, &more_memory).unwrap());
    }

    #[test]
    fn out_of_range_parameters_are_refused() {
        let ok = KdfParams::for_tests();
        for bad in [
            KdfParams {
                parallelism: 0,
                ..ok
            },
            KdfParams {
                parallelism: 17,
                ..ok
            },
            KdfParams {
                iterations: 0,
                ..ok
            },
            KdfParams {
                iterations: 65,
                ..ok
            },
            KdfParams {
                memory_kib: 7,
                ..ok
            },
            KdfParams {
                memory_kib: 16,
                parallelism: 4,
                ..ok
            },
            KdfParams {
                memory_kib: MAX_MEMORY_KIB + 1,
                ..ok
            },
        ] {
            assert!(
                matches!(
                    derive_key(b"x", &Salt::generate(), &bad),
                    Err(VaultError::InvalidParameters { .. })
                ),
                "{bad:?}"
            );
        }
        assert_eq!(KdfParams::PRODUCTION.validate(), Ok(()));
        assert_eq!(KdfParams::default(), KdfParams::PRODUCTION);
    }

    #[test]
    fn a_header_round_trips_through_bytes_and_derives_the_same_key() {
        let header = KdfHeader::generate(KdfParams::for_tests());
        let bytes = header.to_bytes();
        assert_eq!(bytes[0], KDF_HEADER_VERSION);
        assert_eq!(&bytes[1..5], &64u32.to_be_bytes());
        let parsed = KdfHeader::from_bytes(&bytes).unwrap();
        assert_eq!(parsed, header);
        assert!(parsed.derive(b"pw").unwrap() == header.derive(b"pw").unwrap());
    }

    #[test]
    fn a_bad_header_is_refused() {
        let bytes = KdfHeader::generate(KdfParams::for_tests()).to_bytes();
        assert_eq!(
            KdfHeader::from_bytes(&bytes[..KDF_HEADER_LEN - 1]).unwrap_err(),
            VaultError::Malformed { what: "KDF header" }
        );
        let mut wrong_version = bytes;
        wrong_version[0] = 0x52;
        assert_eq!(
            KdfHeader::from_bytes(&wrong_version).unwrap_err(),
            VaultError::UnsupportedVersion { what: "KDF header" }
        );
        let mut huge_memory = bytes;
        huge_memory[1..5].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(
            KdfHeader::from_bytes(&huge_memory),
            Err(VaultError::InvalidParameters { .. })
        ));
    }
}
