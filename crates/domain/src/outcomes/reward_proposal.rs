//! A proposal to reward someone: a reporter whose denunciation proved right (LTC
//! Art. 62), or a unit that protected reporters well. Fields per Joint Circular
//! 01/2015/TTLT-TTCP-BNV.

use super::reward_amounts::BonusMultiple;
use super::reward_form::RewardForm;
use crate::accounts::UnitCode;
use crate::case_file::Finding;
use crate::intake::{FieldErrors, ReportFieldError};
use crate::protection::text::{checked, empty};

/// The longest statement of grounds, in characters.
pub const GROUNDS_MAX: usize = 2000;

/// Who is to be rewarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Beneficiary {
    /// The case's reporter: their identity stays sealed until they accept.
    Reporter,
    /// A unit, for protecting reporters well.
    Unit,
}

impl Beneficiary {
    /// The code in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reporter => "reporter",
            Self::Unit => "unit",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "reporter" => Some(Self::Reporter),
            "unit" => Some(Self::Unit),
            _ => None,
        }
    }

    /// In Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Reporter => "Người tố cáo",
            Self::Unit => "Đơn vị (bảo vệ tốt người tố cáo)",
        }
    }

    /// In English.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Reporter => "The reporter",
            Self::Unit => "A unit (for protecting reporters well)",
        }
    }
}

/// A proposal as typed: every field is text, as forms send it.
#[derive(Debug, Clone, Default)]
pub struct RewardDraft {
    /// `reporter` or `unit`.
    pub beneficiary: String,
    /// The unit's code, for a unit.
    pub unit: String,
    /// A [`RewardForm`] code.
    pub form: String,
    /// `60`, `40`, `20`, or empty for no extra bonus.
    pub bonus_multiple: String,
    /// Money recovered thanks to the report, in đồng (empty: none).
    pub recovered_vnd: String,
    /// Why (1–2000 characters).
    pub grounds: String,
}

/// A checked proposal. No `Debug`: the grounds may name people.
pub struct RewardProposal {
    /// Who.
    pub beneficiary: Beneficiary,
    /// The unit, for a unit.
    pub unit: Option<UnitCode>,
    /// The form.
    pub form: RewardForm,
    /// The extra bonus, if any.
    pub bonus: Option<BonusMultiple>,
    /// Money recovered thanks to the report, in đồng.
    pub recovered_vnd: u64,
    /// Why.
    pub grounds: String,
}

impl RewardProposal {
    /// Checks a draft; every wrong field is named (`beneficiary`, `unit`, `form`,
    /// `bonus_multiple`, `recovered_vnd`, `grounds`).
    pub fn parse(draft: &RewardDraft) -> Result<RewardProposal, FieldErrors> {
        let mut errors = Vec::new();
        let beneficiary = Beneficiary::parse(&draft.beneficiary);
        if beneficiary.is_none() {
            errors.push(ReportFieldError::new(
                "beneficiary",
                "Chọn người được khen thưởng: reporter (người tố cáo) hoặc unit (đơn vị).",
                "Choose who is rewarded: reporter or unit.",
            ));
        }
        let unit = match (beneficiary, draft.unit.trim()) {
            (Some(Beneficiary::Unit), "") => {
                errors.push(ReportFieldError::new(
                    "unit",
                    "Nhập mã đơn vị được khen thưởng.",
                    "Give the code of the unit to reward.",
                ));
                None
            }
            (Some(Beneficiary::Unit), code) => match UnitCode::parse(code) {
                Ok(code) => Some(code),
                Err(_) => {
                    errors.push(ReportFieldError::new(
                        "unit",
                        "Mã đơn vị không hợp lệ.",
                        "Not a valid unit code.",
                    ));
                    None
                }
            },
            _ => None,
        };
        let form = RewardForm::parse(&draft.form);
        if form.is_none() {
            let codes = RewardForm::ALL.map(RewardForm::as_str).join(", ");
            errors.push(ReportFieldError::new(
                "form",
                format!("Hình thức khen thưởng phải là một trong: {codes}."),
                format!("The form of reward must be one of: {codes}."),
            ));
        }
        let bonus = match draft.bonus_multiple.trim() {
            "" | "0" => Ok(None),
            text => text
                .parse::<u64>()
                .ok()
                .and_then(BonusMultiple::from_times)
                .map(Some)
                .ok_or(()),
        };
        let bonus = bonus
            .map_err(|()| {
                errors.push(ReportFieldError::new(
                    "bonus_multiple",
                    "Mức thưởng thêm là 60, 40 hoặc 20 lần mức lương cơ sở (hoặc để trống).",
                    "The extra bonus is 60, 40 or 20 times the base salary (or empty).",
                ))
            })
            .ok()
            .flatten();
        let recovered_vnd = match draft.recovered_vnd.trim() {
            "" => Some(0),
            text => text.parse::<u64>().ok(),
        };
        if recovered_vnd.is_none() {
            errors.push(ReportFieldError::new(
                "recovered_vnd",
                "Số tiền thu hồi là một số nguyên không âm (đồng).",
                "The amount recovered is a whole number of đồng, not negative.",
            ));
        }
        let grounds = match checked("grounds", &draft.grounds, GROUNDS_MAX) {
            Ok(Some(text)) => Some(text),
            Ok(None) => {
                errors.push(empty("grounds"));
                None
            }
            Err(error) => {
                errors.push(error);
                None
            }
        };
        match (beneficiary, form, recovered_vnd, grounds) {
            (Some(beneficiary), Some(form), Some(recovered_vnd), Some(grounds))
                if errors.is_empty() =>
            {
                Ok(RewardProposal {
                    beneficiary,
                    unit,
                    form,
                    bonus,
                    recovered_vnd,
                    grounds,
                })
            }
            _ => Err(FieldErrors::from_vec(errors).unwrap_or_else(|| {
                FieldErrors::single("beneficiary", "Không hợp lệ.", "Not valid.")
            })),
        }
    }
}

