//! The review that follows a conclusion finding a denunciation untrue: was it
//! deliberate? Only a knowingly false denunciation is prohibited (LTC Art. 8(10));
//! an honest mistake is not, so handling (Art. 44(1)(c), 65) needs a deliberate
//! finding first. Nothing here ends the reporter's protection: an unfounded report
//! is not a ground for ending it (Art. 54(2)).

use super::handling_basis::{HandlingBasis, HandlingKind};
use crate::case_file::Finding;

/// Whether a conclusion opens a review: the denunciation was found untrue (Art.
/// 35(2)(c)), or the conclusion flagged the denouncer for the false-report track.
pub fn opens_review(finding: Finding, false_report_flag: bool) -> bool {
    false_report_flag || finding == Finding::False
}

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    /// Waiting for the decision on deliberateness.
    Open,
    /// Not deliberate: closed, nothing follows.
    NotDeliberate,
    /// Deliberate; handling may be recommended.
    Deliberate,
    /// Deliberate, and handling recommended.
    HandlingRecommended,
}

impl ReviewStatus {
    /// The code in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::NotDeliberate => "not_deliberate",
            Self::Deliberate => "deliberate",
            Self::HandlingRecommended => "handling_recommended",
        }
    }

    /// In Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Open => "Đang xem xét có cố ý hay không",
            Self::NotDeliberate => "Không cố ý: kết thúc, không xử lý",
            Self::Deliberate => "Cố ý tố cáo sai sự thật: chờ kiến nghị xử lý",
            Self::HandlingRecommended => "Cố ý tố cáo sai sự thật: đã kiến nghị xử lý",
        }
    }

    /// In English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Open => "Reviewing whether it was deliberate",
            Self::NotDeliberate => "Not deliberate: closed, no handling",
            Self::Deliberate => "Knowingly false: handling to be recommended",
            Self::HandlingRecommended => "Knowingly false: handling recommended",
        }
    }
}

/// Why a step of the review was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReviewRejection {
    /// Deliberateness was decided already.
    #[error("whether the false report was deliberate has already been decided")]
    AlreadyDecided,
    /// Handling before any decision on deliberateness.
    #[error(
        "handling needs a finding that the report was knowingly false first: LTC Art. 8(10), 44(1)(c)"
    )]
    NotDecided,
    /// Handling after a finding that it was not deliberate.
    #[error(
        "a report found not deliberate cannot be handled: only a knowingly false denunciation is prohibited, LTC Art. 8(10)"
    )]
    NotDeliberate,
    /// Handling was recommended already.
    #[error("handling has already been recommended")]
    AlreadyRecommended,
    /// The basis does not carry that handling.
    #[error("the legal basis chosen does not carry this handling")]
    BasisDoesNotFit,
}

impl ReviewRejection {
    /// The message in Vietnamese.
    pub fn message_vi(self) -> &'static str {
        match self {
            Self::AlreadyDecided => "Đã quyết định việc có cố ý hay không.",
            Self::NotDecided => {
                "Chỉ kiến nghị xử lý khi đã xác định người tố cáo cố ý tố cáo sai sự thật \
                 (khoản 10 Điều 8, điểm c khoản 1 Điều 44 Luật Tố cáo)."
            }
            Self::NotDeliberate => {
                "Đã xác định không cố ý nên không được xử lý: chỉ hành vi cố ý tố cáo sai sự thật \
                 bị nghiêm cấm (khoản 10 Điều 8 Luật Tố cáo)."
            }
            Self::AlreadyRecommended => "Đã kiến nghị xử lý.",
            Self::BasisDoesNotFit => {
                "Căn cứ pháp lý đã chọn không áp dụng cho hình thức xử lý này \
                 (Điều 156 Bộ luật Hình sự chỉ để truy cứu trách nhiệm hình sự; \
                 Điều 23 Nghị định 31/2019 để kỷ luật hoặc truy cứu)."
            }
        }
    }

    /// Both languages, Vietnamese first.
    pub fn message_bilingual(self) -> String {
        format!("{} / {}", self.message_vi(), self)
    }
}

