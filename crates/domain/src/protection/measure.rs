//! Protection measures, from the law's three lists: confidentiality (LTC
//! Art. 56), job (Art. 57) and life, health, property, honour (Art. 58).
//! The labels follow DOMAIN.md §2; anything else is written as free text.

use serde::{Deserialize, Serialize};

/// Which article a measure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MeasureGroup {
    /// Keeping the denouncer's information secret (Art. 56).
    Confidentiality,
    /// Protecting the job (Art. 57).
    Job,
    /// Protecting life, health, property, honour and dignity (Art. 58).
    Safety,
}

impl MeasureGroup {
    /// Every group, in article order.
    pub const ALL: [MeasureGroup; 3] = [Self::Confidentiality, Self::Job, Self::Safety];

    /// The Vietnamese heading, with its article.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Confidentiality => "Bảo vệ bí mật thông tin (Điều 56)",
            Self::Job => "Bảo vệ vị trí công tác, việc làm (Điều 57)",
            Self::Safety => "Bảo vệ tính mạng, sức khỏe, tài sản, danh dự, nhân phẩm (Điều 58)",
        }
    }

    /// The English heading, with its article.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Confidentiality => "Confidentiality (Art. 56)",
            Self::Job => "Job and employment (Art. 57)",
            Self::Safety => "Life, health, property, honour and dignity (Art. 58)",
        }
    }
}

/// A protection measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectionMeasure {
    /// Keep the denouncer's identity and personal information secret.
    KeepIdentitySecret,
    /// Strip name, address and handwriting from the petition given to the
    /// verifiers, and keep the original as classified.
    StripIdentityFromPetition,
    /// Meet at times, places and in ways that keep the secret.
    DiscreetMeetings,
    /// Cancel or suspend retaliatory decisions and acts.
    CancelRetaliatoryDecisions,
    /// Restore the post, job, income and other lawful benefits.
    RestorePostAndIncome,
    /// Reassign to other work only with the person's consent.
    ReassignWithConsent,
    /// Discipline, or ask to discipline, those who retaliated.
    DisciplineRetaliators,
    /// Move the protected person to a safe place.
    MoveToSafePlace,
    /// Guards and means to keep them safe.
    Guard,
    /// Preventive measures against those who threaten harm.
    PreventiveMeasures,
}

impl ProtectionMeasure {
    /// Every measure, grouped in article order.
    pub const ALL: [ProtectionMeasure; 10] = [
        Self::KeepIdentitySecret,
        Self::StripIdentityFromPetition,
        Self::DiscreetMeetings,
        Self::CancelRetaliatoryDecisions,
        Self::RestorePostAndIncome,
        Self::ReassignWithConsent,
        Self::DisciplineRetaliators,
        Self::MoveToSafePlace,
        Self::Guard,
        Self::PreventiveMeasures,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::KeepIdentitySecret => "keep_identity_secret",
            Self::StripIdentityFromPetition => "strip_identity_from_petition",
            Self::DiscreetMeetings => "discreet_meetings",
            Self::CancelRetaliatoryDecisions => "cancel_retaliatory_decisions",
            Self::RestorePostAndIncome => "restore_post_and_income",
            Self::ReassignWithConsent => "reassign_with_consent",
            Self::DisciplineRetaliators => "discipline_retaliators",
            Self::MoveToSafePlace => "move_to_safe_place",
            Self::Guard => "guard",
            Self::PreventiveMeasures => "preventive_measures",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// The article it comes from.
    pub fn group(self) -> MeasureGroup {
        match self {
            Self::KeepIdentitySecret | Self::StripIdentityFromPetition | Self::DiscreetMeetings => {
                MeasureGroup::Confidentiality
            }
            Self::CancelRetaliatoryDecisions
            | Self::RestorePostAndIncome
            | Self::ReassignWithConsent
            | Self::DisciplineRetaliators => MeasureGroup::Job,
            Self::MoveToSafePlace | Self::Guard | Self::PreventiveMeasures => MeasureGroup::Safety,
        }
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::KeepIdentitySecret => {
                "Giữ bí mật họ tên, địa chỉ, bút tích và thông tin cá nhân khác của người tố cáo"
            }
            Self::StripIdentityFromPetition => {
                "Lược bỏ họ tên, địa chỉ, bút tích khỏi đơn giao cho người xác minh; quản lý đơn theo chế độ mật"
            }
            Self::DiscreetMeetings => {
                "Bố trí thời gian, địa điểm, phương thức làm việc phù hợp để giữ bí mật"
            }
            Self::CancelRetaliatoryDecisions => {
                "Hủy bỏ, đình chỉ quyết định, hành vi trù dập, trả thù"
            }
            Self::RestorePostAndIncome => {
                "Khôi phục vị trí công tác, việc làm, thu nhập và lợi ích hợp pháp khác"
            }
            Self::ReassignWithConsent => "Bố trí công tác khác khi người được bảo vệ đồng ý",
            Self::DisciplineRetaliators => {
                "Xử lý hoặc đề nghị xử lý người có hành vi trù dập, trả thù"
            }
            Self::MoveToSafePlace => "Đưa người được bảo vệ đến nơi an toàn",
            Self::Guard => "Bố trí lực lượng, phương tiện bảo vệ an toàn",
            Self::PreventiveMeasures => {
                "Áp dụng biện pháp ngăn chặn hành vi xâm hại theo quy định của pháp luật"
            }
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::KeepIdentitySecret => {
                "Keep the denouncer's name, address, handwriting and other personal information secret"
            }
            Self::StripIdentityFromPetition => {
                "Strip name, address and handwriting from the petition given to verifiers; keep it as classified"
            }
            Self::DiscreetMeetings => "Meet at times, places and in ways that keep the secret",
            Self::CancelRetaliatoryDecisions => "Cancel or suspend retaliatory decisions and acts",
            Self::RestorePostAndIncome => "Restore the post, job, income and other lawful benefits",
            Self::ReassignWithConsent => "Reassign only with the protected person's consent",
            Self::DisciplineRetaliators => "Discipline, or ask to discipline, those who retaliated",
            Self::MoveToSafePlace => "Move the protected person to a safe place",
            Self::Guard => "Guards and means to keep them safe",
            Self::PreventiveMeasures => "Preventive measures against those who threaten harm",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_every_group_has_measures() {
        for measure in ProtectionMeasure::ALL {
            assert_eq!(ProtectionMeasure::parse(measure.as_str()), Some(measure));
            assert_eq!(
                serde_json::to_value(measure).unwrap(),
                serde_json::json!(measure.as_str())
            );
        }
        for group in MeasureGroup::ALL {
            assert!(ProtectionMeasure::ALL.iter().any(|m| m.group() == group));
        }
        assert_eq!(ProtectionMeasure::parse("jail"), None);
    }
}
