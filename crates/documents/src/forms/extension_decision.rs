//! Quyết định về việc gia hạn giải quyết tố cáo (NĐ31 Form 01; LTC Art. 30; NĐ31 Art. 3).
//!
//! A complex case (one criterion of NĐ31 Art. 3) may be extended once, an especially
//! complex one (two or more) twice, each time by at most 30 days. The decision is notified
//! to both parties, so it names no denouncer (LTC Art. 56).

use chrono::NaiveDate;

use crate::date_line::short;
use crate::decision::{article, bases, decides, punctuate};
use crate::page::{Draft, render};
use crate::title::{authority, title};
use crate::typography::body_text;
use crate::{Accused, DocumentError, DocumentHeader, DocumentKind, IssuedDocument};

/// The longest one extension may be (LTC Art. 30(1)).
pub const MAX_EXTENSION_DAYS: u32 = 30;

/// The criteria of NĐ31 Art. 3 that make a case complex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ComplexityCriterion {
    SeveralLocations,
    SeveralContents,
    ManyDenouncersOrAffected,
    ForeignElement,
    SeveralBodiesResponsible,
    BodiesDisagree,
    ContradictoryEvidence,
}

impl ComplexityCriterion {
    fn text(self) -> &'static str {
        match self {
            Self::SeveralLocations => "Phải xác minh tại nhiều địa điểm",
            Self::SeveralContents => "Nội dung tố cáo gồm nhiều nội dung khác nhau",
            Self::ManyDenouncersOrAffected => {
                "Có nhiều người tố cáo hoặc liên quan đến quyền, lợi ích của nhiều người"
            }
            Self::ForeignElement => "Có yếu tố nước ngoài",
            Self::SeveralBodiesResponsible => {
                "Liên quan đến trách nhiệm của nhiều cơ quan, tổ chức"
            }
            Self::BodiesDisagree => "Các cơ quan, tổ chức có ý kiến khác nhau",
            Self::ContradictoryEvidence => "Có tình tiết, chứng cứ mâu thuẫn với nhau",
        }
    }
}

/// Which extension this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtensionRound {
    First,
    /// Only for especially complex cases.
    Second,
}

/// The facts of an extension decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionDecision {
    /// Numbered as a decision (`…/QĐ-…`).
    pub header: DocumentHeader,
    /// The resolver's title, as under the acceptance decision's title.
    pub resolver_title: String,
    /// Bases after the Law on Denunciation and Decree 31, without "Căn cứ".
    pub further_bases: Vec<String>,
    pub proposal: Option<String>,
    /// The acceptance decision whose time limit is extended.
    pub acceptance: IssuedDocument,
    pub accused: Accused,
    /// The criteria that apply; at least one, and two for a second extension.
    pub criteria: Vec<ComplexityCriterion>,
    pub round: ExtensionRound,
    pub extension_days: u32,
    /// The last day of the extended limit, as the calendar computed it.
    pub new_deadline: NaiveDate,
    pub implementers: Vec<String>,
}

/// The extension decision as DOCX bytes.
pub fn extension_decision(facts: &ExtensionDecision) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    header.check("an extension decision", "decision (QĐ)", |kind| {
        matches!(kind, DocumentKind::Decision)
    })?;
    if facts.resolver_title.trim().is_empty() {
        return Err(DocumentError::Missing("the resolver's title"));
    }
    if !facts.accused.is_complete() {
        return Err(DocumentError::Missing("the person or body denounced"));
    }
    if facts.implementers.iter().all(|i| i.trim().is_empty()) {
        return Err(DocumentError::Missing("who implements the decision"));
    }
    let mut criteria = facts.criteria.clone();
    // The same criterion twice does not make a case especially complex.
    criteria.sort();
    criteria.dedup();
    let especially = match criteria.len() {
        0 => {
            return Err(DocumentError::Missing(
                "a complexity criterion (NĐ31 Art. 3)",
            ));
        }
        1 => false,
        _ => true,
    };
    if facts.round == ExtensionRound::Second && !especially {
        return Err(DocumentError::Missing(
            "two complexity criteria: a second extension is for especially complex cases",
        ));
    }
    if facts.extension_days == 0 || facts.extension_days > MAX_EXTENSION_DAYS {
        return Err(DocumentError::Missing("an extension of 1 to 30 days"));
    }
    if facts.acceptance.date > header.date {
        return Err(DocumentError::DateOrder(
            "the acceptance is dated after its extension",
        ));
    }
    if facts.new_deadline <= header.date {
        return Err(DocumentError::DateOrder(
            "the new deadline is not after the decision",
        ));
    }

    let acceptance = facts.acceptance.cite("Quyết định");
    let mut extra = facts.further_bases.clone();
    extra.push(format!("{acceptance} về việc thụ lý tố cáo"));

    let mut content = title("Quyết định", "Về việc gia hạn giải quyết tố cáo");
    content.push(authority(&facts.resolver_title));
    content.extend(bases(&extra, facts.proposal.as_deref()));
    content.push(decides());
    let round = match facts.round {
        ExtensionRound::First => "lần thứ nhất",
        ExtensionRound::Second => "lần thứ hai",
    };
    content.push(article(
        1,
        format!(
            "Gia hạn giải quyết tố cáo ({round}) đối với {} đã được thụ lý tại {acceptance}.",
            facts.accused.describe()
        ),
    ));
    let class = if especially {
        "đặc biệt phức tạp"
    } else {
        "phức tạp"
    };
    content.push(body_text(format!(
        "Lý do gia hạn: vụ việc {class} theo quy định tại Điều 3 Nghị định số 31/2019/NĐ-CP:"
    )));
    let reasons: Vec<String> = criteria.iter().map(|c| format!("- {}", c.text())).collect();
    content.extend(punctuate(&reasons, ".").into_iter().map(body_text));
    content.push(body_text(format!(
        "Thời gian gia hạn là {} ngày; thời hạn giải quyết tố cáo được kéo dài đến hết ngày {}.",
        facts.extension_days,
        short(facts.new_deadline)
    )));

    let implementers: Vec<&str> = facts
        .implementers
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    content.push(article(
        2,
        format!(
            "Quyết định này có hiệu lực kể từ ngày ký và được gửi cho người tố cáo, người bị tố \
cáo. {} chịu trách nhiệm thi hành Quyết định này./.",
            implementers.join(", ")
        ),
    ));

    render(Draft {
        header,
        letter_subject: None,
        content,
    })
}
