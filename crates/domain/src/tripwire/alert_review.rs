//! A protection officer's review of an alert: the outcome and a note.

use super::ReviewOutcome;
use crate::intake::{FieldErrors, ReportFieldError};
use crate::protection::text::checked;

/// The longest review note, in characters.
pub const REVIEW_NOTE_MAX: usize = 2000;

/// A checked review. No `Debug`: the note may name people.
pub struct AlertReview {
    /// The outcome.
    pub outcome: ReviewOutcome,
    /// The officer's note, if any.
    pub note: Option<String>,
}

impl AlertReview {
    /// Checks a review as sent; bad fields are named (`outcome`, `note`).
    pub fn parse(outcome: &str, note: &str) -> Result<AlertReview, FieldErrors> {
        let mut errors = Vec::new();
        let outcome = ReviewOutcome::parse(outcome.trim());
        if outcome.is_none() {
            let codes = ReviewOutcome::ALL.map(ReviewOutcome::as_str).join(", ");
            errors.push(ReportFieldError::new(
                "outcome",
                format!("Kết quả rà soát phải là một trong: {codes}."),
                format!("The outcome must be one of: {codes}."),
            ));
        }
        let note = checked("note", note, REVIEW_NOTE_MAX)
            .map_err(|error| errors.push(error))
            .ok();
        match (outcome, note, FieldErrors::from_vec(errors)) {
            (Some(outcome), Some(note), None) => Ok(AlertReview { outcome, note }),
            (_, _, Some(errors)) => Err(errors),
            // A field that did not parse pushed its error; this only keeps the match total.
            _ => Err(FieldErrors::single(
                "outcome",
                "Không hợp lệ.",
                "Not valid.",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_and_notes_are_checked() {
        let review = AlertReview::parse("consent", " Có đơn đồng ý. ").unwrap();
        assert_eq!(review.outcome, ReviewOutcome::Consent);
        assert_eq!(review.note.as_deref(), Some("Có đơn đồng ý."));
        assert!(
            AlertReview::parse("retaliation_suspected", "")
                .unwrap()
                .note
                .is_none()
        );
        let errors = AlertReview::parse("fine", &"x".repeat(REVIEW_NOTE_MAX + 1))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["outcome", "note"]);
    }
}
