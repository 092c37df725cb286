//! A stage's code (API, database) and its words for staff and for the reporter.

use super::state::{CaseState, Stage};

impl Stage {
    /// Every stage, in procedural order.
    pub const ALL: [Stage; 13] = [
        Stage::Empty,
        Stage::Received,
        Stage::Classified,
        Stage::NotAccepted,
        Stage::Forwarded,
        Stage::ForwardedOutside,
        Stage::TransferredCriminal,
        Stage::HandledAsInformation,
        Stage::Accepted,
        Stage::Terminated,
        Stage::Concluded,
        Stage::Replied,
        Stage::Closed,
    ];

    /// The spelling in the API and the database.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Empty => "empty",
            Stage::Received => "received",
            Stage::Classified => "classified",
            Stage::NotAccepted => "not_accepted",
            Stage::Forwarded => "forwarded",
            Stage::ForwardedOutside => "forwarded_outside",
            Stage::TransferredCriminal => "transferred_criminal",
            Stage::HandledAsInformation => "handled_as_information",
            Stage::Accepted => "accepted",
            Stage::Terminated => "terminated",
            Stage::Concluded => "concluded",
            Stage::Replied => "replied",
            Stage::Closed => "closed",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.code() == code)
    }

    /// For staff, in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Stage::Empty => "Chưa tiếp nhận",
            Stage::Received => "Đã tiếp nhận",
            Stage::Classified => "Đã phân loại",
            Stage::NotAccepted => "Không thụ lý",
            Stage::Forwarded => "Đã chuyển đơn",
            Stage::ForwardedOutside => "Đã chuyển ra ngoài Khiên",
            Stage::TransferredCriminal => "Đã chuyển cơ quan điều tra / viện kiểm sát",
            Stage::HandledAsInformation => "Xử lý như thông tin (Điều 25)",
            Stage::Accepted => "Đã thụ lý, đang xác minh",
            Stage::Terminated => "Đã đình chỉ",
            Stage::Concluded => "Đã kết luận",
            Stage::Replied => "Đã trả lời",
            Stage::Closed => "Đã kết thúc",
        }
    }

    /// For staff, in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Stage::Empty => "Not received",
            Stage::Received => "Received",
            Stage::Classified => "Classified",
            Stage::NotAccepted => "Not accepted",
            Stage::Forwarded => "Forwarded",
            Stage::ForwardedOutside => "Forwarded outside Khiên",
            Stage::TransferredCriminal => "Transferred to the investigation agency / procuracy",
            Stage::HandledAsInformation => "Handled as information (Art. 25)",
            Stage::Accepted => "Accepted, under verification",
            Stage::Terminated => "Terminated",
            Stage::Concluded => "Concluded",
            Stage::Replied => "Replied",
            Stage::Closed => "Closed",
        }
    }
}

/// What the reporter is told of where their report stands, in plain words: only what
/// the law lets them know (LTC Art. 9(1)), nothing of the verification's content.
pub struct PublicStage {
    pub vi: String,
    pub en: String,
}

impl CaseState {
    /// The stage as the reporter reads it.
    pub fn public_stage(&self) -> PublicStage {
        let suspended = self.resolution.as_ref().is_some_and(|r| r.is_suspended());
        if let Some(body) = self.forwarded_outside_to() {
            // Where it went, and that Khiên will not follow it there: no promise of
            // updates from a body that does not use it.
            return PublicStage {
                vi: format!(
                    "Đơn đã được chuyển bằng văn bản đến {body}, cơ quan có thẩm quyền giải \
                     quyết; từ nay việc giải quyết do cơ quan này thực hiện ngoài Khiên và \
                     Khiên không nhận được thông tin cập nhật."
                ),
                en: format!(
                    "The report was forwarded by letter to {body}, the competent body; it is \
                     handled there, outside Khiên, from now on, and Khiên receives no updates."
                ),
            };
        }
        let (vi, en) = match self.stage {
            Stage::Empty | Stage::Received | Stage::Classified => (
                "Đơn đã được tiếp nhận và đang được xem xét để quyết định thụ lý.",
                "Your report has been received and is being examined for acceptance.",
            ),
            Stage::NotAccepted => (
                "Cơ quan không thụ lý đơn; lý do được gửi cho bạn trong hộp thư.",
                "The unit did not accept the report; the grounds are sent to your inbox.",
            ),
            Stage::Forwarded | Stage::ForwardedOutside => (
                "Đơn đã được chuyển đến cơ quan có thẩm quyền giải quyết.",
                "The report was forwarded to the competent unit.",
            ),
            Stage::TransferredCriminal => (
                "Nội dung có dấu hiệu tội phạm đã được chuyển cơ quan điều tra hoặc viện kiểm sát.",
                "Content with signs of a crime was transferred to the investigation agency or procuracy.",
            ),
            Stage::HandledAsInformation => (
                "Nội dung được dùng làm thông tin phục vụ thanh tra, kiểm tra.",
                "The content is used as information for inspection.",
            ),
            Stage::Accepted if suspended => (
                "Việc giải quyết đang tạm đình chỉ; thời hạn được tính lại khi tiếp tục.",
                "Resolution is suspended; the time limit runs again when it resumes.",
            ),
            Stage::Accepted => (
                "Đơn đã được thụ lý và đang được xác minh.",
                "The report was accepted and is being verified.",
            ),
            Stage::Terminated => (
                "Việc giải quyết đã bị đình chỉ.",
                "The resolution was terminated.",
            ),
            Stage::Concluded => (
                "Đã có kết luận nội dung tố cáo.",
                "A conclusion on the denunciation has been issued.",
            ),
            Stage::Replied => (
                "Cơ quan đã trả lời phản ánh, kiến nghị của bạn.",
                "The unit has replied to your reflection or petition.",
            ),
            Stage::Closed => ("Vụ việc đã kết thúc.", "The case is closed."),
        };
        PublicStage {
            vi: vi.into(),
            en: en.into(),
        }
    }
}
