//! Checking free text of the protection forms: trimmed, NFC, no control
//! characters other than line breaks and tabs, length-limited.

use unicode_normalization::UnicodeNormalization;

use crate::intake::ReportFieldError;

/// `Ok(None)` for empty text, the checked text otherwise.
pub(crate) fn checked(
    field: &str,
    input: &str,
    max: usize,
) -> Result<Option<String>, ReportFieldError> {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let text: String = unified.trim().nfc().collect();
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(ReportFieldError::new(
            field,
            "Có ký tự điều khiển không được phép.",
            "Contains a control character that is not allowed.",
        ));
    }
    let actual = text.chars().count();
    if actual > max {
        return Err(ReportFieldError::new(
            field,
            format!("Tối đa {max} ký tự (hiện có {actual})."),
            format!("At most {max} characters (got {actual})."),
        ));
    }
    Ok((actual > 0).then_some(text))
}

/// An empty required field.
pub(crate) fn empty(field: &str) -> ReportFieldError {
    ReportFieldError::new(field, "Không được để trống.", "Must not be empty.")
}
