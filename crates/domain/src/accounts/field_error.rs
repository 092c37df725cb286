//! Why a typed value was refused, naming the field so the message can be shown as is.

/// A value an administrator typed that does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// Nothing was given.
    #[error("{field}: must not be empty")]
    Empty {
        /// The field, as a person would name it ("unit code").
        field: &'static str,
    },
    /// Fewer characters than the field needs.
    #[error("{field}: at least {min} characters, got {actual}")]
    TooShort {
        /// The field.
        field: &'static str,
        /// The minimum.
        min: usize,
        /// How many were given.
        actual: usize,
    },
    /// More characters than the field holds.
    #[error("{field}: at most {max} characters, got {actual}")]
    TooLong {
        /// The field.
        field: &'static str,
        /// The maximum.
        max: usize,
        /// How many were given.
        actual: usize,
    },
    /// A character the field does not allow.
    #[error(
        "{field}: character {character:?} at position {position} is not allowed; use {allowed}"
    )]
    InvalidCharacter {
        /// The field.
        field: &'static str,
        /// The character.
        character: char,
        /// Its 1-based position.
        position: usize,
        /// What is allowed, in words.
        allowed: &'static str,
    },
    /// A value that is not one of the field's fixed choices.
    #[error("{field}: unknown value {value:?}; expected one of {expected}")]
    Unknown {
        /// The field.
        field: &'static str,
        /// What was given (never a secret: only choice fields use this).
        value: String,
        /// The choices, comma-separated.
        expected: String,
    },
}

/// Why a new password was refused. Never carries the password itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Shorter than the policy allows.
    #[error("password: at least {min} characters, got {actual}")]
    TooShort {
        /// The minimum.
        min: usize,
        /// How many were given.
        actual: usize,
    },
    /// Longer than the policy allows (Argon2 would take it, but nobody types this).
    #[error("password: at most {max} characters")]
    TooLong {
        /// The maximum.
        max: usize,
    },
    /// On the bundled list of common passwords.
    #[error("password: this is a commonly used password; choose another")]
    Common,
}

/// Counts characters, not bytes: Vietnamese text is mostly multi-byte.
pub(crate) fn check_length(
    field: &'static str,
    text: &str,
    min: usize,
    max: usize,
) -> Result<(), FieldError> {
    let actual = text.chars().count();
    if actual == 0 {
        return Err(FieldError::Empty { field });
    }
    if actual < min {
        return Err(FieldError::TooShort { field, min, actual });
    }
    if actual > max {
        return Err(FieldError::TooLong { field, max, actual });
    }
    Ok(())
}
