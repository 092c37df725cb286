//! Quyết định về việc thụ lý tố cáo (NĐ31 Form 04; LTC Art. 29).
//!
//! The decision is notified to the denouncer and to the person denounced (LTC 29(3)), so
//! it names no denouncer: the struct has no field that could hold one (LTC Art. 56).

use chrono::NaiveDate;

use crate::date_line::short;
use crate::decision::{article, bases, decides, punctuate};
use crate::page::{Draft, render};
use crate::title::{authority, title};
use crate::typography::body_text;
use crate::{Accused, DocumentError, DocumentHeader, DocumentKind, Official};

/// Who verifies the content (LTC Art. 31; NĐ31 Form 08 for a team).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verifier {
    /// The resolver assigns one official.
    Official(Official),
    /// A verification team (Tổ xác minh): its leader first, then its members.
    Team {
        leader: Official,
        members: Vec<Official>,
    },
    /// A subordinate body, e.g. "Thanh tra tỉnh".
    Body(String),
}

/// The facts of an acceptance decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptanceDecision {
    /// Numbered as a decision (`…/QĐ-…`) and dated the day of acceptance.
    pub header: DocumentHeader,
    /// Who has the power to decide, as the line under the title states it: "Chánh Thanh tra
    /// tỉnh Phú Thọ", "Chủ tịch Ủy ban nhân dân xã Thanh Sơn".
    pub resolver_title: String,
    /// Bases after the Law on Denunciation and Decree 31, without "Căn cứ": usually the
    /// instrument that gives the resolver this competence.
    pub further_bases: Vec<String>,
    /// "Theo đề nghị của …": the unit that processed the petition, if any.
    pub proposal: Option<String>,
    /// The date the petition was received.
    pub received_on: NaiveDate,
    pub accused: Accused,
    /// The contents accepted for resolution, one per item.
    pub contents: Vec<String>,
    pub verifier: Verifier,
    /// The statutory time limit in days (30, LTC Art. 30(1)).
    pub time_limit_days: u32,
    /// The last day of that limit, as the calendar computed it.
    pub deadline: NaiveDate,
    /// Who carries out the decision ("Chánh Văn phòng", the verifier, the person denounced).
    pub implementers: Vec<String>,
}

/// The acceptance decision as DOCX bytes.
pub fn acceptance_decision(facts: &AcceptanceDecision) -> Result<Vec<u8>, DocumentError> {
    let header = &facts.header;
    header.check("an acceptance decision", "decision (QĐ)", |kind| {
        matches!(kind, DocumentKind::Decision)
    })?;
    if facts.resolver_title.trim().is_empty() {
        return Err(DocumentError::Missing("the resolver's title"));
    }
    if !facts.accused.is_complete() {
        return Err(DocumentError::Missing("the person or body denounced"));
    }
    if facts.contents.iter().all(|c| c.trim().is_empty()) {
        return Err(DocumentError::Missing("the contents accepted"));
    }
    if facts.implementers.iter().all(|i| i.trim().is_empty()) {
        return Err(DocumentError::Missing("who implements the decision"));
    }
    let verifier_named = match &facts.verifier {
        Verifier::Official(official) => official.is_complete(),
        Verifier::Team { leader, members } => {
            leader.is_complete() && members.iter().all(Official::is_complete)
        }
        Verifier::Body(body) => !body.trim().is_empty(),
    };
    if !verifier_named {
        return Err(DocumentError::Missing("the verifier"));
    }
    if facts.time_limit_days == 0 {
        return Err(DocumentError::Missing("the time limit"));
    }
    if facts.received_on > header.date {
        return Err(DocumentError::DateOrder(
            "the petition is received after its acceptance",
        ));
    }
    if facts.deadline <= header.date {
        return Err(DocumentError::DateOrder(
            "the deadline is not after the acceptance",
        ));
    }

    let mut content = title("Quyết định", "Về việc thụ lý tố cáo");
    content.push(authority(&facts.resolver_title));
    content.extend(bases(&facts.further_bases, facts.proposal.as_deref()));
    content.push(decides());

    content.push(article(
        1,
        format!(
            "Thụ lý tố cáo đối với {} (đơn tố cáo nhận ngày {}).",
            facts.accused.describe(),
            short(facts.received_on)
        ),
    ));
    content.push(body_text("Nội dung tố cáo được thụ lý gồm:"));
    let contents: Vec<String> = facts
        .contents
        .iter()
        .filter(|c| !c.trim().is_empty())
        .cloned()
        .collect();
    for (i, text) in punctuate(&contents, ".").into_iter().enumerate() {
        content.push(body_text(format!("{}. {text}", i + 1)));
    }

    content.extend(verification(&facts.verifier));
    content.push(body_text(format!(
        "Thời hạn giải quyết tố cáo là {} ngày kể từ ngày thụ lý tố cáo, đến hết ngày {}.",
        facts.time_limit_days,
        short(facts.deadline)
    )));

    let implementers: Vec<&str> = facts
        .implementers
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    content.push(article(
        3,
        format!(
            "Quyết định này có hiệu lực kể từ ngày ký. {} chịu trách nhiệm thi hành Quyết định này./.",
            implementers.join(", ")
        ),
    ));

    render(Draft {
        header,
        letter_subject: None,
        content,
    })
}

/// Article 2: who verifies.
fn verification(verifier: &Verifier) -> Vec<docx_rs::Paragraph> {
    const TASK: &str = "tiến hành xác minh nội dung tố cáo nêu tại Điều 1 Quyết định này và báo \
cáo kết quả xác minh bằng văn bản";
    match verifier {
        Verifier::Official(official) => {
            // The comma closes the apposition "ông X, Thanh tra viên," before the verb.
            vec![article(2, format!("Giao {}, {TASK}.", official.describe()))]
        }
        Verifier::Body(body) => vec![article(2, format!("Giao {} {TASK}.", body.trim()))],
        Verifier::Team { leader, members } => {
            let mut out = vec![article(2, "Thành lập Tổ xác minh nội dung tố cáo gồm:")];
            let roster: Vec<String> =
                std::iter::once(format!("{} – Tổ trưởng", leader.describe_at_line_start()))
                    .chain(
                        members
                            .iter()
                            .map(|m| format!("{} – Thành viên", m.describe_at_line_start())),
                    )
                    .collect();
            for (i, line) in punctuate(&roster, ".").into_iter().enumerate() {
                out.push(body_text(format!("{}. {line}", i + 1)));
            }
            out.push(body_text(format!("Tổ xác minh có nhiệm vụ {TASK}.")));
            out
        }
    }
}
