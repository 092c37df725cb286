//! Why a custodian agrees to, or refuses, a disclosure.

use serde::{Deserialize, Serialize};

use crate::intake::FieldErrors;
use crate::protection::text::{checked, empty};

/// The longest reason, in characters.
pub const CUSTODIAN_REASON_MAX: usize = 2000;

/// A custodian's reason for their decision (1 to 2000 characters). No `Debug`:
/// it may describe the case. Stored encrypted.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustodianReason(String);

impl CustodianReason {
    /// Checks a reason as typed; the error names the field `reason`.
    pub fn parse(text: &str) -> Result<CustodianReason, FieldErrors> {
        match checked("reason", text, CUSTODIAN_REASON_MAX) {
            Ok(Some(text)) => Ok(CustodianReason(text)),
            Ok(None) => Err(FieldErrors::from_vec(vec![empty("reason")]).expect("one error")),
            Err(error) => Err(FieldErrors::from_vec(vec![error]).expect("one error")),
        }
    }

    /// The reason.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_and_limited() {
        assert_eq!(
            CustodianReason::parse(" Đủ căn cứ. ").unwrap().as_str(),
            "Đủ căn cứ."
        );
        assert_eq!(
            CustodianReason::parse("  ").err().unwrap().fields(),
            ["reason"]
        );
        assert!(CustodianReason::parse(&"x".repeat(CUSTODIAN_REASON_MAX + 1)).is_err());
    }
}
