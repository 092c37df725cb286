//! The forms of reward for people who help fight corruption (Joint Circular
//! 01/2015/TTLT-TTCP-BNV; whether it is still in force under the 2022 Emulation and
//! Commendation Law is UNVERIFIED).

use serde::{Deserialize, Serialize};

/// The form of a reward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RewardForm {
    /// Huân chương Dũng cảm.
    BraveryOrder,
    /// Bằng khen của Thủ tướng Chính phủ.
    PrimeMinisterCertificate,
    /// Bằng khen cấp bộ, ngành, tỉnh.
    MinisterialCertificate,
}

impl RewardForm {
    /// Every form, highest first.
    pub const ALL: [RewardForm; 3] = [
        Self::BraveryOrder,
        Self::PrimeMinisterCertificate,
        Self::MinisterialCertificate,
    ];

    /// The code in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BraveryOrder => "bravery_order",
            Self::PrimeMinisterCertificate => "prime_minister_certificate",
            Self::MinisterialCertificate => "ministerial_certificate",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|form| form.as_str() == text.trim())
    }

    /// In Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::BraveryOrder => "Huân chương Dũng cảm",
            Self::PrimeMinisterCertificate => "Bằng khen của Thủ tướng Chính phủ",
            Self::MinisterialCertificate => "Bằng khen của Bộ trưởng, Chủ tịch UBND cấp tỉnh",
        }
    }

    /// In English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::BraveryOrder => "Bravery Order",
            Self::PrimeMinisterCertificate => "Prime Minister's certificate of merit",
            Self::MinisterialCertificate => "Ministerial or provincial certificate of merit",
        }
    }
}
