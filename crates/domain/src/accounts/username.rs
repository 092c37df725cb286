//! A staff member's login name.

use std::fmt;

use super::field_error::{FieldError, check_length};

const FIELD: &str = "username";
const MIN: usize = 3;
const MAX: usize = 64;

/// A login name: 3–64 of `a-z 0-9 . _ -`, stored lowercase so `NguyenVanA` and
/// `nguyenvana` cannot be two accounts. Not a personal name: audit entries use ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Username(String);

impl Username {
    /// Parses a username as typed (surrounding spaces ignored, letters lowercased).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let typed = input.trim();
        for (index, character) in typed.chars().enumerate() {
            if !(character.is_ascii_alphanumeric() || matches!(character, '.' | '_' | '-')) {
                return Err(FieldError::InvalidCharacter {
                    field: FIELD,
                    character,
                    position: index + 1,
                    allowed: "letters a-z, digits and . _ -",
                });
            }
        }
        let name = typed.to_ascii_lowercase();
        check_length(FIELD, &name, MIN, MAX)?;
        Ok(Self(name))
    }

    /// The username.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lowercased() {
        assert_eq!(
            Username::parse("NguyenVanA").unwrap().as_str(),
            "nguyenvana"
        );
        assert_eq!(
            Username::parse("can.bo_01-x").unwrap().as_str(),
            "can.bo_01-x"
        );
    }

    #[test]
    fn bad_usernames_are_named() {
        assert_eq!(
            Username::parse("ab").unwrap_err().to_string(),
            "username: at least 3 characters, got 2"
        );
        assert_eq!(
            Username::parse("nguyễn").unwrap_err(),
            FieldError::InvalidCharacter {
                field: "username",
                character: 'ễ',
                position: 5,
                allowed: "letters a-z, digits and . _ -"
            }
        );
        assert!(matches!(
            Username::parse(&"a".repeat(65)),
            Err(FieldError::TooLong { max: 64, .. })
        ));
        assert!(matches!(
            Username::parse("  "),
            Err(FieldError::Empty { .. })
        ));
    }
}
