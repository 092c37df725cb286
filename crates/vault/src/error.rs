//! The vault's one error type, coarse on purpose.
//!
//! A decryption that fails says only [`VaultError::DecryptionFailed`]: whether the
//! key, the associated data or the ciphertext was wrong is never told apart, so an
//! error cannot be used as an oracle. The other variants describe only public
//! structure (a length, a version byte, a parameter) and never carry secret bytes.

/// Why a vault operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// The key, the associated data or the ciphertext is wrong, or the ciphertext
    /// was altered, truncated or reordered. Deliberately says no more than that.
    #[error("decryption failed")]
    DecryptionFailed,
    /// The bytes do not have the shape of what they claim to be.
    #[error("malformed {what}")]
    Malformed {
        /// What was malformed, for example "sealed blob".
        what: &'static str,
    },
    /// The first byte names a format or version this build does not know.
    #[error("unsupported version of {what}")]
    UnsupportedVersion {
        /// Which format, for example "wrapped key".
        what: &'static str,
    },
    /// A caller-supplied parameter is out of range or inconsistent.
    #[error("invalid parameters: {what}")]
    InvalidParameters {
        /// Which parameter and why, for example "threshold is greater than the number of shares".
        what: &'static str,
    },
}
