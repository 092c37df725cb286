//! What can be protected (LTC Art. 47(2)).

use serde::{Deserialize, Serialize};

/// An interest a protection request covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectedInterest {
    /// Keeping the denouncer's information secret.
    Confidentiality,
    /// Job position and employment.
    Job,
    /// Life.
    Life,
    /// Health.
    Health,
    /// Property.
    Property,
    /// Honour and dignity.
    Honour,
}

impl ProtectedInterest {
    /// Every interest, in form order.
    pub const ALL: [ProtectedInterest; 6] = [
        Self::Confidentiality,
        Self::Job,
        Self::Life,
        Self::Health,
        Self::Property,
        Self::Honour,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confidentiality => "confidentiality",
            Self::Job => "job",
            Self::Life => "life",
            Self::Health => "health",
            Self::Property => "property",
            Self::Honour => "honour",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Confidentiality => "Bí mật thông tin",
            Self::Job => "Vị trí công tác, việc làm",
            Self::Life => "Tính mạng",
            Self::Health => "Sức khỏe",
            Self::Property => "Tài sản",
            Self::Honour => "Danh dự, nhân phẩm",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Confidentiality => "Confidentiality of information",
            Self::Job => "Job position and employment",
            Self::Life => "Life",
            Self::Health => "Health",
            Self::Property => "Property",
            Self::Honour => "Honour and dignity",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_serde_uses_them() {
        for interest in ProtectedInterest::ALL {
            assert_eq!(ProtectedInterest::parse(interest.as_str()), Some(interest));
            assert_eq!(
                serde_json::to_value(interest).unwrap(),
                serde_json::json!(interest.as_str())
            );
        }
        assert_eq!(ProtectedInterest::parse("Honour"), None);
        assert_eq!(ProtectedInterest::Honour.label_vi(), "Danh dự, nhân phẩm");
    }
}
