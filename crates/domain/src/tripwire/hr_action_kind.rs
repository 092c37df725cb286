//! The adverse decisions an HR officer records for the tripwire.

use serde::{Deserialize, Serialize};

/// An adverse HR decision (LTC Art. 57: the job protections it would breach).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HrActionKind {
    /// Transfer, rotation, secondment to another post.
    Transfer,
    /// A disciplinary measure.
    Discipline,
    /// Dismissal.
    Dismissal,
    /// Demotion or removal from a post.
    Demotion,
    /// Lower pay or income.
    PayCut,
    /// A poor performance rating.
    PoorRating,
    /// A labour contract not renewed.
    ContractNotRenewed,
}

impl HrActionKind {
    /// Every kind, in form order.
    pub const ALL: [HrActionKind; 7] = [
        Self::Transfer,
        Self::Discipline,
        Self::Dismissal,
        Self::Demotion,
        Self::PayCut,
        Self::PoorRating,
        Self::ContractNotRenewed,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Transfer => "transfer",
            Self::Discipline => "discipline",
            Self::Dismissal => "dismissal",
            Self::Demotion => "demotion",
            Self::PayCut => "pay_cut",
            Self::PoorRating => "poor_rating",
            Self::ContractNotRenewed => "contract_not_renewed",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Transfer => "Điều động, luân chuyển, chuyển công tác",
            Self::Discipline => "Kỷ luật",
            Self::Dismissal => "Buộc thôi việc, sa thải",
            Self::Demotion => "Giáng chức, cách chức",
            Self::PayCut => "Giảm lương, thu nhập",
            Self::PoorRating => "Xếp loại không hoàn thành nhiệm vụ",
            Self::ContractNotRenewed => "Không gia hạn, không ký tiếp hợp đồng",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Transfer => "Transfer",
            Self::Discipline => "Disciplinary measure",
            Self::Dismissal => "Dismissal",
            Self::Demotion => "Demotion or removal from post",
            Self::PayCut => "Pay cut",
            Self::PoorRating => "Poor performance rating",
            Self::ContractNotRenewed => "Contract not renewed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_serde_uses_them() {
        for kind in HrActionKind::ALL {
            assert_eq!(HrActionKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.as_str())
            );
            assert!(!kind.label_vi().is_empty() && !kind.label_en().is_empty());
        }
        assert_eq!(HrActionKind::parse("promotion"), None);
    }
}