/// Why a reporter cannot be proposed for a reward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RewardRefusal {
    /// The case has no conclusion.
    #[error(
        "a reporter is rewarded only once the conclusion finds the denunciation correct or partly correct: LTC Art. 62"
    )]
    NotConcluded,
    /// The conclusion found it untrue.
    #[error(
        "the conclusion found the denunciation untrue; a reward needs it correct or partly correct: LTC Art. 62"
    )]
    FoundUntrue,
}

impl RewardRefusal {
    /// The message in Vietnamese.
    pub fn message_vi(self) -> &'static str {
        match self {
            Self::NotConcluded => {
                "Chỉ khen thưởng người tố cáo khi kết luận xác định tố cáo đúng hoặc đúng một phần \
                 (Điều 62 Luật Tố cáo)."
            }
            Self::FoundUntrue => {
                "Kết luận xác định tố cáo sai sự thật; chỉ khen thưởng khi tố cáo đúng hoặc đúng một \
                 phần (Điều 62 Luật Tố cáo)."
            }
        }
    }

    /// Both languages, Vietnamese first.
    pub fn message_bilingual(self) -> String {
        format!("{} / {}", self.message_vi(), self)
    }
}

/// Whether the case's reporter may be proposed for a reward, given the finding of
/// its current conclusion (`None`: not concluded).
pub fn reporter_reward_allowed(finding: Option<Finding>) -> Result<(), RewardRefusal> {
    match finding {
        Some(Finding::Correct | Finding::PartlyCorrect) => Ok(()),
        Some(Finding::False) => Err(RewardRefusal::FoundUntrue),
        None => Err(RewardRefusal::NotConcluded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> RewardDraft {
        RewardDraft {
            beneficiary: "reporter".into(),
            unit: String::new(),
            form: "prime_minister_certificate".into(),
            bonus_multiple: "40".into(),
            recovered_vnd: "2000000000".into(),
            grounds: " Tố cáo đúng, giúp thu hồi tiền. ".into(),
        }
    }

    #[test]
    fn a_good_proposal_parses() {
        let proposal = RewardProposal::parse(&draft()).unwrap();
        assert_eq!(proposal.beneficiary, Beneficiary::Reporter);
        assert_eq!(proposal.form, RewardForm::PrimeMinisterCertificate);
        assert_eq!(proposal.bonus, Some(BonusMultiple::Forty));
        assert_eq!(proposal.recovered_vnd, 2_000_000_000);
        assert_eq!(proposal.grounds, "Tố cáo đúng, giúp thu hồi tiền.");
        assert!(proposal.unit.is_none());
        let unit = RewardProposal::parse(&RewardDraft {
            beneficiary: "unit".into(),
            unit: "so-tc".into(),
            bonus_multiple: String::new(),
            recovered_vnd: String::new(),
            ..draft()
        })
        .unwrap();
        assert_eq!(unit.unit.unwrap().as_str(), "SO-TC");
        assert_eq!(unit.bonus, None);
        assert_eq!(unit.recovered_vnd, 0);
    }

    #[test]
    fn bad_fields_are_named() {
        let errors = RewardProposal::parse(&RewardDraft {
            beneficiary: "cousin".into(),
            form: "medal".into(),
            bonus_multiple: "50".into(),
            recovered_vnd: "-3".into(),
            grounds: " ".into(),
            ..draft()
        })
        .err()
        .unwrap();
        assert_eq!(
            errors.fields(),
            [
                "beneficiary",
                "form",
                "bonus_multiple",
                "recovered_vnd",
                "grounds"
            ]
        );
        let errors = RewardProposal::parse(&RewardDraft {
            beneficiary: "unit".into(),
            ..draft()
        })
        .err()
        .unwrap();
        assert_eq!(errors.fields(), ["unit"]);
    }

    #[test]
    fn only_a_right_denunciation_is_rewarded() {
        assert!(reporter_reward_allowed(Some(Finding::Correct)).is_ok());
        assert!(reporter_reward_allowed(Some(Finding::PartlyCorrect)).is_ok());
        assert_eq!(
            reporter_reward_allowed(Some(Finding::False)),
            Err(RewardRefusal::FoundUntrue)
        );
        assert_eq!(
            reporter_reward_allowed(None),
            Err(RewardRefusal::NotConcluded)
        );
        assert!(
            RewardRefusal::FoundUntrue
                .message_bilingual()
                .contains("Điều 62")
        );
        assert!(RewardRefusal::FoundUntrue.to_string().contains("Art. 62"));
    }
}
