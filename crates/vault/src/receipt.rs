//! Receipts: the 16 digits a reporter keeps to come back to their case.
//!
//! Digits, because a receipt must be readable over a phone line and typed on any
//! keypad. 16 uniform digits carry 53 bits; a guess still has to pass the
//! server's rate limits, and an offline attacker needs the [`ServerSecret`] to
//! test guesses against the lookup column at all.
//!
//! A receipt does two things: [`receipt_lookup`] finds the case (a keyed hash,
//! so the database never holds the receipt), and [`reporter_key`] derives the
//! reporter's key with Argon2id and the case's salt, which opens the case key
//! sealed to the reporter.

use secrecy::{ExposeSecret, SecretBox, SecretString};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::kdf::{KdfParams, Salt, derive_key};
use crate::random::random_bytes;
use crate::server_secret::ServerSecret;
use crate::symmetric::DataKey;

/// How many digits a receipt has.
pub const RECEIPT_DIGITS: usize = 16;
const LOOKUP_LABEL: &str = "khien-vault/receipt-lookup/v1";

/// A receipt: 16 decimal digits, held as ASCII. No `Debug` or `Display`: use
/// [`Receipt::grouped`] to show it, which hands back a secret string.
pub struct Receipt(SecretBox<[u8; RECEIPT_DIGITS]>);

/// Why a typed receipt was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReceiptError {
    /// The input holds something other than digits, spaces and dashes.
    #[error("a receipt holds only digits; character {position} is not a digit")]
    NotADigit {
        /// 1-based position of the offending character in the input.
        position: usize,
    },
    /// The input does not hold exactly 16 digits.
    #[error("a receipt has 16 digits, not {digits}")]
    WrongLength {
        /// How many digits the input held.
        digits: usize,
    },
}

impl Receipt {
    /// Makes a new random receipt.
    pub fn generate() -> Self {
        Self(SecretBox::init_with_mut(
            |digits: &mut [u8; RECEIPT_DIGITS]| {
                let mut filled = 0;
                while filled < RECEIPT_DIGITS {
                    let pool = Zeroizing::new(random_bytes::<32>());
                    for &byte in pool.iter() {
                        // 250 is the largest multiple of 10 that fits in a byte: keeping
                        // only bytes below it makes every digit exactly equally likely.
                        if byte < 250 && filled < RECEIPT_DIGITS {
                            digits[filled] = b'0' + byte % 10;
                            filled += 1;
                        }
                    }
                }
            },
        ))
    }

    /// Reads a receipt as a person types it: digits, with any spaces or dashes
    /// between them.
    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        let mut digits = Zeroizing::new([0u8; RECEIPT_DIGITS]);
        let mut count = 0;
        for (index, c) in input.chars().enumerate() {
            match c {
                '0'..='9' => {
                    if count < RECEIPT_DIGITS {
                        digits[count] = c as u8;
                    }
                    count += 1;
                }
                '-' | '\u{2010}'..='\u{2015}' => {}
                c if c.is_whitespace() => {}
                _ => {
                    return Err(ReceiptError::NotADigit {
                        position: index + 1,
                    });
                }
            }
        }
        if count != RECEIPT_DIGITS {
            return Err(ReceiptError::WrongLength { digits: count });
        }
        Ok(Self(SecretBox::init_with_mut(
            |stored: &mut [u8; RECEIPT_DIGITS]| stored.copy_from_slice(&*digits),
        )))
    }

    /// The receipt as shown and read aloud: `1234 5678 9012 3456`.
    pub fn grouped(&self) -> SecretString {
        let mut text = String::with_capacity(RECEIPT_DIGITS + 3);
        for (index, &digit) in self.digits().iter().enumerate() {
            if index > 0 && index % 4 == 0 {
                text.push(' ');
            }
            text.push(char::from(digit));
        }
        SecretString::from(text)
    }

    /// The 16 ASCII digits, without separators.
    pub(crate) fn digits(&self) -> &[u8; RECEIPT_DIGITS] {
        self.0.expose_secret()
    }
}

impl ConstantTimeEq for Receipt {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.digits().ct_eq(other.digits())
    }
}

