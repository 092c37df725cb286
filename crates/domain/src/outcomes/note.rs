//! A staff note on a decision (why it was deliberate, why a proposal was
//! rejected): free text kept under the case key.

use crate::intake::FieldErrors;
use crate::protection::text::checked;

/// The longest note, in characters.
pub const NOTE_MAX: usize = 2000;

/// Checks an optional note; `Ok(None)` when empty. The error names `note`.
pub fn checked_note(text: &str) -> Result<Option<String>, FieldErrors> {
    checked("note", text, NOTE_MAX)
        .map_err(|error| FieldErrors::from_vec(vec![error]).expect("one error is not none"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(checked_note("  "), Ok(None));
        assert_eq!(checked_note(" Có ý. ").unwrap().as_deref(), Some("Có ý."));
        let errors = checked_note(&"x".repeat(NOTE_MAX + 1)).unwrap_err();
        assert_eq!(errors.fields(), ["note"]);
    }
}
