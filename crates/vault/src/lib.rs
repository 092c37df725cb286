//! Khiên's cryptography: a small API that is hard to misuse. Pure: no I/O.
//!
//! The key decision: every secret is a type without `Debug` or `Display`
//! ([`symmetric::DataKey`], [`sealed_box::SecretKey`], [`receipt::Receipt`], …),
//! zeroed on drop, and every stored format starts with a byte naming its format
//! and version, so formats can change without guessing. Decryption failures are
//! one coarse [`error::VaultError::DecryptionFailed`], never an oracle.
//!
//! | first byte | format |
//! |---|---|
//! | `0x01` | [`symmetric::seal`] |
//! | `0x11` | [`sealed_box::seal_to`] |
//! | `0x21` | [`staff_keys::WrappedKey`] |
//! | `0x31` | [`stream`] |
//! | `0x41` | [`shares::IdentityShare`] |
//! | `0x42` | a part of a re-shared share ([`reshare`]) |
//! | `0x61` | a re-shared share: a bundle of sealed parts ([`reshare`]) |
//! | `0x51` | [`kdf::KdfHeader`] |
//!
//! A case key, sealed to a unit and to the reporter, opened by the reporter
//! who came back with their receipt:
//!
//! ```
//! use khien_vault::kdf::{KdfParams, Salt};
//! use khien_vault::receipt::{Receipt, reporter_key};
//! use khien_vault::sealed_box::{SecretKey, open_sealed_key, seal_key_to};
//! use khien_vault::symmetric::{DataKey, open, open_key, seal, seal_key};
//! use secrecy::ExposeSecret;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let params = KdfParams::for_tests(); // KdfParams::PRODUCTION in the server
//! let unit = SecretKey::generate();
//!
//! // Submission: a fresh case key encrypts the report and is sealed to both.
//! let case_key = DataKey::generate();
//! let report = seal(&case_key, "Hồ sơ thầu bị sửa".as_bytes(), b"case-1/text");
//! let for_unit = seal_key_to(&unit.public_key(), &case_key, b"case-1/unit");
//! let receipt = Receipt::generate();
//! let salt = Salt::generate();
//! let for_reporter = seal_key(&reporter_key(&receipt, &salt, &params)?, &case_key, b"case-1/reporter");
//! let shown = receipt.grouped(); // "1234 5678 9012 3456", shown once
//!
//! // The reporter comes back and types the receipt.
//! let typed = Receipt::parse(shown.expose_secret())?;
//! let key = open_key(&reporter_key(&typed, &salt, &params)?, &for_reporter, b"case-1/reporter")?;
//! assert_eq!(&open(&key, &report, b"case-1/text")?[..], "Hồ sơ thầu bị sửa".as_bytes());
//!
//! // So can the unit.
//! let key = open_sealed_key(&unit, &for_unit, b"case-1/unit")?;
//! assert_eq!(&open(&key, &report, b"case-1/text")?[..], "Hồ sơ thầu bị sửa".as_bytes());
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod blind_index;
pub mod case_keys;
pub mod disclosure;
pub mod error;
pub mod kdf;
pub mod random;
pub mod receipt;
pub mod recovery_key;
pub mod reporter_ticket;
pub mod reshare;
pub mod sealed_box;
pub mod server_secret;
pub mod shares;
pub mod signing;
pub mod staff_keys;
pub mod staff_login;
pub mod stream;
pub mod submission_proof;
pub mod symmetric;
#[cfg(test)]
mod test_custodians;
