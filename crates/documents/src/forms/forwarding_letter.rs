//! Công văn chuyển đơn tố cáo: the letter sending a petition to the competent body
//! (LTC Art. 24(2); once per content, Circular 05/2021/TT-TTCP Art. 14).
//!
//! The petition travels as an attachment through the confidential channel; the letter
//! itself does not name the denouncer (it may be copied, registered and filed by staff
//! who have no need to know), so the struct has no field for them.

use chrono::NaiveDate;

use crate::date_line::short;
use crate::page::{Draft, render};
use crate::title::addressee;
use crate::typography::body_text;
use crate::{Accused, DocumentError, DocumentHeader, DocumentKind};

/// The subject line under the number ("V/v …", Decree 30 Appendix I).
pub const FORWARDING_SUBJECT: &str = "V/v chuyển đơn tố cáo";

/// The facts of a forwarding letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForwardingLetter {
    /// Numbered as a letter (`…/TTT-TTr`).
    pub header: DocumentHeader,
    /// The competent body or officer, as addressed: "Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ".
    pub competent_body: String,
    pub received_on: NaiveDate,
    pub accused: Accused,
    /// What the petition alleges, in a sentence.
    pub summary: String,
    /// Why the matter is the addressee's to resolve, with its legal basis: "người bị tố cáo
    /// là Phó Chủ tịch Ủy ban nhân dân xã, thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban
    /// nhân dân tỉnh theo Điều 13 Luật Tố cáo".
    pub reason: String,
}

/// The forwarding letter as DOCX bytes.
pub fn forwarding_letter(facts: &ForwardingLetter) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    header.check("a forwarding letter", "letter (công văn)", |kind| {
        matches!(kind, DocumentKind::Letter { .. })
    })?;
    if facts.competent_body.trim().is_empty() {
        return Err(DocumentError::Missing("the competent body"));
    }
    if !facts.accused.is_complete() {
        return Err(DocumentError::Missing("the person or body denounced"));
    }
    if facts.summary.trim().is_empty() {
        return Err(DocumentError::Missing("the summary of the petition"));
    }
    if facts.reason.trim().is_empty() {
        return Err(DocumentError::Missing(
            "the reason the addressee is competent",
        ));
    }
    if facts.received_on > header.date {
        return Err(DocumentError::DateOrder(
            "the petition is received after it is forwarded",
        ));
    }

    let issuer = header.issuer_in_text();
    let issuer = issuer.as_str();
    let competent = facts.competent_body.trim();
    let content = vec![
        addressee(competent),
        body_text(format!(
            "Ngày {}, {issuer} nhận được đơn tố cáo đối với {} về việc: {}.",
            short(facts.received_on),
            facts.accused.describe(),
            facts.summary.trim().trim_end_matches('.'),
        )),
        body_text(format!(
            "Căn cứ khoản 2 Điều 24 Luật Tố cáo, nội dung tố cáo nêu trên không thuộc thẩm quyền \
giải quyết của {issuer}: {}.",
            facts.reason.trim().trim_end_matches('.')
        )),
        body_text(format!(
            "{issuer} chuyển đơn tố cáo và các tài liệu kèm theo đến {competent} để xem xét, giải \
quyết theo thẩm quyền."
        )),
        body_text(
            "Đề nghị giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người \
tố cáo theo quy định tại Điều 56 Luật Tố cáo./.",
        ),
    ];

    render(Draft {
        header,
        letter_subject: Some(FORWARDING_SUBJECT),
        content,
    })
}
