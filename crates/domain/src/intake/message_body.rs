//! The text of a message between a reporter and staff.

use zeroize::{Zeroize, ZeroizeOnDrop};

use super::field_errors::FieldErrors;
use super::free_text::{self, Lines};
use super::limits::MESSAGE_MAX;

/// A checked message body: 1 to 10 000 characters. No `Debug`; wiped when dropped.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct MessageBody(String);

impl MessageBody {
    /// Checks a body as typed; errors name the field `body`.
    pub fn parse(input: &str) -> Result<Self, FieldErrors> {
        free_text::required("body", input, MESSAGE_MAX, Lines::Multi)
            .map(Self)
            .map_err(|error| FieldErrors::from_vec(vec![error]).expect("one error"))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked_and_errors_name_the_field() {
        assert_eq!(
            MessageBody::parse(" Xin chào\r\n ").unwrap().as_str(),
            "Xin chào"
        );
        for bad in ["", "   ", &"x".repeat(10_001), "a\u{1b}[31m"] {
            assert_eq!(MessageBody::parse(bad).err().unwrap().fields(), ["body"]);
        }
        assert!(MessageBody::parse(&"x".repeat(10_000)).is_ok());
    }
}
