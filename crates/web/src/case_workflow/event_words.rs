//! Words for the entries of a case's timeline.

use khien_domain::case_file::{
    CaseEvent, Classification, ComplexityCriterion, CriminalAuthority, Finding, TerminationGround,
};

use crate::language::Language;

/// The event, in Vietnamese and English.
pub fn event_label(event: &CaseEvent) -> (&'static str, &'static str) {
    match event {
        CaseEvent::Received { .. } => ("Tiếp nhận đơn", "Received"),
        CaseEvent::Classified { .. } => ("Phân loại đơn", "Classified"),
        CaseEvent::Accepted { .. } => ("Quyết định thụ lý", "Accepted"),
        CaseEvent::NotAccepted { .. } => ("Không thụ lý", "Not accepted"),
        CaseEvent::Forwarded {
            outside: Some(_), ..
        } => (
            "Chuyển đơn ra ngoài Khiên (gửi công văn bằng giấy)",
            "Forwarded outside Khiên (letter sent on paper)",
        ),
        CaseEvent::Forwarded { .. } => ("Chuyển đơn", "Forwarded"),
        CaseEvent::ForwardReceived { .. } => (
            "Cơ quan có thẩm quyền tiếp nhận đơn chuyển đến",
            "Received from forwarding",
        ),
        CaseEvent::TransferredCriminal { .. } => (
            "Chuyển cơ quan điều tra / viện kiểm sát",
            "Transferred (criminal signs)",
        ),
        CaseEvent::HandledAsInformation { .. } => {
            ("Xử lý như thông tin (Điều 25)", "Handled as information")
        }
        CaseEvent::HandlerAssigned { .. } => ("Phân công cán bộ thụ lý", "Handler assigned"),
        CaseEvent::VerifiersAssigned { .. } => ("Giao nhiệm vụ xác minh", "Verifiers assigned"),
        CaseEvent::VerificationPlanRecorded { .. } => ("Kế hoạch xác minh", "Verification plan"),
        CaseEvent::MeetingRecorded { .. } => ("Làm việc, đối thoại", "Meeting"),
        CaseEvent::EvidenceRecorded { .. } => ("Thu thập chứng cứ", "Evidence"),
        CaseEvent::Extended { .. } => ("Gia hạn giải quyết", "Extended"),
        CaseEvent::Suspended { .. } => ("Tạm đình chỉ", "Suspended"),
        CaseEvent::Resumed { .. } => ("Tiếp tục giải quyết", "Resumed"),
        CaseEvent::Terminated { .. } => ("Đình chỉ giải quyết", "Terminated"),
        CaseEvent::Concluded { .. } => ("Kết luận nội dung tố cáo", "Concluded"),
        CaseEvent::ConclusionHandled { .. } => ("Xử lý kết luận", "Conclusion handled"),
        CaseEvent::Published { .. } => ("Công khai kết luận", "Published"),
        CaseEvent::NoticeSent { .. } => ("Gửi thông báo", "Notice sent"),
        CaseEvent::Closed { .. } => ("Kết thúc hồ sơ", "Closed"),
        CaseEvent::PetitionReplied { .. } => ("Trả lời phản ánh, kiến nghị", "Replied"),
        CaseEvent::ReDenunciationReceived { .. } => ("Nhận đơn tố cáo tiếp", "Re-denunciation"),
        CaseEvent::ReviewOpened { .. } => ("Cấp trên xem xét lại", "Review opened"),
    }
}

