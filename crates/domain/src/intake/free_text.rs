//! Checking free text a person typed: normalised, length-limited, no control
//! characters. Shared by every text field of a report so they all behave alike.

use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::field_errors::ReportFieldError;

/// Whether a field may hold line breaks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lines {
    /// A name, a subject: one line.
    Single,
    /// What happened: paragraphs; tabs and line breaks are kept.
    Multi,
}

/// Trims, normalises to NFC (so text typed on two Vietnamese keyboards compares
/// as one), turns CR LF into LF, and refuses control characters other than the
/// line breaks and tabs a multi-line field may hold: they could break a
/// terminal, a CSV export or a PDF.
fn normalise(
    field: &str,
    input: &str,
    lines: Lines,
) -> Result<Zeroizing<String>, ReportFieldError> {
    let unified = Zeroizing::new(input.replace("\r\n", "\n").replace('\r', "\n"));
    let text: Zeroizing<String> = Zeroizing::new(unified.trim().nfc().collect());
    let allowed = |c: char| lines == Lines::Multi && (c == '\n' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ReportFieldError::new(
            field,
            "Có ký tự điều khiển không được phép.",
            "Contains a control character that is not allowed.",
        ));
    }
    Ok(text)
}

fn too_long(field: &str, max: usize, actual: usize) -> ReportFieldError {
    ReportFieldError::new(
        field,
        format!("Tối đa {max} ký tự (hiện có {actual})."),
        format!("At most {max} characters (got {actual})."),
    )
}

/// An empty required field.
pub(crate) fn empty(field: &str) -> ReportFieldError {
    ReportFieldError::new(field, "Không được để trống.", "Must not be empty.")
}

/// A field that must hold 1 to `max` characters.
pub(crate) fn required(
    field: &str,
    input: &str,
    max: usize,
    lines: Lines,
) -> Result<String, ReportFieldError> {
    optional(field, input, max, lines)?.ok_or_else(|| empty(field))
}

/// A field that may be empty (then `None`) or hold up to `max` characters.
pub(crate) fn optional(
    field: &str,
    input: &str,
    max: usize,
    lines: Lines,
) -> Result<Option<String>, ReportFieldError> {
    let text = normalise(field, input, lines)?;
    let actual = text.chars().count();
    if actual == 0 {
        return Ok(None);
    }
    if actual > max {
        return Err(too_long(field, max, actual));
    }
    Ok(Some(String::from(text.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_normalised_and_line_breaks_unified() {
        // "Việt" with a combining dot below and circumflex, as some keyboards type it.
        let decomposed = "  Vie\u{0323}\u{0302}t\r\nNam ";
        assert_eq!(
            required("content", decomposed, 100, Lines::Multi).unwrap(),
            "Việt\nNam"
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let forty_vietnamese = "ệ".repeat(40);
        assert!(required("subject", &forty_vietnamese, 40, Lines::Single).is_ok());
        let error = required("subject", &"ệ".repeat(41), 40, Lines::Single).unwrap_err();
        assert_eq!(error.field, "subject");
        assert!(error.message_en.contains("41"));
    }

    #[test]
    fn blanks_are_empty_and_control_characters_are_refused() {
        assert_eq!(
            required("subject", " \t\n ", 10, Lines::Single)
                .unwrap_err()
                .field,
            "subject"
        );
        assert_eq!(optional("x", "   ", 10, Lines::Single).unwrap(), None);
        assert!(required("subject", "a\nb", 10, Lines::Single).is_err());
        assert!(required("content", "a\nb\tc", 10, Lines::Multi).is_ok());
        assert!(required("content", "a\u{0007}b", 10, Lines::Multi).is_err());
        assert!(required("content", "a\u{0000}b", 10, Lines::Multi).is_err());
    }
}
