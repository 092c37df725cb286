//! The tracking number: a case's public name, safe to print on letters and
//! show to staff. It is **not** the receipt and opens nothing.
//!
//! `KH-2026-7Q4M9X2D`: the year of receipt and 8 characters of Crockford
//! base32 (40 random bits). Crockford's alphabet has no I, L, O or U, so a
//! number read aloud or retyped from paper is not misread; when parsing, the
//! look-alikes O → 0 and I, L → 1 are accepted.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_CHARS: usize = 8;

/// A case's tracking number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingNumber(String);

impl TrackingNumber {
    /// Builds a number from the year of receipt and 5 random bytes (the
    /// caller draws them: this crate does no I/O).
    pub fn new(year: i32, random: [u8; 5]) -> Self {
        let bits = random
            .iter()
            .fold(0u64, |acc, &byte| (acc << 8) | u64::from(byte));
        let mut text = format!("KH-{:04}-", year.clamp(0, 9999));
        for index in (0..RANDOM_CHARS).rev() {
            text.push(char::from(
                ALPHABET[((bits >> (index * 5)) & 0x1f) as usize],
            ));
        }
        Self(text)
    }

    /// Reads a number as a person types it: any case, surrounding spaces, and
    /// Crockford's look-alike letters.
    pub fn parse(input: &str) -> Option<Self> {
        let upper = input.trim().to_ascii_uppercase();
        let rest = upper.strip_prefix("KH-")?;
        let (year, code) = rest.split_once('-')?;
        let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        if !year_ok || code.chars().count() != RANDOM_CHARS {
            return None;
        }
        let mut text = format!("KH-{year}-");
        for c in code.chars() {
            let c = match c {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            text.push(c);
        }
        Some(Self(text))
    }

    /// The number as shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for TrackingNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TrackingNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom("not a tracking number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_has_the_year_and_eight_crockford_characters() {
        assert_eq!(
            TrackingNumber::new(2026, [0; 5]).as_str(),
            "KH-2026-00000000"
        );
        assert_eq!(
            TrackingNumber::new(2026, [0xff; 5]).as_str(),
            "KH-2026-ZZZZZZZZ"
        );
        // 0x01 0x23 0x45 0x67 0x89 = 00000 00100 10001 10100 01010 11001 11100 01001
        assert_eq!(
            TrackingNumber::new(2026, [0x01, 0x23, 0x45, 0x67, 0x89]).as_str(),
            "KH-2026-04HMASW9"
        );
    }

    #[test]
    fn typed_numbers_are_read_forgivingly_and_round_trip() {
        let number = TrackingNumber::new(2027, [9, 8, 7, 6, 5]);
        assert_eq!(TrackingNumber::parse(number.as_str()), Some(number.clone()));
        assert_eq!(
            TrackingNumber::parse(&format!("  {}  ", number.as_str().to_lowercase())),
            Some(number)
        );
        assert_eq!(
            TrackingNumber::parse("kh-2026-o1il2345").unwrap().as_str(),
            "KH-2026-01112345"
        );
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in [
            "",
            "KH-2026-0000000",
            "KH-2026-000000000",
            "KH-26-00000000",
            "XX-2026-00000000",
            "KH-2026-0000000U",
            "KH-2026-0000000!",
            "KH-2026-ÀÀÀÀÀÀÀÀ",
            "KH202600000000",
        ] {
            assert_eq!(TrackingNumber::parse(bad), None, "{bad}");
        }
    }
}
