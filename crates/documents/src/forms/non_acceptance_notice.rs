//! Thông báo về việc không thụ lý tố cáo (LTC Arts 24(1), 29(1)).
//!
//! NĐ31 has no form for it; the layout follows the notice (TB) of Decree 30 Appendix III.
//! It is the one document addressed to the denouncer, so it is the one that names them.
//! Lack of competence is not a ground here: a petition for another body is forwarded
//! ([`crate::forwarding_letter`]), not refused.

use chrono::NaiveDate;

use crate::date_line::short;
use crate::decision::punctuate;
use crate::page::{Draft, render};
use crate::title::{addressee, title};
use crate::typography::body_text;
use crate::{Accused, DocumentError, DocumentHeader, DocumentKind, Honorific};

/// The denouncer, as the addressee of this notice. This type exists only here: no other
/// form can take one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeAddressee {
    pub honorific: Honorific,
    pub name: String,
    pub address: String,
}

/// Why the denunciation is not accepted: a condition of LTC Art. 29(1) that is not met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NonAcceptanceGround {
    /// Point a: the petition lacks what LTC Art. 23 requires; says what is missing.
    FormalitiesNotMet { missing: String },
    /// Point b: the denouncer lacks full civil capacity and has no representative.
    NoCivilCapacity,
    /// Point d: the content gives no basis to identify a violator and a violation.
    NoIdentifiableViolation,
    /// Art. 29(1), last paragraph: a complaint resolved lawfully, re-filed as a
    /// denunciation of the person who resolved it, without evidence of their wrongdoing.
    ComplaintResolverWithoutEvidence,
}

impl NonAcceptanceGround {
    fn sentence(&self) -> String {
        match self {
            Self::FormalitiesNotMet { missing } => format!(
                "Đơn tố cáo chưa đáp ứng quy định tại Điều 23 Luật Tố cáo (điểm a khoản 1 Điều 29 \
Luật Tố cáo): {}",
                missing.trim()
            ),
            Self::NoCivilCapacity => {
                "Người tố cáo không có đủ năng lực hành vi dân sự và không có \
người đại diện theo quy định (điểm b khoản 1 Điều 29 Luật Tố cáo)"
                    .to_owned()
            }
            Self::NoIdentifiableViolation => "Nội dung tố cáo không có cơ sở để xác định người vi \
phạm, hành vi vi phạm pháp luật (điểm d khoản 1 Điều 29 Luật Tố cáo)"
                .to_owned(),
            Self::ComplaintResolverWithoutEvidence => "Tố cáo xuất phát từ vụ việc khiếu nại đã \
được giải quyết đúng pháp luật, người tố cáo không cung cấp được thông tin, tài liệu, chứng cứ \
chứng minh người giải quyết khiếu nại có hành vi vi phạm pháp luật (khoản 1 Điều 29 Luật Tố cáo)"
                .to_owned(),
        }
    }
}

/// The facts of a notice of non-acceptance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonAcceptanceNotice {
    /// Numbered as a notice (`…/TB-…`).
    pub header: DocumentHeader,
    pub denouncer: NoticeAddressee,
    pub received_on: NaiveDate,
    pub accused: Accused,
    /// What the petition alleges, in a sentence.
    pub summary: String,
    pub grounds: Vec<NonAcceptanceGround>,
}

/// The notice of non-acceptance as DOCX bytes.
pub fn non_acceptance_notice(facts: &NonAcceptanceNotice) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    header.check("a notice of non-acceptance", "notice (TB)", |kind| {
        matches!(kind, DocumentKind::Notice)
    })?;
    if facts.denouncer.name.trim().is_empty() {
        return Err(DocumentError::Missing("the addressee"));
    }
    if !facts.accused.is_complete() {
        return Err(DocumentError::Missing("the person or body denounced"));
    }
    if facts.summary.trim().is_empty() {
        return Err(DocumentError::Missing("the summary of the petition"));
    }
    if facts.grounds.is_empty() {
        return Err(DocumentError::Missing("the grounds for not accepting"));
    }
    if facts.received_on > header.date {
        return Err(DocumentError::DateOrder(
            "the petition is received after the notice",
        ));
    }

    let issuer = header.issuer_in_text();
    let issuer = issuer.as_str();
    let person = format!(
        "{} {}",
        facts.denouncer.honorific.lower(),
        facts.denouncer.name.trim()
    );
    let mut content = title("Thông báo", "Về việc không thụ lý tố cáo");
    content.push(addressee(&format!(
        "{} {}",
        facts.denouncer.honorific.capitalised(),
        facts.denouncer.name.trim()
    )));

    let address = facts.denouncer.address.trim();
    let address = if address.is_empty() {
        String::new()
    } else {
        format!(", địa chỉ: {address}")
    };
    content.push(body_text(format!(
        "Ngày {}, {issuer} nhận được đơn tố cáo của {person}{address}, tố cáo {} về việc: {}.",
        short(facts.received_on),
        facts.accused.describe(),
        facts.summary.trim().trim_end_matches('.'),
    )));
    content.push(body_text(format!(
        "Sau khi kiểm tra thông tin về người tố cáo và các điều kiện thụ lý tố cáo quy định tại \
khoản 1 Điều 29 Luật Tố cáo, {issuer} thông báo không thụ lý tố cáo nêu trên vì lý do sau:"
    )));
    let grounds: Vec<String> = facts
        .grounds
        .iter()
        .map(|g| format!("- {}", g.sentence()))
        .collect();
    content.extend(punctuate(&grounds, ".").into_iter().map(body_text));
    content.push(body_text(format!(
        "{issuer} thông báo để {person} được biết./."
    )));

    render(Draft {
        header,
        letter_subject: None,
        content,
    })
}
