//! The signature block: who signs, in whose name, and the signer's name.

use docx_rs::Paragraph;

use crate::typography::{BODY, blank_line, centred, run};

/// The signing-authority prefixes of Decree 30 Appendix I.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigningPrefix {
    /// Thay mặt: for a collective body ("TM. ỦY BAN NHÂN DÂN").
    Tm,
    /// Ký thay: a deputy for the head ("KT. CHỦ TỊCH").
    Kt,
    /// Quyền: an acting head ("Q. CHÁNH THANH TRA").
    Q,
    /// Thừa lệnh: the head's office by order ("TL. CHỦ TỊCH").
    Tl,
    /// Thừa ủy quyền: by the head's written authorisation ("TUQ. CHỦ TỊCH").
    Tuq,
}

impl SigningPrefix {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tm => "TM.",
            Self::Kt => "KT.",
            Self::Q => "Q.",
            Self::Tl => "TL.",
            Self::Tuq => "TUQ.",
        }
    }
}

/// One line of the authority above the signature, e.g. "KT. CHỦ TỊCH" or "PHÓ CHỦ TỊCH".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningLine {
    pub prefix: Option<SigningPrefix>,
    /// The body or position, written in capitals by the form (Appendix I).
    pub title: String,
}

impl SigningLine {
    /// A line with a prefix: `SigningLine::on_behalf(SigningPrefix::Kt, "Chủ tịch")`.
    pub fn on_behalf(prefix: SigningPrefix, title: impl Into<String>) -> Self {
        Self {
            prefix: Some(prefix),
            title: title.into(),
        }
    }

    /// A plain position line: `SigningLine::position("Phó Chủ tịch")`.
    pub fn position(title: impl Into<String>) -> Self {
        Self {
            prefix: None,
            title: title.into(),
        }
    }

    fn text(&self) -> String {
        let title = self.title.trim().to_uppercase();
        match self.prefix {
            Some(prefix) => format!("{} {title}", prefix.as_str()),
            None => title,
        }
    }
}

/// The signature block, top to bottom: authority lines (the last one is the signer's own
/// position), space for the signature and seal, the signer's full name.
///
/// Examples: `[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]`, `[CHÁNH THANH TRA]`,
/// `[Q. CHÁNH THANH TRA]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBlock {
    pub lines: Vec<SigningLine>,
    pub name: String,
}

/// Five empty lines (about 3 cm): room for a handwritten signature and the seal over a
/// third of it. (A digital signature image is placed by the signing software, not here.)
const SIGNING_SPACE: usize = 5;

impl SignatureBlock {
    pub(crate) fn is_complete(&self) -> bool {
        !self.lines.is_empty()
            && self.lines.iter().all(|line| !line.title.trim().is_empty())
            && !self.name.trim().is_empty()
    }

    /// Authority lines in bold capitals (13–14 pt), the name in bold (13–14 pt).
    pub(crate) fn paragraphs(&self) -> Vec<Paragraph> {
        let mut out: Vec<Paragraph> = self
            .lines
            .iter()
            .map(|line| centred().add_run(run(line.text(), BODY).bold()))
            .collect();
        out.extend((0..SIGNING_SPACE).map(|_| blank_line()));
        out.push(centred().add_run(run(self.name.trim(), BODY).bold()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capitalised_with_their_prefix() {
        assert_eq!(
            SigningLine::on_behalf(SigningPrefix::Tm, "Ủy ban nhân dân").text(),
            "TM. ỦY BAN NHÂN DÂN"
        );
        assert_eq!(
            SigningLine::on_behalf(SigningPrefix::Tuq, "Chủ tịch").text(),
            "TUQ. CHỦ TỊCH"
        );
        assert_eq!(
            SigningLine::position("Phó Chánh Thanh tra").text(),
            "PHÓ CHÁNH THANH TRA"
        );
        assert_eq!(SigningPrefix::Q.as_str(), "Q.");
        assert_eq!(SigningPrefix::Tl.as_str(), "TL.");
        assert_eq!(SigningPrefix::Kt.as_str(), "KT.");
    }

    #[test]
    fn a_block_without_a_name_or_position_is_incomplete() {
        let complete = SignatureBlock {
            lines: vec![SigningLine::position("Chánh Thanh tra")],
            name: "Nguyễn Văn An".to_owned(),
        };
        assert!(complete.is_complete());
        assert!(
            !SignatureBlock {
                name: " ".to_owned(),
                ..complete.clone()
            }
            .is_complete()
        );
        assert!(
            !SignatureBlock {
                lines: vec![],
                ..complete
            }
            .is_complete()
        );
    }
}