/// The event's facts worth a line on the timeline (free text included: only members
/// who opened the case see the timeline).
pub fn event_detail(event: &CaseEvent, lang: Language) -> String {
    match event {
        CaseEvent::Classified { as_kind, .. } => classification_label(lang, *as_kind).to_owned(),
        CaseEvent::NotAccepted { grounds, .. } => grounds.clone(),
        CaseEvent::Forwarded {
            outside: Some(body),
            ..
        } => body.clone(),
        CaseEvent::Forwarded { to_unit, .. } => to_unit.clone(),
        CaseEvent::TransferredCriminal { to, .. } => match to {
            CriminalAuthority::InvestigationAgency => {
                lang.pick("Cơ quan điều tra", "Investigation agency")
            }
            CriminalAuthority::Procuracy => lang.pick("Viện kiểm sát", "Procuracy"),
        }
        .to_owned(),
        CaseEvent::Suspended { reason, .. } => reason.clone(),
        CaseEvent::Concluded {
            finding,
            measures,
            amount_to_recover_vnd,
            persons_to_discipline,
            ..
        } => {
            let finding = match finding {
                Finding::Correct => lang.pick("Tố cáo đúng", "Correct"),
                Finding::PartlyCorrect => lang.pick("Tố cáo đúng một phần", "Partly correct"),
                Finding::False => lang.pick("Tố cáo sai", "False"),
            };
            let mut parts = vec![finding.to_owned()];
            parts.extend(measures.iter().cloned());
            if *amount_to_recover_vnd > 0 {
                parts.push(format!(
                    "{} {}",
                    lang.pick("thu hồi", "recover"),
                    khien_documents::money::dong(*amount_to_recover_vnd)
                ));
            }
            if *persons_to_discipline > 0 {
                parts.push(format!(
                    "{persons_to_discipline} {}",
                    lang.pick("người bị kiến nghị xử lý", "persons to discipline")
                ));
            }
            parts.join("; ")
        }
        CaseEvent::Published { from, until, .. } => {
            format!("{} – {}", from.format("%d/%m/%Y"), until.format("%d/%m/%Y"))
        }
        CaseEvent::NoticeSent { notice, .. } => {
            let english = notice.to_string();
            lang.pick(notice.label_vi(), &english).to_owned()
        }
        CaseEvent::Extended { criteria, .. } => criteria
            .iter()
            .map(|criterion| criterion_label(lang, *criterion))
            .collect::<Vec<_>>()
            .join("; "),
        CaseEvent::Terminated { ground, .. } => match ground {
            TerminationGround::Withdrawal { .. } => {
                lang.pick("Người tố cáo rút tố cáo", "Withdrawn")
            }
            TerminationGround::AccusedDied => lang.pick("Người bị tố cáo chết", "The accused died"),
            TerminationGround::PriorJudgment => {
                lang.pick("Đã có bản án, quyết định", "Prior judgment")
            }
        }
        .to_owned(),
        CaseEvent::ReviewOpened { at_unit, .. } => at_unit.clone(),
        _ => String::new(),
    }
}

/// A classification in words.
pub fn classification_label(lang: Language, class: Classification) -> &'static str {
    match class {
        Classification::Denunciation => lang.pick("Tố cáo", "Denunciation"),
        Classification::Reflection => lang.pick("Phản ánh", "Reflection"),
        Classification::Petition => lang.pick("Kiến nghị", "Petition"),
        Classification::ComplaintMixedIn => {
            lang.pick("Có nội dung khiếu nại", "Complaint mixed in")
        }
        Classification::NotOurs => lang.pick("Không thuộc thẩm quyền", "Not within our competence"),
    }
}

/// A criterion of NĐ31 Art. 3 in words.
pub fn criterion_label(lang: Language, criterion: ComplexityCriterion) -> &'static str {
    match criterion {
        ComplexityCriterion::SeveralLocations => lang.pick(
            "Xác minh ở nhiều địa điểm",
            "Verification at several locations",
        ),
        ComplexityCriterion::SeveralContents => {
            lang.pick("Nhiều nội dung khác nhau", "Several separate contents")
        }
        ComplexityCriterion::ManyPeople => lang.pick(
            "Nhiều người tố cáo hoặc liên quan",
            "Many denouncers or people affected",
        ),
        ComplexityCriterion::ForeignElement => {
            lang.pick("Có yếu tố nước ngoài", "A foreign element")
        }
        ComplexityCriterion::SeveralBodiesResponsible => lang.pick(
            "Liên quan trách nhiệm nhiều cơ quan",
            "Several bodies responsible",
        ),
        ComplexityCriterion::BodiesDisagree => {
            lang.pick("Các cơ quan còn ý kiến khác nhau", "The bodies disagree")
        }
        ComplexityCriterion::ContradictoryEvidence => {
            lang.pick("Chứng cứ mâu thuẫn", "Contradictory evidence")
        }
    }
}

#[cfg(test)]
mod tests {
    use khien_domain::case_file::{CaseEvent, Finding};

    use super::event_detail;
    use crate::language::Language;

    #[test]
    fn a_conclusion_writes_its_amount_as_vietnamese_do() {
        let day = "2026-11-20".parse().unwrap();
        let concluded = CaseEvent::Concluded {
            on: day,
            finding: Finding::PartlyCorrect,
            measures: Vec::new(),
            amount_to_recover_vnd: 45_000_000,
            persons_to_discipline: 0,
            false_report_flag: false,
            decided_on: day,
        };
        let words = event_detail(&concluded, Language::Vi);
        assert!(words.contains("thu hồi 45.000.000 đ"), "{words}");
    }
}
