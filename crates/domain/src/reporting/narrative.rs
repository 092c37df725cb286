//! What a unit writes in its report beside the figures: what it did under the plan,
//! the problems it met, its proposals; and why a report already submitted is replaced.

/// The longest narrative, in characters: about eight printed pages.
pub const NARRATIVE_MAX_CHARS: usize = 20_000;
/// The longest reason for replacing a submitted report.
pub const REASON_MAX_CHARS: usize = 1_000;

/// A report's narrative: trimmed, not empty, at most [`NARRATIVE_MAX_CHARS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrative(String);

/// A reason for replacing a submitted report: trimmed, not empty, at most
/// [`REASON_MAX_CHARS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionReason(String);

/// Why a narrative or a reason was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NarrativeError {
    #[error("cần nội dung báo cáo / the report's text is missing")]
    EmptyNarrative,
    #[error(
        "nội dung báo cáo dài {chars} ký tự, tối đa {NARRATIVE_MAX_CHARS} / the report's text \
         has {chars} characters, at most {NARRATIVE_MAX_CHARS}"
    )]
    NarrativeTooLong { chars: usize },
    #[error(
        "lý do thay báo cáo đã gửi dài {chars} ký tự, tối đa {REASON_MAX_CHARS} / the reason \
         has {chars} characters, at most {REASON_MAX_CHARS}"
    )]
    ReasonTooLong { chars: usize },
}

impl Narrative {
    pub fn parse(text: &str) -> Result<Narrative, NarrativeError> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 {
            return Err(NarrativeError::EmptyNarrative);
        }
        if chars > NARRATIVE_MAX_CHARS {
            return Err(NarrativeError::NarrativeTooLong { chars });
        }
        Ok(Narrative(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl RevisionReason {
    /// `None` for a blank reason.
    pub fn parse(text: &str) -> Result<Option<RevisionReason>, NarrativeError> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 {
            return Ok(None);
        }
        if chars > REASON_MAX_CHARS {
            return Err(NarrativeError::ReasonTooLong { chars });
        }
        Ok(Some(RevisionReason(text.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narratives_are_trimmed_and_bounded() {
        assert_eq!(
            Narrative::parse("  Đã quán triệt. ").unwrap().as_str(),
            "Đã quán triệt."
        );
        assert_eq!(
            Narrative::parse(" \n "),
            Err(NarrativeError::EmptyNarrative)
        );
        let long = "ả".repeat(NARRATIVE_MAX_CHARS + 1);
        assert!(matches!(
            Narrative::parse(&long),
            Err(NarrativeError::NarrativeTooLong { .. })
        ));
        assert!(Narrative::parse(&"ả".repeat(NARRATIVE_MAX_CHARS)).is_ok());
        assert_eq!(RevisionReason::parse("  "), Ok(None));
        assert!(RevisionReason::parse(&"x".repeat(REASON_MAX_CHARS + 1)).is_err());
    }
}
