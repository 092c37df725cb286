//! Free Vietnamese text an administrator types: a unit's name, its head's
//! position; and a staff member's own full name.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use super::field_error::{FieldError, check_length};

const MAX_CHARS: usize = 200;

/// Trims, normalises to NFC (so "Việt" typed on two keyboards is one string and
/// sorts and compares as one) and refuses control characters, which have no place
/// in a name and could break a CSV export or a terminal.
fn parse_text(field: &'static str, input: &str) -> Result<String, FieldError> {
    let text: String = input.trim().nfc().collect();
    if let Some((index, character)) = text.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(FieldError::InvalidCharacter {
            field,
            character,
            position: index + 1,
            allowed: "printable text",
        });
    }
    check_length(field, &text, 1, MAX_CHARS)?;
    Ok(text)
}

/// A unit's Vietnamese name ("Ủy ban Kiểm tra Tỉnh ủy"): 1–200 characters, NFC.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitName(String);

impl UnitName {
    /// Parses a name as typed.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        parse_text("unit name", input).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The title of a unit's head ("Chánh Thanh tra tỉnh"): 1–200 characters, NFC.
/// Routing uses it to address documents to the head by position, not by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HeadPosition(String);

impl HeadPosition {
    /// Parses a position as typed.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        parse_text("head position", input).map(Self)
    }

    /// The position.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HeadPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A staff member's full name as on their ID card, typed by themselves only to
/// compute a blind index for the conflict-of-interest check; never stored.
/// 1–200 characters, NFC. No `Debug` or `Display`; wiped on drop.
#[derive(Clone, PartialEq, Eq, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
pub struct FullName(String);

impl FullName {
    /// Parses a name as typed.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        parse_text("full name", input).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_composed() {
        let decomposed = UnitName::parse("  Thanh tra tỉnh Vie\u{0323}\u{0302}t  ").unwrap();
        assert_eq!(decomposed.as_str(), "Thanh tra tỉnh Vi\u{1ec7}t");
        assert_eq!(
            HeadPosition::parse("Chánh Thanh tra").unwrap().as_str(),
            "Chánh Thanh tra"
        );
    }

    #[test]
    fn a_full_name_is_checked_like_other_text() {
        assert_eq!(
            FullName::parse(" Nguyễn Văn A ").unwrap().as_str(),
            "Nguyễn Văn A"
        );
        assert_eq!(
            FullName::parse("").err().unwrap().to_string(),
            "full name: must not be empty"
        );
    }

    #[test]
    fn bad_names_are_named() {
        assert_eq!(
            UnitName::parse("   ").unwrap_err().to_string(),
            "unit name: must not be empty"
        );
        assert_eq!(
            UnitName::parse(&"ă".repeat(201)).unwrap_err().to_string(),
            "unit name: at most 200 characters, got 201"
        );
        assert!(UnitName::parse(&"ă".repeat(200)).is_ok());
        assert!(matches!(
            HeadPosition::parse("Chánh\u{7}"),
            Err(FieldError::InvalidCharacter {
                field: "head position",
                position: 6,
                ..
            })
        ));
    }
}
