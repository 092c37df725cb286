//! Kết luận nội dung tố cáo (NĐ31 Form 12; LTC Art. 35).
//!
//! The conclusion goes to the person denounced and their managing body, and is published
//! (LTC Art. 40); it must never reveal the denouncer (LTC Art. 56; NĐ31 Art. 6). None of
//! the types below has a field that could hold the denouncer's identity. Handling of a
//! knowingly false denouncer (LTC 44(1)(c)) is a separate decision for the same reason.

use crate::date_line::short;
use crate::decision::punctuate;
use crate::money::vnd;
use crate::page::{Draft, render};
use crate::title::title;
use crate::typography::{BODY, body, body_text, run};
use crate::{Accused, DocumentError, DocumentHeader, DocumentKind, IssuedDocument, Official};

/// The finding on one content (LTC Art. 35(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    PartlyCorrect,
    False,
}

impl Verdict {
    fn text(self) -> &'static str {
        match self {
            Self::Correct => "đúng",
            Self::PartlyCorrect => "đúng một phần",
            Self::False => "sai",
        }
    }
}

/// What was verified on one content of the denunciation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The content as accepted.
    pub content: String,
    /// What verification established, one paragraph per entry.
    pub facts: Vec<String>,
    pub verdict: Verdict,
}

/// Money or property to be recovered or compensated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// What the sum is and from whom: "tiền chi sai định mức hỗ trợ giải phóng mặt bằng".
    pub description: String,
    pub amount_vnd: u64,
}

/// A person the resolver disciplines, or recommends their employer discipline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discipline {
    pub person: Official,
    /// What for, and in what form: "xem xét xử lý kỷ luật theo quy định do …".
    pub measure: String,
}

/// The facts of a conclusion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    /// Numbered as a conclusion (`…/KL-…` by default; the symbol is configurable).
    pub header: DocumentHeader,
    /// The resolver, as the text names them: "Chánh Thanh tra tỉnh Phú Thọ".
    pub resolver: String,
    pub acceptance: IssuedDocument,
    pub accused: Accused,
    /// The verification report the conclusion rests on: "Báo cáo kết quả xác minh số
    /// 15/BC-TXM ngày 03/03/2025 của Tổ xác minh".
    pub verification_report: String,
    pub findings: Vec<Finding>,
    /// Measures the resolver takes or recommends, in their own words.
    pub measures: Vec<String>,
    pub recoveries: Vec<Recovery>,
    pub discipline: Vec<Discipline>,
    /// The investigation agency the file goes to if there are signs of a crime (LTC Art.
    /// 44(1)(d)).
    pub criminal_referral: Option<String>,
}

/// The overall verdict: correct if every content was correct, false if every content was
/// false, otherwise partly correct.
pub fn overall_verdict(findings: &[Finding]) -> Option<Verdict> {
    let first = findings.first()?.verdict;
    if findings.iter().all(|f| f.verdict == first) && first != Verdict::PartlyCorrect {
        Some(first)
    } else {
        Some(Verdict::PartlyCorrect)
    }
}

