//! The short code an administrator gives a unit (`TU-BKT`, `SO.TC`).

use std::fmt;

use super::field_error::{FieldError, check_length};

const FIELD: &str = "unit code";
const MIN: usize = 2;
const MAX: usize = 32;

/// A unit's code: 2–32 of `A-Z 0-9 . _ -`, stored uppercase. Lowercase input is
/// accepted and uppercased, since codes are read aloud and typed by hand.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitCode(String);

impl UnitCode {
    /// Parses a code as typed (surrounding spaces ignored).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let typed = input.trim();
        // Checked as typed, so the error shows the character the person entered.
        for (index, character) in typed.chars().enumerate() {
            if !(character.is_ascii_alphanumeric() || matches!(character, '.' | '_' | '-')) {
                return Err(FieldError::InvalidCharacter {
                    field: FIELD,
                    character,
                    position: index + 1,
                    allowed: "letters A-Z, digits and . _ -",
                });
            }
        }
        let code = typed.to_ascii_uppercase();
        check_length(FIELD, &code, MIN, MAX)?;
        Ok(Self(code))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_uppercased_and_trimmed() {
        assert_eq!(UnitCode::parse(" tu-bkt ").unwrap().as_str(), "TU-BKT");
        assert_eq!(UnitCode::parse("SO.TC_2").unwrap().as_str(), "SO.TC_2");
    }

    #[test]
    fn bad_codes_name_the_field_and_the_problem() {
        let cases = [
            ("", "unit code: must not be empty"),
            ("A", "unit code: at least 2 characters, got 1"),
            (
                "UBND TINH",
                "unit code: character ' ' at position 5 is not allowed; use letters A-Z, digits and . _ -",
            ),
            (
                "Sở",
                "unit code: character 'ở' at position 2 is not allowed; use letters A-Z, digits and . _ -",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(
                UnitCode::parse(input).unwrap_err().to_string(),
                message,
                "{input}"
            );
        }
        assert_eq!(
            UnitCode::parse(&"A".repeat(33)).unwrap_err(),
            FieldError::TooLong {
                field: "unit code",
                max: 32,
                actual: 33
            }
        );
        assert!(UnitCode::parse(&"A".repeat(32)).is_ok());
    }
}
