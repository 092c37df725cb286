//! The outcome of reviewing an adverse decision about a protected official
//! (Circular 03/2020/TT-BNV): one of the reasons that allow it, or a suspicion
//! of retaliation.

use serde::{Deserialize, Serialize};

/// What the protection officer concluded about an alert's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// Routine rotation under the unit's plan.
    RoutineRotation,
    /// The protected person consented.
    Consent,
    /// The person resolving the denunciation asked for it.
    ResolverRequest,
    /// Misconduct unrelated to the denunciation has been established.
    UnrelatedMisconduct,
    /// None of the allowed reasons holds: retaliation is suspected.
    RetaliationSuspected,
}

impl ReviewOutcome {
    /// Every outcome, in form order.
    pub const ALL: [ReviewOutcome; 5] = [
        Self::RoutineRotation,
        Self::Consent,
        Self::ResolverRequest,
        Self::UnrelatedMisconduct,
        Self::RetaliationSuspected,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RoutineRotation => "routine_rotation",
            Self::Consent => "consent",
            Self::ResolverRequest => "resolver_request",
            Self::UnrelatedMisconduct => "unrelated_misconduct",
            Self::RetaliationSuspected => "retaliation_suspected",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|outcome| outcome.as_str() == text)
    }

    /// Whether the decision is allowed under the circular (every outcome but
    /// a suspicion of retaliation).
    pub fn is_allowed_reason(self) -> bool {
        self != Self::RetaliationSuspected
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::RoutineRotation => "Luân chuyển, điều động định kỳ theo kế hoạch",
            Self::Consent => "Có sự đồng ý của người được bảo vệ",
            Self::ResolverRequest => "Theo yêu cầu của người giải quyết tố cáo",
            Self::UnrelatedMisconduct => {
                "Đã xác định vi phạm khác, không liên quan đến việc tố cáo"
            }
            Self::RetaliationSuspected => "Nghi có trù dập, trả thù",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::RoutineRotation => "Routine rotation under the plan",
            Self::Consent => "The protected person consented",
            Self::ResolverRequest => "At the request of the person resolving the denunciation",
            Self::UnrelatedMisconduct => "Established misconduct unrelated to the denunciation",
            Self::RetaliationSuspected => "Retaliation suspected",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_only_suspicion_is_not_allowed() {
        for outcome in ReviewOutcome::ALL {
            assert_eq!(ReviewOutcome::parse(outcome.as_str()), Some(outcome));
            assert_eq!(
                outcome.is_allowed_reason(),
                outcome != ReviewOutcome::RetaliationSuspected
            );
        }
        assert_eq!(ReviewOutcome::parse("fine"), None);
    }
}
