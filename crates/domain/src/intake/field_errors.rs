//! Errors that name a field, in Vietnamese and English, collected together.

use std::fmt;

/// One field that was refused, with a message for each language.
///
/// Messages describe the rule, never echo what was typed: the input may be a
/// name or an ID number, and errors can end up in logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFieldError {
    /// The field's path as the API names it: `subject`, `accused[1].name`,
    /// `identity.id_number`, `co_reporters[0].phone`, `files[2]`.
    pub field: String,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
}

impl ReportFieldError {
    /// Builds an error for `field`.
    pub fn new(field: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message_vi: vi.into(),
            message_en: en.into(),
        }
    }
}

impl fmt::Display for ReportFieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message_en)
    }
}

/// Every refused field of one submission, in form order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldErrors(Vec<ReportFieldError>);

impl FieldErrors {
    /// One error on one field (for checks made outside the parser, such as a
    /// unit code that names no unit).
    pub fn single(field: impl Into<String>, vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self(vec![ReportFieldError::new(field, vi, en)])
    }

    /// Wraps collected errors; `None` when there were none.
    pub fn from_vec(errors: Vec<ReportFieldError>) -> Option<Self> {
        (!errors.is_empty()).then_some(Self(errors))
    }

    /// The errors, in form order.
    pub fn iter(&self) -> impl Iterator<Item = &ReportFieldError> {
        self.0.iter()
    }

    /// How many fields were refused.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: there is at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error about `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&ReportFieldError> {
        self.0.iter().find(|error| error.field == field)
    }

    /// The field names, in order (handy in tests and API responses).
    pub fn fields(&self) -> Vec<&str> {
        self.0.iter().map(|error| error.field.as_str()).collect()
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

impl IntoIterator for FieldErrors {
    type Item = ReportFieldError;
    type IntoIter = std::vec::IntoIter<ReportFieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