impl PartialEq for Receipt {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for Receipt {}

/// The value stored in the case's lookup column: HMAC-SHA256 of the digits
/// under the server secret.
pub fn receipt_lookup(secret: &ServerSecret, receipt: &Receipt) -> [u8; 32] {
    secret.keyed_hash(LOOKUP_LABEL, receipt.digits())
}

/// The reporter's key for one case: Argon2id of the receipt's digits with the
/// case's salt. Slow on purpose; run it on a blocking thread.
pub fn reporter_key(
    receipt: &Receipt,
    salt: &Salt,
    params: &KdfParams,
) -> Result<DataKey, VaultError> {
    derive_key(receipt.digits(), salt, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_receipt_is_16_digits_shown_in_groups_of_four() {
        let receipt = Receipt::generate();
        let shown = receipt.grouped();
        let shown = shown.expose_secret();
        assert_eq!(shown.len(), 19);
        for (index, c) in shown.chars().enumerate() {
            if index % 5 == 4 {
                assert_eq!(c, ' ');
            } else {
                assert!(c.is_ascii_digit(), "{index}");
            }
        }
        assert!(Receipt::parse(shown).unwrap() == receipt);
    }

    #[test]
    fn parse_accepts_spaces_and_dashes_anywhere() {
        let expected = Receipt::parse("1234567890123456").unwrap();
        for input in [
            "1234 5678 9012 3456",
            "1234-5678-9012-3456",
            "  1234\t5678 - 9012\u{a0}3456 ",
            "12 34 56 78 90 12 34 56",
            "1234\u{2013}5678\u{2013}9012\u{2013}3456",
        ] {
            assert!(Receipt::parse(input).unwrap() == expected, "{input}");
        }
        assert_eq!(
            Receipt::parse("1234 5678 9012 3456")
                .unwrap()
                .grouped()
                .expose_secret(),
            "1234 5678 9012 3456"
        );
    }

    #[test]
    fn parse_names_the_problem() {
        assert_eq!(
            Receipt::parse("1234 5678 9012 345").err().unwrap(),
            ReceiptError::WrongLength { digits: 15 }
        );
        assert_eq!(
            Receipt::parse("1234 5678 9012 3456 7").err().unwrap(),
            ReceiptError::WrongLength { digits: 17 }
        );
        assert_eq!(
            Receipt::parse("").err().unwrap(),
            ReceiptError::WrongLength { digits: 0 }
        );
        assert_eq!(
            Receipt::parse("1234 5678 9O12 3456").err().unwrap(),
            ReceiptError::NotADigit { position: 12 }
        );
        // Digits from other scripts look like digits but are not what was printed.
        assert_eq!(
            Receipt::parse("１234567890123456").err().unwrap(),
            ReceiptError::NotADigit { position: 1 }
        );
        assert_eq!(
            Receipt::parse("1234.5678.9012.3456").err().unwrap(),
            ReceiptError::NotADigit { position: 5 }
        );
    }

    #[test]
    fn digits_are_roughly_uniform() {
        // 16,000 digits: each count is about 1,600 with a standard deviation of
        // about 38, so a bound of ±250 fails only for a broken generator.
        let mut counts = [0usize; 10];
        for _ in 0..1000 {
            for &d in Receipt::generate().digits() {
                counts[usize::from(d - b'0')] += 1;
            }
        }
        for (digit, &count) in counts.iter().enumerate() {
            assert!((1350..=1850).contains(&count), "digit {digit}: {count}");
        }
    }

    #[test]
    fn the_lookup_depends_on_the_receipt_and_the_server_secret() {
        let secret = ServerSecret::from_bytes(&[5; 32]);
        let a = Receipt::parse("1111 2222 3333 4444").unwrap();
        let b = Receipt::parse("1111 2222 3333 4445").unwrap();
        assert_eq!(receipt_lookup(&secret, &a), receipt_lookup(&secret, &a));
        assert_ne!(receipt_lookup(&secret, &a), receipt_lookup(&secret, &b));
        assert_ne!(
            receipt_lookup(&secret, &a),
            receipt_lookup(&ServerSecret::from_bytes(&[6; 32]), &a)
        );
    }

    #[test]
    fn the_reporter_key_depends_on_the_receipt_and_the_case_salt() {
        let params = KdfParams::for_tests();
        let salt = Salt::generate();
        let receipt = Receipt::generate();
        let key = reporter_key(&receipt, &salt, &params).unwrap();
        let typed = Receipt::parse(receipt.grouped().expose_secret()).unwrap();
        assert!(reporter_key(&typed, &salt, &params).unwrap() == key);
        assert!(reporter_key(&receipt, &Salt::generate(), &params).unwrap() != key);
        assert!(reporter_key(&Receipt::generate(), &salt, &params).unwrap() != key);
    }
}
