//! A reporter's account of retaliation (trả thù, trù dập) because they reported.

use serde::{Deserialize, Serialize};

use super::text::{checked, empty};
use crate::intake::FieldErrors;

/// The longest account, in characters.
pub const WHAT_HAPPENED_MAX: usize = 5000;
/// The longest "when", in characters.
pub const WHEN_MAX: usize = 200;

/// A checked report of retaliation. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetaliationReport {
    /// What happened (1 to 5000 characters).
    pub what_happened: String,
    /// When, as the reporter puts it (may be empty, at most 200 characters).
    pub when: String,
}

impl RetaliationReport {
    /// Checks a report as sent; bad fields are named (`what_happened`, `when`).
    pub fn parse(what_happened: &str, when: &str) -> Result<RetaliationReport, FieldErrors> {
        let mut errors = Vec::new();
        let what = match checked("what_happened", what_happened, WHAT_HAPPENED_MAX) {
            Ok(Some(text)) => text,
            Ok(None) => {
                errors.push(empty("what_happened"));
                String::new()
            }
            Err(error) => {
                errors.push(error);
                String::new()
            }
        };
        let when = match checked("when", when, WHEN_MAX) {
            Ok(text) => text.unwrap_or_default(),
            Err(error) => {
                errors.push(error);
                String::new()
            }
        };
        match FieldErrors::from_vec(errors) {
            Some(errors) => Err(errors),
            None => Ok(RetaliationReport {
                what_happened: what,
                when,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_report_is_trimmed() {
        let report = RetaliationReport::parse(" Bị điều chuyển công tác. ", " 03/2026 ").unwrap();
        assert_eq!(report.what_happened, "Bị điều chuyển công tác.");
        assert_eq!(report.when, "03/2026");
        assert!(RetaliationReport::parse("x", "").is_ok());
    }

    #[test]
    fn bad_input_names_the_fields() {
        let errors = RetaliationReport::parse("", &"x".repeat(WHEN_MAX + 1))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["what_happened", "when"]);
        let errors = RetaliationReport::parse(&"x".repeat(WHAT_HAPPENED_MAX + 1), "")
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["what_happened"]);
    }
}
