//! A reward proposal's life: proposed, then approved or rejected by the head; an
//! approved reward for the reporter is then accepted or declined by them.
//! Accepting means their identity will be disclosed to the awarding body — a
//! reward is given to a named person — so the acceptance is also their consent.

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RewardStatus {
    /// Waiting for the head.
    Proposed,
    /// Approved by the head.
    Approved,
    /// Rejected by the head.
    Rejected,
}

/// The reporter's answer to an approved reward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReporterResponse {
    /// Accepted, consenting to the disclosure of their identity for it.
    Accepted,
    /// Declined; their identity stays sealed.
    Declined,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatusRejection {
    /// The head has decided already.
    #[error("the proposal has already been decided")]
    AlreadyDecided,
    /// Only an approved reward can be answered.
    #[error("only an approved reward can be accepted or declined")]
    NotApproved,
    /// A unit's reward is not the reporter's to answer.
    #[error("this reward is not for the reporter")]
    NotForReporter,
    /// The reporter has answered already.
    #[error("the reward has already been accepted or declined")]
    AlreadyAnswered,
}

impl StatusRejection {
    /// The message in Vietnamese.
    pub fn message_vi(self) -> &'static str {
        match self {
            Self::AlreadyDecided => "Đề nghị khen thưởng đã được quyết định.",
            Self::NotApproved => "Chỉ trả lời được khen thưởng đã được phê duyệt.",
            Self::NotForReporter => "Khen thưởng này không dành cho người tố cáo.",
            Self::AlreadyAnswered => "Đã trả lời (nhận hoặc từ chối) khen thưởng này.",
        }
    }

    /// Both languages, Vietnamese first.
    pub fn message_bilingual(self) -> String {
        format!("{} / {}", self.message_vi(), self)
    }
}

impl RewardStatus {
    /// The code in the API and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Proposed, Self::Approved, Self::Rejected]
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// In Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Proposed => "Đã đề nghị, chờ thủ trưởng phê duyệt",
            Self::Approved => "Đã phê duyệt",
            Self::Rejected => "Không phê duyệt",
        }
    }

    /// In English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Proposed => "Proposed, awaiting the head's decision",
            Self::Approved => "Approved",
            Self::Rejected => "Rejected",
        }
    }

    /// The head's decision; once.
    pub fn decide(self, approve: bool) -> Result<RewardStatus, StatusRejection> {
        match self {
            Self::Proposed if approve => Ok(Self::Approved),
            Self::Proposed => Ok(Self::Rejected),
            _ => Err(StatusRejection::AlreadyDecided),
        }
    }

    /// The reporter's answer: only to an approved reward meant for them, once.
    pub fn respond(
        self,
        for_reporter: bool,
        answered: Option<ReporterResponse>,
        accept: bool,
    ) -> Result<ReporterResponse, StatusRejection> {
        if !for_reporter {
            return Err(StatusRejection::NotForReporter);
        }
        if self != Self::Approved {
            return Err(StatusRejection::NotApproved);
        }
        if answered.is_some() {
            return Err(StatusRejection::AlreadyAnswered);
        }
        Ok(if accept {
            ReporterResponse::Accepted
        } else {
            ReporterResponse::Declined
        })
    }
}

impl ReporterResponse {
    /// The code in the API and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "accepted" => Some(Self::Accepted),
            "declined" => Some(Self::Declined),
            _ => None,
        }
    }

    /// In Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Accepted => {
                "Người tố cáo đã nhận (đồng ý công khai danh tính để nhận khen thưởng)"
            }
            Self::Declined => "Người tố cáo đã từ chối; danh tính vẫn được giữ bí mật",
        }
    }

    /// In English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Accepted => {
                "Accepted by the reporter (consenting to reveal their identity for the reward)"
            }
            Self::Declined => "Declined by the reporter; their identity stays sealed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_decides_once() {
        assert_eq!(
            RewardStatus::Proposed.decide(true),
            Ok(RewardStatus::Approved)
        );
        assert_eq!(
            RewardStatus::Proposed.decide(false),
            Ok(RewardStatus::Rejected)
        );
        assert_eq!(
            RewardStatus::Approved.decide(false),
            Err(StatusRejection::AlreadyDecided)
        );
        for status in [
            RewardStatus::Proposed,
            RewardStatus::Approved,
            RewardStatus::Rejected,
        ] {
            assert_eq!(RewardStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn the_reporter_answers_an_approved_reward_once() {
        let approved = RewardStatus::Approved;
        assert_eq!(
            approved.respond(true, None, true),
            Ok(ReporterResponse::Accepted)
        );
        assert_eq!(
            approved.respond(true, None, false),
            Ok(ReporterResponse::Declined)
        );
        assert_eq!(
            approved.respond(true, Some(ReporterResponse::Declined), true),
            Err(StatusRejection::AlreadyAnswered)
        );
        assert_eq!(
            RewardStatus::Proposed.respond(true, None, true),
            Err(StatusRejection::NotApproved)
        );
        assert_eq!(
            approved.respond(false, None, true),
            Err(StatusRejection::NotForReporter)
        );
    }
}
