//! A deadline kind's code (API, database) and its words.

use super::deadline::DeadlineKind;

impl DeadlineKind {
    /// Every kind, in procedural order.
    pub const ALL: [DeadlineKind; 11] = [
        DeadlineKind::Acceptance,
        DeadlineKind::Forwarding,
        DeadlineKind::AcceptanceNotice,
        DeadlineKind::Resolution,
        DeadlineKind::SuspensionNotice,
        DeadlineKind::TerminationNotice,
        DeadlineKind::ConclusionNotice,
        DeadlineKind::ConclusionHandling,
        DeadlineKind::Publicity,
        DeadlineKind::PetitionReply,
        DeadlineKind::ReDenunciationReview,
    ];

    /// The spelling in the API and the database.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::Acceptance => "acceptance",
            DeadlineKind::Forwarding => "forwarding",
            DeadlineKind::AcceptanceNotice => "acceptance_notice",
            DeadlineKind::Resolution => "resolution",
            DeadlineKind::SuspensionNotice => "suspension_notice",
            DeadlineKind::TerminationNotice => "termination_notice",
            DeadlineKind::ConclusionNotice => "conclusion_notice",
            DeadlineKind::ConclusionHandling => "conclusion_handling",
            DeadlineKind::Publicity => "publicity",
            DeadlineKind::PetitionReply => "petition_reply",
            DeadlineKind::ReDenunciationReview => "re_denunciation_review",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    /// The step, in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            DeadlineKind::Acceptance => "Phân loại, kiểm tra điều kiện và quyết định thụ lý",
            DeadlineKind::Forwarding => "Chuyển đơn đến cơ quan có thẩm quyền",
            DeadlineKind::AcceptanceNotice => "Thông báo quyết định thụ lý",
            DeadlineKind::Resolution => "Giải quyết tố cáo",
            DeadlineKind::SuspensionNotice => "Gửi quyết định tạm đình chỉ",
            DeadlineKind::TerminationNotice => "Gửi quyết định đình chỉ",
            DeadlineKind::ConclusionNotice => "Gửi kết luận nội dung tố cáo",
            DeadlineKind::ConclusionHandling => "Xử lý kết luận nội dung tố cáo",
            DeadlineKind::Publicity => "Công khai kết luận",
            DeadlineKind::PetitionReply => "Trả lời phản ánh, kiến nghị",
            DeadlineKind::ReDenunciationReview => "Xem xét tố cáo tiếp",
        }
    }

    /// The step, in English.
    pub fn label_en(self) -> &'static str {
        match self {
            DeadlineKind::Acceptance => "Classify, check and decide on acceptance",
            DeadlineKind::Forwarding => "Forward to the competent unit",
            DeadlineKind::AcceptanceNotice => "Send the acceptance decision",
            DeadlineKind::Resolution => "Resolve the denunciation",
            DeadlineKind::SuspensionNotice => "Send the suspension decision",
            DeadlineKind::TerminationNotice => "Send the termination decision",
            DeadlineKind::ConclusionNotice => "Send the conclusion",
            DeadlineKind::ConclusionHandling => "Handle the conclusion",
            DeadlineKind::Publicity => "Publish the conclusion",
            DeadlineKind::PetitionReply => "Reply to the reflection or petition",
            DeadlineKind::ReDenunciationReview => "Review the re-denunciation",
        }
    }
}
