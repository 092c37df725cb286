//! Words for the entries of a case's timeline.

use khien_domain::case_file::CaseEvent;

/// The event, in Vietnamese and English.
pub fn event_label(event: &CaseEvent) -> (&'static str, &'static str) {
    match event {
        CaseEvent::Received { .. } => ("Tiếp nhận đơn", "Received"),
        CaseEvent::Classified { .. } => ("Phân loại đơn", "Classified"),
        CaseEvent::Accepted { .. } => ("Quyết định thụ lý", "Accepted"),
        CaseEvent::NotAccepted { .. } => ("Không thụ lý", "Not accepted"),
        CaseEvent::Forwarded { .. } => ("Chuyển đơn", "Forwarded"),
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
pub fn event_detail(event: &CaseEvent) -> String {
    match event {
        CaseEvent::Classified { as_kind, .. } => as_kind.as_str().replace('_', " "),
        CaseEvent::NotAccepted { grounds, .. } => grounds.clone(),
        CaseEvent::Forwarded { to_unit, .. } => to_unit.clone(),
        CaseEvent::Suspended { reason, .. } => reason.clone(),
        CaseEvent::Concluded {
            finding,
            measures,
            amount_to_recover_vnd,
            persons_to_discipline,
            ..
        } => format!(
            "{finding:?}; {}; {amount_to_recover_vnd} VND; {persons_to_discipline}",
            measures.join("; ")
        ),
        CaseEvent::Published { from, until, .. } => {
            format!("{} – {}", from.format("%d/%m/%Y"), until.format("%d/%m/%Y"))
        }
        CaseEvent::NoticeSent { notice, .. } => notice.to_string(),
        CaseEvent::Extended { criteria, .. } => format!("{criteria:?}"),
        CaseEvent::Terminated { ground, .. } => format!("{ground:?}"),
        CaseEvent::ReviewOpened { at_unit, .. } => at_unit.clone(),
        _ => String::new(),
    }
}
