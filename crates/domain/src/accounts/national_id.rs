//! A national ID number: CMND (9 digits) or CCCD (12 digits).
//!
//! A staff member registers theirs for the conflict-of-interest check; a
//! reporter may give theirs with their identity. Neither the number nor any
//! part of it appears in an error message, and the type has no `Debug`.

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::intake::ReportFieldError;

/// A checked ID number: its digits only. No `Debug`, wiped on drop. Serialised as
/// its digits, only inside encrypted documents.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[serde(transparent)]
pub struct NationalIdNumber(String);

/// Why an ID number was refused. Never carries the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NationalIdError {
    /// Nothing was typed.
    Empty,
    /// Not 9 or 12 digits.
    Malformed,
}

impl NationalIdError {
    /// The message in Vietnamese.
    pub fn message_vi(self) -> &'static str {
        match self {
            NationalIdError::Empty => "Hãy nhập số CMND/CCCD.",
            NationalIdError::Malformed => "Số CMND/CCCD gồm 9 hoặc 12 chữ số.",
        }
    }

    /// The message in English.
    pub fn message_en(self) -> &'static str {
        match self {
            NationalIdError::Empty => "Enter the ID number (CMND/CCCD).",
            NationalIdError::Malformed => "An ID number (CMND/CCCD) has 9 or 12 digits.",
        }
    }
}

impl NationalIdNumber {
    /// Parses a number as typed. People type it in groups, so spaces are dropped.
    pub fn parse(input: &str) -> Result<Self, NationalIdError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(NationalIdError::Empty);
        }
        if digits.chars().all(|c| c.is_ascii_digit()) && matches!(digits.len(), 9 | 12) {
            Ok(Self(digits))
        } else {
            Err(NationalIdError::Malformed)
        }
    }

    /// Parses a required number of a form or JSON field; the error names `field`
    /// and never repeats the input.
    pub fn parse_field(field: &str, input: &str) -> Result<Self, ReportFieldError> {
        Self::parse(input).map_err(|error| {
            let error = match error {
                // A field that must hold a number says what a number looks like.
                NationalIdError::Empty => NationalIdError::Malformed,
                other => other,
            };
            ReportFieldError::new(field, error.message_vi(), error.message_en())
        })
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
    fn nine_or_twelve_digits_in_any_grouping() {
        assert_eq!(
            NationalIdNumber::parse(" 001 098 012 345 ")
                .unwrap()
                .digits(),
            "001098012345"
        );
        assert_eq!(
            NationalIdNumber::parse("123456789").unwrap().digits(),
            "123456789"
        );
        for bad in [
            "12345678",
            "1234567890",
            "0010980123456",
            "00109801234x",
            "００１０９８０１２３４５",
        ] {
            assert_eq!(
                NationalIdNumber::parse(bad).err(),
                Some(NationalIdError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            NationalIdNumber::parse("  ").err(),
            Some(NationalIdError::Empty)
        );
    }
}
