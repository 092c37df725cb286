//! Recovery keys: the printable secret a staff member writes down at enrolment
//! and types back if they forget their password.
//!
//! A recovery key is 27 random symbols of Crockford base32 (135 bits) and one
//! check symbol, shown as seven groups of four: `7K3M-Q9XD-…`. Base32 because it
//! has no look-alikes to confuse (no I, L, O, U; typing them is forgiven as 1, 1,
//! 0) and is case-blind. The check symbol makes `Σ αⁱ·sᵢ = 0` over GF(32) with
//! distinct weights for all 28 positions, so every single wrong symbol and every
//! swap of two different symbols is caught before any decryption is attempted.
//!
//! The key is already uniformly random, so it needs no slow KDF: its wrapping key
//! is HKDF-SHA256 of the symbols.

use hkdf::Hkdf;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::random::random_bytes;
use crate::symmetric::DataKey;

/// Random symbols in a recovery key.
const DATA_SYMBOLS: usize = 27;
/// Symbols in a printed recovery key, the check symbol included.
pub const RECOVERY_KEY_SYMBOLS: usize = DATA_SYMBOLS + 1;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const WRAPPING_KEY_INFO: &[u8] = b"khien-vault/recovery-key/v1";

/// A recovery key. No `Debug` or `Display`; [`RecoveryKey::grouped`] shows it.
pub struct RecoveryKey(SecretBox<[u8; DATA_SYMBOLS]>);

/// Why a typed recovery key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecoveryKeyError {
    /// A character is neither a base32 symbol nor a space or dash.
    #[error("character {position} cannot be part of a recovery key")]
    InvalidCharacter {
        /// 1-based position of the offending character in the input.
        position: usize,
    },
    /// The input does not hold exactly 28 symbols.
    #[error("a recovery key has 28 symbols, not {symbols}")]
    WrongLength {
        /// How many symbols the input held.
        symbols: usize,
    },
    /// All symbols are valid but the check symbol does not match: a typo.
    #[error("the recovery key has a typo")]
    ChecksumMismatch,
}

impl RecoveryKey {
    /// Makes a new random recovery key.
    pub fn generate() -> Self {
        Self(SecretBox::init_with_mut(
            |symbols: &mut [u8; DATA_SYMBOLS]| {
                let bytes = Zeroizing::new(random_bytes::<DATA_SYMBOLS>());
                // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
                for (symbol, byte) in symbols.iter_mut().zip(bytes.iter()) {
                    *symbol = byte & 0x1f;
                }
            },
        ))
    }

    /// Reads a recovery key as a person types it: any case, with spaces or dashes anywhere.
    pub fn parse(input: &str) -> Result<Self, RecoveryKeyError> {
        let mut symbols = Zeroizing::new([0u8; RECOVERY_KEY_SYMBOLS]);
        let mut count = 0;
        for (index, c) in input.chars().enumerate() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let value = symbol_value(c).ok_or(RecoveryKeyError::InvalidCharacter {
                position: index + 1,
            })?;
            if count < RECOVERY_KEY_SYMBOLS {
                symbols[count] = value;
            }
            count += 1;
        }
        if count != RECOVERY_KEY_SYMBOLS {
            return Err(RecoveryKeyError::WrongLength { symbols: count });
        }
        if weighted_sum(&symbols[..]) != 0 {
            return Err(RecoveryKeyError::ChecksumMismatch);
        }
        Ok(Self(SecretBox::init_with_mut(
            |data: &mut [u8; DATA_SYMBOLS]| data.copy_from_slice(&symbols[..DATA_SYMBOLS]),
        )))
    }

    /// The key as printed: seven groups of four symbols joined by dashes.
    pub fn grouped(&self) -> SecretString {
        let data = self.0.expose_secret();
        let mut text = String::with_capacity(RECOVERY_KEY_SYMBOLS + 6);
        let symbols = data.iter().copied().chain([check_symbol(data)]);
        for (index, symbol) in symbols.enumerate() {
            if index > 0 && index % 4 == 0 {
                text.push('-');
            }
            text.push(char::from(ALPHABET[usize::from(symbol)]));
        }
        SecretString::from(text)
    }

    /// The symmetric key that wraps a staff key under this recovery key.
    pub(crate) fn wrapping_key(&self) -> DataKey {
        let hkdf = Hkdf::<Sha256>::new(None, self.0.expose_secret());
        DataKey::init_with(|key| {
            hkdf.expand(WRAPPING_KEY_INFO, key)
                .expect("32 bytes is a valid HKDF-SHA256 output length")
        })
    }
}

/// Crockford's decoding: case-blind, with O read as 0 and I, L as 1.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&symbol| char::from(symbol) == c)
        .map(|index| index as u8)
}

/// The check symbol that makes the weighted sum of all 28 symbols zero. The
/// last position's weight is α²⁷, so the check is the data sum divided by it.
fn check_symbol(data: &[u8; DATA_SYMBOLS]) -> u8 {
    let sum = weighted_sum(data);
    gf32_mul(sum, gf32_pow_alpha(31 - DATA_SYMBOLS))
}

