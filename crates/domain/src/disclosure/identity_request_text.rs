//! What a requester writes: the legal reason, the circumstances, the purpose.

use serde::{Deserialize, Serialize};

use super::LegalReason;
use crate::intake::{FieldErrors, ReportFieldError};
use crate::protection::text::{checked, empty};

/// The longest account of the circumstances, in characters.
pub const DETAILS_MAX: usize = 5000;
/// The longest purpose, in characters.
pub const PURPOSE_MAX: usize = 1000;

/// A checked request to see a reporter's identity. No `Debug`.
///
/// Only [`IdentityRequestText::legal_reason`] is stored in clear (the reporter
/// is shown it); `details` and `purpose` are encrypted.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityRequestText {
    /// The legal ground.
    pub legal_reason: LegalReason,
    /// The circumstances that make it necessary (1 to 5000 characters).
    pub details: String,
    /// What the identity will be used for (1 to 1000 characters).
    pub purpose: String,
}

impl IdentityRequestText {
    /// Checks a request as sent; bad fields are named (`legal_reason`,
    /// `details`, `purpose`).
    pub fn parse(
        legal_reason: &str,
        details: &str,
        purpose: &str,
    ) -> Result<IdentityRequestText, FieldErrors> {
        let mut errors = Vec::new();
        let reason = LegalReason::parse(legal_reason);
        if reason.is_none() {
            errors.push(ReportFieldError::new(
                "legal_reason",
                format!(
                    "Chọn một căn cứ pháp lý: {}.",
                    LegalReason::ALL.map(LegalReason::as_str).join(", ")
                ),
                format!(
                    "Choose a legal reason: {}.",
                    LegalReason::ALL.map(LegalReason::as_str).join(", ")
                ),
            ));
        }
        let mut required = |field: &str, text: &str, max: usize| match checked(field, text, max) {
            Ok(Some(text)) => text,
            Ok(None) => {
                errors.push(empty(field));
                String::new()
            }
            Err(error) => {
                errors.push(error);
                String::new()
            }
        };
        let details = required("details", details, DETAILS_MAX);
        let purpose = required("purpose", purpose, PURPOSE_MAX);
        match (FieldErrors::from_vec(errors), reason) {
            (None, Some(legal_reason)) => Ok(IdentityRequestText {
                legal_reason,
                details,
                purpose,
            }),
            (Some(errors), _) => Err(errors),
            (None, None) => unreachable!("a missing reason is an error"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_request_is_trimmed() {
        let text = IdentityRequestText::parse(
            "verification_contact",
            " Cần gặp người tố cáo để đối chiếu chứng từ. ",
            " Mời làm việc ",
        )
        .unwrap();
        assert_eq!(text.legal_reason, LegalReason::VerificationContact);
        assert_eq!(text.details, "Cần gặp người tố cáo để đối chiếu chứng từ.");
        assert_eq!(text.purpose, "Mời làm việc");
    }

    #[test]
    fn bad_input_names_every_field() {
        let errors = IdentityRequestText::parse("curiosity", "", "")
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["legal_reason", "details", "purpose"]);
        let errors = IdentityRequestText::parse("reward", "x", &"y".repeat(PURPOSE_MAX + 1))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["purpose"]);
    }
}