/// A review as decided so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FalseReportReview {
    /// Whether it was deliberate; `None` until decided.
    pub deliberate: Option<bool>,
    /// The handling recommended and its basis.
    pub handling: Option<(HandlingKind, HandlingBasis)>,
}

impl FalseReportReview {
    /// Where it stands.
    pub fn status(&self) -> ReviewStatus {
        match (self.deliberate, self.handling) {
            (None, _) => ReviewStatus::Open,
            (Some(false), _) => ReviewStatus::NotDeliberate,
            (Some(true), None) => ReviewStatus::Deliberate,
            (Some(true), Some(_)) => ReviewStatus::HandlingRecommended,
        }
    }

    /// Records whether it was deliberate; once.
    pub fn decide(self, deliberate: bool) -> Result<Self, ReviewRejection> {
        if self.deliberate.is_some() {
            return Err(ReviewRejection::AlreadyDecided);
        }
        Ok(Self {
            deliberate: Some(deliberate),
            ..self
        })
    }

    /// Recommends handling: only after a deliberate finding, once, on a basis that
    /// carries it.
    pub fn recommend(
        self,
        kind: HandlingKind,
        basis: HandlingBasis,
    ) -> Result<Self, ReviewRejection> {
        match self.deliberate {
            None => return Err(ReviewRejection::NotDecided),
            Some(false) => return Err(ReviewRejection::NotDeliberate),
            Some(true) => {}
        }
        if self.handling.is_some() {
            return Err(ReviewRejection::AlreadyRecommended);
        }
        if !basis.allows(kind) {
            return Err(ReviewRejection::BasisDoesNotFit);
        }
        Ok(Self {
            handling: Some((kind, basis)),
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untrue_finding_or_a_flag_opens_a_review() {
        assert!(opens_review(Finding::False, false));
        assert!(opens_review(Finding::PartlyCorrect, true));
        assert!(!opens_review(Finding::PartlyCorrect, false));
        assert!(!opens_review(Finding::Correct, false));
    }

    #[test]
    fn handling_needs_a_deliberate_finding() {
        let open = FalseReportReview::default();
        assert_eq!(open.status(), ReviewStatus::Open);
        let basis = HandlingBasis::KnowinglyFalse;
        assert_eq!(
            open.recommend(HandlingKind::Fine, basis),
            Err(ReviewRejection::NotDecided)
        );
        let honest = open.decide(false).unwrap();
        assert_eq!(honest.status(), ReviewStatus::NotDeliberate);
        assert_eq!(
            honest.recommend(HandlingKind::Discipline, basis),
            Err(ReviewRejection::NotDeliberate)
        );
        assert_eq!(honest.decide(true), Err(ReviewRejection::AlreadyDecided));

        let deliberate = open.decide(true).unwrap();
        assert_eq!(deliberate.status(), ReviewStatus::Deliberate);
        assert_eq!(
            deliberate.recommend(HandlingKind::Fine, HandlingBasis::PenalCodeSlander),
            Err(ReviewRejection::BasisDoesNotFit)
        );
        let handled = deliberate.recommend(HandlingKind::Fine, basis).unwrap();
        assert_eq!(handled.status(), ReviewStatus::HandlingRecommended);
        assert_eq!(handled.handling, Some((HandlingKind::Fine, basis)));
        assert_eq!(
            handled.recommend(HandlingKind::Discipline, basis),
            Err(ReviewRejection::AlreadyRecommended)
        );
    }

    #[test]
    fn refusals_name_the_law_in_both_languages() {
        let message = ReviewRejection::NotDeliberate.message_bilingual();
        assert!(message.contains("Điều 8") && message.contains("Art. 8(10)"));
        assert!(ReviewRejection::NotDecided.to_string().contains("44(1)(c)"));
    }
}
