//! The legal grounds on which a reporter's identity may be opened.

use serde::{Deserialize, Serialize};

/// Why a staff member asks to see who made a report. Each names the provision
/// that makes knowing the reporter necessary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalReason {
    /// Verification needs to contact the reporter (LTC Art. 31).
    VerificationContact,
    /// Protection measures for the reporter (LTC Arts 56–58).
    ProtectionMeasures,
    /// A reward for the reporter (LTC Art. 62).
    Reward,
    /// A written request of an investigation agency, a procuracy or a court.
    JudicialRequest,
    /// The reporter agreed to be known.
    ReporterConsent,
}

impl LegalReason {
    /// Every reason, in the order forms list them.
    pub const ALL: [LegalReason; 5] = [
        Self::VerificationContact,
        Self::ProtectionMeasures,
        Self::Reward,
        Self::JudicialRequest,
        Self::ReporterConsent,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::VerificationContact => "verification_contact",
            Self::ProtectionMeasures => "protection_measures",
            Self::Reward => "reward",
            Self::JudicialRequest => "judicial_request",
            Self::ReporterConsent => "reporter_consent",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|reason| reason.as_str() == text.trim())
    }

    /// The Vietnamese label (also what the reporter is shown).
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::VerificationContact => {
                "Cần liên hệ người tố cáo để xác minh nội dung tố cáo (Điều 31 Luật Tố cáo)"
            }
            Self::ProtectionMeasures => {
                "Áp dụng biện pháp bảo vệ người tố cáo (Điều 56–58 Luật Tố cáo)"
            }
            Self::Reward => "Khen thưởng người tố cáo (Điều 62 Luật Tố cáo)",
            Self::JudicialRequest => {
                "Yêu cầu bằng văn bản của cơ quan điều tra, viện kiểm sát hoặc tòa án"
            }
            Self::ReporterConsent => "Người tố cáo đồng ý cho biết danh tính",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::VerificationContact => {
                "Verification needs to contact the reporter (Law on Denunciation, Art. 31)"
            }
            Self::ProtectionMeasures => {
                "Protection measures for the reporter (Law on Denunciation, Arts 56–58)"
            }
            Self::Reward => "A reward for the reporter (Law on Denunciation, Art. 62)",
            Self::JudicialRequest => {
                "A written request of an investigation agency, a procuracy or a court"
            }
            Self::ReporterConsent => "The reporter agreed to be known",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_back_from_its_code_and_has_both_labels() {
        for reason in LegalReason::ALL {
            assert_eq!(LegalReason::parse(reason.as_str()), Some(reason));
            assert!(!reason.label_vi().is_empty() && !reason.label_en().is_empty());
        }
        assert_eq!(LegalReason::parse("curiosity"), None);
    }
}
