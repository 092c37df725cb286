//! Unit codes in events are parsed at the boundary, like every other input.

use crate::accounts::UnitCode;

/// The normalised code, or `None` if `text` is not a unit code.
pub(crate) fn unit_code(text: &str) -> Option<String> {
    UnitCode::parse(text)
        .ok()
        .map(|code| code.as_str().to_owned())
}
