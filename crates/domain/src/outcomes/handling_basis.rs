//! How a deliberately false denouncer may be handled, and on which legal basis
//! (LTC Arts 8, 44(1)(c), 65; NĐ31 Art. 23; Penal Code Art. 156).

use serde::{Deserialize, Serialize};

/// The handling recommended for a deliberately false denouncer (LTC Art. 65).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingKind {
    /// Kỷ luật (officials: NĐ31 Art. 23).
    Discipline,
    /// Xử phạt vi phạm hành chính.
    Fine,
    /// Truy cứu trách nhiệm hình sự.
    Prosecution,
}

impl HandlingKind {
    /// Every kind, in form order.
    pub const ALL: [HandlingKind; 3] = [Self::Discipline, Self::Fine, Self::Prosecution];

    /// The code in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Discipline => "discipline",
            Self::Fine => "fine",
            Self::Prosecution => "prosecution",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim())
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Discipline => "Kiến nghị xử lý kỷ luật",
            Self::Fine => "Kiến nghị xử phạt vi phạm hành chính",
            Self::Prosecution => "Kiến nghị truy cứu trách nhiệm hình sự",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Discipline => "Recommend discipline",
            Self::Fine => "Recommend an administrative fine",
            Self::Prosecution => "Recommend prosecution",
        }
    }
}

/// The legal basis a handling recommendation rests on: a closed list, so that a
/// recommendation always cites the law (DOMAIN.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingBasis {
    /// LTC Art. 8(10): knowingly false denunciation; Art. 65.
    KnowinglyFalse,
    /// LTC Art. 8(10): inducing others to denounce falsely, or using another's name.
    InducedOrAnotherName,
    /// LTC Art. 8(12): abusing the right to denounce to slander.
    AbusedToSlander,
    /// LTC Art. 8(13): spreading false news about the denunciation.
    FalseNews,
    /// NĐ31 Art. 23: an official's repeated knowingly false denunciations.
    OfficialRepeated,
    /// Penal Code 100/2015 Art. 156: slander (vu khống).
    PenalCodeSlander,
}

impl HandlingBasis {
    /// Every basis, in form order.
    pub const ALL: [HandlingBasis; 6] = [
        Self::KnowinglyFalse,
        Self::InducedOrAnotherName,
        Self::AbusedToSlander,
        Self::FalseNews,
        Self::OfficialRepeated,
        Self::PenalCodeSlander,
    ];

    /// The code in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::KnowinglyFalse => "ltc_8_10_knowingly_false",
            Self::InducedOrAnotherName => "ltc_8_10_induced_or_another_name",
            Self::AbusedToSlander => "ltc_8_12_slander",
            Self::FalseNews => "ltc_8_13_false_news",
            Self::OfficialRepeated => "nd31_23_official",
            Self::PenalCodeSlander => "penal_code_156",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|basis| basis.as_str() == text.trim())
    }

    /// The basis as cited, in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::KnowinglyFalse => "Khoản 10 Điều 8, Điều 65 Luật Tố cáo: cố ý tố cáo sai sự thật",
            Self::InducedOrAnotherName => {
                "Khoản 10 Điều 8 Luật Tố cáo: lôi kéo, kích động người khác tố cáo sai sự thật; \
                 sử dụng họ tên người khác để tố cáo"
            }
            Self::AbusedToSlander => {
                "Khoản 12 Điều 8 Luật Tố cáo: lợi dụng quyền tố cáo để vu khống, xúc phạm"
            }
            Self::FalseNews => "Khoản 13 Điều 8 Luật Tố cáo: đưa tin sai sự thật về việc tố cáo",
            Self::OfficialRepeated => {
                "Điều 23 Nghị định 31/2019/NĐ-CP: cán bộ, công chức, viên chức nhiều lần cố ý tố \
                 cáo sai sự thật"
            }
            Self::PenalCodeSlander => "Điều 156 Bộ luật Hình sự 2015: tội vu khống",
        }
    }

    /// The basis as cited, in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::KnowinglyFalse => "LTC Art. 8(10), Art. 65: knowingly false denunciation",
            Self::InducedOrAnotherName => {
                "LTC Art. 8(10): inducing others to denounce falsely, or using another person's name"
            }
            Self::AbusedToSlander => "LTC Art. 8(12): abusing the right to denounce to slander",
            Self::FalseNews => "LTC Art. 8(13): spreading false news about the denunciation",
            Self::OfficialRepeated => {
                "Decree 31/2019 Art. 23: an official's repeated knowingly false denunciations"
            }
            Self::PenalCodeSlander => "Penal Code 2015 Art. 156: slander",
        }
    }

    /// Whether this basis can carry `kind`: the Penal Code only prosecution; the
    /// decree on officials discipline or prosecution; the law's prohibitions any.
    pub fn allows(self, kind: HandlingKind) -> bool {
        match self {
            Self::PenalCodeSlander => kind == HandlingKind::Prosecution,
            Self::OfficialRepeated => kind != HandlingKind::Fine,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in HandlingKind::ALL {
            assert_eq!(HandlingKind::parse(kind.as_str()), Some(kind));
        }
        for basis in HandlingBasis::ALL {
            assert_eq!(HandlingBasis::parse(basis.as_str()), Some(basis));
            assert!(!basis.label_vi().is_empty() && !basis.label_en().is_empty());
        }
        assert_eq!(HandlingKind::parse("warning"), None);
        assert_eq!(HandlingBasis::parse("ltc_8"), None);
    }

    #[test]
    fn the_penal_code_carries_only_prosecution() {
        assert!(HandlingBasis::PenalCodeSlander.allows(HandlingKind::Prosecution));
        assert!(!HandlingBasis::PenalCodeSlander.allows(HandlingKind::Fine));
        assert!(!HandlingBasis::OfficialRepeated.allows(HandlingKind::Fine));
        assert!(HandlingBasis::KnowinglyFalse.allows(HandlingKind::Fine));
    }
}