/// `Σ αⁱ·sᵢ` over GF(32): α has order 31, so positions 0 to 27 all get distinct
/// non-zero weights, which is what makes swaps of any two symbols detectable.
fn weighted_sum(symbols: &[u8]) -> u8 {
    symbols.iter().enumerate().fold(0, |sum, (index, &symbol)| {
        sum ^ gf32_mul(gf32_pow_alpha(index), symbol)
    })
}

/// Multiplication in GF(2⁵) modulo the primitive polynomial x⁵ + x² + 1.
fn gf32_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0x20 != 0 {
            a ^= 0x25;
        }
    }
    product
}

/// αⁿ where α = x is a generator of GF(32)'s multiplicative group.
fn gf32_pow_alpha(n: usize) -> u8 {
    (0..n % 31).fold(1, |power, _| gf32_mul(power, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &RecoveryKey, b: &RecoveryKey) -> bool {
        a.wrapping_key() == b.wrapping_key()
    }

    #[test]
    fn a_new_key_prints_as_seven_groups_of_four_and_parses_back() {
        let key = RecoveryKey::generate();
        let printed = key.grouped();
        let printed = printed.expose_secret();
        assert_eq!(printed.len(), 34);
        assert_eq!(printed.split('-').count(), 7);
        assert!(printed.split('-').all(|group| group.len() == 4));
        assert!(same(&RecoveryKey::parse(printed).unwrap(), &key));
    }

    #[test]
    fn parse_forgives_case_spaces_dashes_and_look_alikes() {
        let key = RecoveryKey::generate();
        let printed = key.grouped().expose_secret().to_string();
        let lower = printed.to_lowercase();
        let spaced = printed.replace('-', " ");
        let bare = printed.replace('-', "");
        for typed in [lower, spaced, bare, format!("  {printed}  ")] {
            assert!(same(&RecoveryKey::parse(&typed).unwrap(), &key), "{typed}");
        }
        let with_ones = printed.replace('1', "l").replace('0', "O");
        assert!(same(&RecoveryKey::parse(&with_ones).unwrap(), &key));
    }

    #[test]
    fn every_single_symbol_typo_is_caught() {
        let key = RecoveryKey::generate();
        let bare = key.grouped().expose_secret().replace('-', "");
        for position in 0..RECOVERY_KEY_SYMBOLS {
            for &replacement in ALPHABET {
                let mut typed = bare.clone().into_bytes();
                if typed[position] == replacement {
                    continue;
                }
                typed[position] = replacement;
                let typed = String::from_utf8(typed).unwrap();
                assert_eq!(
                    RecoveryKey::parse(&typed).err().unwrap(),
                    RecoveryKeyError::ChecksumMismatch,
                    "{position}"
                );
            }
        }
    }

    #[test]
    fn every_swap_of_two_different_symbols_is_caught() {
        let key = RecoveryKey::generate();
        let bare = key.grouped().expose_secret().replace('-', "").into_bytes();
        for i in 0..RECOVERY_KEY_SYMBOLS {
            for j in i + 1..RECOVERY_KEY_SYMBOLS {
                if bare[i] == bare[j] {
                    continue;
                }
                let mut typed = bare.clone();
                typed.swap(i, j);
                let typed = String::from_utf8(typed).unwrap();
                assert_eq!(
                    RecoveryKey::parse(&typed).err().unwrap(),
                    RecoveryKeyError::ChecksumMismatch,
                    "{i} {j}"
                );
            }
        }
    }

    #[test]
    fn parse_names_the_problem() {
        let printed = RecoveryKey::generate()
            .grouped()
            .expose_secret()
            .to_string();
        assert_eq!(
            RecoveryKey::parse(&printed[..printed.len() - 1])
                .err()
                .unwrap(),
            RecoveryKeyError::WrongLength { symbols: 27 }
        );
        assert_eq!(
            RecoveryKey::parse(&format!("{printed}0")).err().unwrap(),
            RecoveryKeyError::WrongLength { symbols: 29 }
        );
        assert_eq!(
            RecoveryKey::parse(&format!("{}U{}", &printed[..3], &printed[4..]))
                .err()
                .unwrap(),
            RecoveryKeyError::InvalidCharacter { position: 4 }
        );
        assert_eq!(
            RecoveryKey::parse("").err().unwrap(),
            RecoveryKeyError::WrongLength { symbols: 0 }
        );
    }

    #[test]
    fn the_field_arithmetic_is_a_field() {
        // α generates all 31 non-zero elements, and every one has an inverse.
        let mut seen = [false; 32];
        for n in 0..31 {
            seen[usize::from(gf32_pow_alpha(n))] = true;
        }
        assert!(seen[1..].iter().all(|&s| s) && !seen[0]);
        for a in 1..32u8 {
            assert_eq!((1..32u8).filter(|&b| gf32_mul(a, b) == 1).count(), 1, "{a}");
        }
    }

    #[test]
    fn different_keys_wrap_differently() {
        assert!(!same(&RecoveryKey::generate(), &RecoveryKey::generate()));
    }
}
