//! A national ID number: CMND (9 digits) or CCCD (12 digits).

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::intake::ReportFieldError;

/// A checked ID number, digits only. No `Debug` and no `Display`: it identifies
/// a person, so it must never reach a log line or an error message. Wiped
/// from memory when dropped.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[serde(transparent)]
pub struct NationalIdNumber(String);

impl NationalIdNumber {
    /// Reads a number as people type it: in groups, so whitespace is dropped;
    /// anything else than 9 or 12 digits is refused with an error naming
    /// `field` that does not repeat the input.
    pub fn parse(field: &str, input: &str) -> Result<Self, ReportFieldError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.chars().all(|c| c.is_ascii_digit()) && matches!(digits.len(), 9 | 12) {
            return Ok(Self(digits));
        }
        Err(ReportFieldError::new(
            field,
            "Số CMND/CCCD gồm 9 hoặc 12 chữ số.",
            "An ID number (CMND/CCCD) has 9 or 12 digits.",
        ))
    }

    /// The digits.
    pub fn digits(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmnd_and_cccd_are_read_with_their_spaces_dropped() {
        assert_eq!(
            NationalIdNumber::parse("x", " 001 098 012 345 ")
                .unwrap()
                .digits(),
            "001098012345"
        );
        assert_eq!(
            NationalIdNumber::parse("x", "012345678").unwrap().digits(),
            "012345678"
        );
    }

    #[test]
    fn other_lengths_and_characters_are_refused_without_echo() {
        for bad in [
            "",
            "12345678",
            "1234567890",
            "12345678901a",
            "001-098-012-345",
        ] {
            let error = NationalIdNumber::parse("id_number", bad).err().unwrap();
            assert_eq!(error.field, "id_number");
            if !bad.is_empty() {
                assert!(!error.message_en.contains(bad) && !error.message_vi.contains(bad));
            }
        }
    }

    #[test]
    fn serde_keeps_the_digits() {
        let number = NationalIdNumber::parse("x", "012345678").unwrap();
        let json = serde_json::to_string(&number).unwrap();
        assert_eq!(json, "\"012345678\"");
        let back: NationalIdNumber = serde_json::from_str(&json).unwrap();
        assert!(back == number);
    }
}