/// The conclusion as DOCX bytes.
pub fn conclusion(facts: &Conclusion) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    header.check("a conclusion", "conclusion (KL)", |kind| {
        matches!(kind, DocumentKind::Conclusion { .. })
    })?;
    if facts.resolver.trim().is_empty() {
        return Err(DocumentError::Missing("the resolver"));
    }
    if !facts.accused.is_complete() {
        return Err(DocumentError::Missing("the person or body denounced"));
    }
    if facts.verification_report.trim().is_empty() {
        return Err(DocumentError::Missing("the verification report"));
    }
    if facts.findings.iter().any(|f| f.content.trim().is_empty()) {
        return Err(DocumentError::Missing("the content of every finding"));
    }
    let Some(overall) = overall_verdict(&facts.findings) else {
        return Err(DocumentError::Missing("at least one finding"));
    };
    if facts.discipline.iter().any(|d| !d.person.is_complete()) {
        return Err(DocumentError::Missing(
            "the name of every person to discipline",
        ));
    }
    if facts.acceptance.date > header.date {
        return Err(DocumentError::DateOrder(
            "the acceptance is dated after the conclusion",
        ));
    }

    let resolver = facts.resolver.trim();
    let accused = facts.accused.describe();
    let mut content = title("Kết luận", &format!("Nội dung tố cáo đối với {accused}"));

    content.push(body_text(format!(
        "Ngày {}, {resolver} ban hành {} về việc thụ lý tố cáo đối với {accused}.",
        short(facts.acceptance.date),
        facts.acceptance.cite("Quyết định"),
    )));
    content.push(body_text(format!(
        "Căn cứ {}, nội dung giải trình của người bị tố cáo và các thông tin, tài liệu, chứng cứ \
có liên quan, {resolver} kết luận như sau:",
        facts.verification_report.trim().trim_end_matches('.')
    )));

    content.push(heading("1. Kết quả xác minh nội dung tố cáo"));
    for (i, finding) in facts.findings.iter().enumerate() {
        content.push(heading(&format!(
            "1.{}. Nội dung {}: {}",
            i + 1,
            i + 1,
            finding.content.trim()
        )));
        content.extend(
            finding
                .facts
                .iter()
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
                .map(body_text),
        );
        content.push(body_text(format!(
            "Kết luận: nội dung tố cáo này là {}.",
            finding.verdict.text()
        )));
    }

    content.push(heading("2. Kết luận"));
    content.push(body_text(format!(
        "Tố cáo đối với {accused} là tố cáo {}.",
        overall.text()
    )));

    let mut actions: Vec<String> = facts
        .measures
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .map(|m| format!("- {m}"))
        .collect();
    actions.extend(
        facts
            .recoveries
            .iter()
            .map(|r| format!("- Thu hồi {}: {}", r.description.trim(), vnd(r.amount_vnd))),
    );
    if facts.recoveries.len() > 1 {
        let total = facts.recoveries.iter().map(|r| r.amount_vnd).sum::<u64>();
        actions.push(format!("- Tổng số tiền phải thu hồi: {}", vnd(total)));
    }
    actions.extend(
        facts
            .discipline
            .iter()
            .map(|d| format!("- Đối với {}: {}", d.person.describe(), d.measure.trim())),
    );
    if let Some(agency) = facts
        .criminal_referral
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        actions.push(format!(
            "- Chuyển hồ sơ vụ việc đến {agency} để xem xét, xử lý theo quy định của pháp luật về \
tố tụng hình sự"
        ));
    }
    if !actions.is_empty() {
        content.push(heading("3. Biện pháp xử lý theo thẩm quyền và kiến nghị"));
        content.extend(punctuate(&actions, ".").into_iter().map(body_text));
    }

    content.push(body_text(
        "Kết luận này được gửi đến người bị tố cáo, cơ quan, tổ chức quản lý người bị tố cáo; \
người tố cáo được thông báo về kết luận nội dung tố cáo theo quy định tại khoản 3 Điều 35 Luật \
Tố cáo./.",
    ));

    render(Draft {
        header,
        letter_subject: None,
        content,
    })
}

/// A numbered section heading inside the text, in bold.
fn heading(text: &str) -> docx_rs::Paragraph {
    body().add_run(run(text, BODY).bold())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(verdict: Verdict) -> Finding {
        Finding {
            content: "x".to_owned(),
            facts: vec![],
            verdict,
        }
    }

    #[test]
    fn overall_verdict_is_partly_correct_unless_all_agree() {
        use Verdict::*;
        assert_eq!(overall_verdict(&[]), None);
        assert_eq!(
            overall_verdict(&[finding(Correct), finding(Correct)]),
            Some(Correct)
        );
        assert_eq!(
            overall_verdict(&[finding(False), finding(False)]),
            Some(False)
        );
        assert_eq!(
            overall_verdict(&[finding(Correct), finding(False)]),
            Some(PartlyCorrect)
        );
        assert_eq!(
            overall_verdict(&[finding(PartlyCorrect)]),
            Some(PartlyCorrect)
        );
    }
}
