//! A decision on a protection request (LTC Arts 51–52): measures, who carries
//! them out and from when; or a written refusal with its reasons.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dates::date_in_range;
use super::text::{checked, empty};
use super::{CompetentBody, ProtectionMeasure};
use crate::intake::{FieldErrors, ReportFieldError};

/// The longest free-text measures, in characters.
pub const OTHER_MEASURES_MAX: usize = 2000;
/// The longest "carried out by", in characters.
pub const IMPLEMENTED_BY_MAX: usize = 300;
/// The longest refusal, in characters.
pub const REASONS_MAX: usize = 5000;
/// How often the reporter is asked "are you safe?" unless the decision says
/// otherwise, in days.
pub const CHECK_IN_EVERY_DAYS_DEFAULT: u32 = 7;
/// The longest interval between check-ins, in days.
pub const CHECK_IN_EVERY_DAYS_MAX: u32 = 90;
/// How far ahead measures may be set to start, in days.
const STARTS_AHEAD_MAX_DAYS: u64 = 366;

/// Measures decided on. No `Debug`: the text may name people and places.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedMeasures {
    /// Measures from the law's lists (no repeats, in list order).
    pub measures: Vec<ProtectionMeasure>,
    /// Other measures, as written.
    pub other: Option<String>,
    /// Who carries them out (a body, a unit, a police station).
    pub implemented_by: String,
    /// From when.
    pub starts_on: NaiveDate,
    /// How often the reporter is asked whether they are safe, in days.
    pub check_in_every_days: u32,
}

/// What was decided. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DecisionOutcome {
    /// Protection is given.
    Measures(AppliedMeasures),
    /// Protection is refused, in writing with reasons (Art. 52).
    Refusal {
        /// Why.
        reasons: String,
    },
}

impl DecisionOutcome {
    /// `measures` or `refusal`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Measures(_) => "measures",
            Self::Refusal { .. } => "refusal",
        }
    }
}

/// A checked decision. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectionDecision {
    /// The body that decided.
    pub body: CompetentBody,
    /// The date of the decision.
    pub decided_on: NaiveDate,
    /// Measures or refusal.
    #[serde(flatten)]
    pub outcome: DecisionOutcome,
}

/// The fields as sent.
#[derive(Default)]
pub struct DecisionDraft {
    /// `measures` or `refusal`.
    pub outcome: String,
    /// A [`CompetentBody`] code.
    pub body: String,
    /// `YYYY-MM-DD`; empty for today.
    pub decided_on: String,
    /// [`ProtectionMeasure`] codes.
    pub measures: Vec<String>,
    /// Other measures (free text).
    pub other_measures: String,
    /// Who carries them out.
    pub implemented_by: String,
    /// `YYYY-MM-DD`; empty for the date of the decision.
    pub starts_on: String,
    /// Days between check-ins; empty for the default.
    pub check_in_every_days: String,
    /// A refusal's reasons.
    pub reasons: String,
}

impl ProtectionDecision {
    /// Checks a draft for a request made on `request_on`; `today` is today in
    /// Vietnam. Every bad field is named (`outcome`, `body`, `decided_on`,
    /// then `measures`, `other_measures`, `implemented_by`, `starts_on`,
    /// `check_in_every_days`, or `reasons`).
    pub fn parse(
        draft: &DecisionDraft,
        request_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<ProtectionDecision, FieldErrors> {
        let mut errors = Vec::new();
        let outcome = draft.outcome.trim();
        if !matches!(outcome, "measures" | "refusal") {
            errors.push(ReportFieldError::new(
                "outcome",
                "Phải là measures (áp dụng biện pháp) hoặc refusal (từ chối).",
                "Must be measures or refusal.",
            ));
        }
        let body = CompetentBody::parse(draft.body.trim());
        if body.is_none() {
            let codes = CompetentBody::ALL.map(CompetentBody::as_str).join(", ");
            errors.push(ReportFieldError::new(
                "body",
                format!("Cơ quan quyết định phải là một trong: {codes}."),
                format!("The deciding body must be one of: {codes}."),
            ));
        }
        let decided_on = date_in_range("decided_on", &draft.decided_on, today, request_on, today)
            .map_err(|error| errors.push(error))
            .ok();
        let parsed = match outcome {
            "measures" => measures(
                draft,
                decided_on.unwrap_or(today),
                request_on,
                today,
                &mut errors,
            )
            .map(DecisionOutcome::Measures),
            "refusal" => required("reasons", &draft.reasons, REASONS_MAX, &mut errors)
                .map(|reasons| DecisionOutcome::Refusal { reasons }),
            _ => None,
        };
        match (body, decided_on, parsed) {
            (Some(body), Some(decided_on), Some(outcome)) if errors.is_empty() => {
                Ok(ProtectionDecision {
                    body,
                    decided_on,
                    outcome,
                })
            }
            _ => Err(FieldErrors::from_vec(errors)
                .unwrap_or_else(|| FieldErrors::single("outcome", "Không hợp lệ.", "Not valid."))),
        }
    }

    /// The measures, if protection was given.
    pub fn measures(&self) -> Option<&AppliedMeasures> {
        match &self.outcome {
            DecisionOutcome::Measures(measures) => Some(measures),
            DecisionOutcome::Refusal { .. } => None,
        }
    }
}

fn required(
    field: &str,
    input: &str,
    max: usize,
    errors: &mut Vec<ReportFieldError>,
) -> Option<String> {
    match checked(field, input, max) {
        Ok(Some(text)) => Some(text),
        Ok(None) => {
            errors.push(empty(field));
            None
        }
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

fn measures(
    draft: &DecisionDraft,
    decided_on: NaiveDate,
    request_on: NaiveDate,
    today: NaiveDate,
    errors: &mut Vec<ReportFieldError>,
) -> Option<AppliedMeasures> {
    let before = errors.len();
    let mut listed: Vec<ProtectionMeasure> = Vec::new();
    for code in &draft.measures {
        match ProtectionMeasure::parse(code.trim()) {
            Some(measure) => {
                if !listed.contains(&measure) {
                    listed.push(measure);
                }
            }
            None => {
                errors.push(ReportFieldError::new(
                    "measures",
                    "Có biện pháp không có trong danh sách của Điều 56–58.",
                    "Contains a measure that is not in the lists of Arts 56–58.",
                ));
                break;
            }
        }
    }
    listed.sort();
    let other = checked("other_measures", &draft.other_measures, OTHER_MEASURES_MAX)
        .map_err(|error| errors.push(error))
        .ok()
        .flatten();
    if listed.is_empty() && other.is_none() && errors.len() == before {
        errors.push(ReportFieldError::new(
            "measures",
            "Hãy chọn ít nhất một biện pháp hoặc ghi biện pháp khác.",
            "Choose at least one measure or write another.",
        ));
    }
    let implemented_by = required(
        "implemented_by",
        &draft.implemented_by,
        IMPLEMENTED_BY_MAX,
        errors,
    );
    let latest = today
        .checked_add_days(Days::new(STARTS_AHEAD_MAX_DAYS))
        .unwrap_or(today);
    // In an emergency measures are applied at once and the papers follow
    // (Art. 51): they may start before the decision, not before the request.
    let starts_on = date_in_range(
        "starts_on",
        &draft.starts_on,
        decided_on,
        request_on,
        latest,
    )
    .map_err(|error| errors.push(error))
    .ok();
    let every = match draft.check_in_every_days.trim() {
        "" => Some(CHECK_IN_EVERY_DAYS_DEFAULT),
        text => match text.parse::<u32>() {
            Ok(days) if (1..=CHECK_IN_EVERY_DAYS_MAX).contains(&days) => Some(days),
            _ => {
                errors.push(ReportFieldError::new(
                    "check_in_every_days",
                    format!("Số ngày từ 1 đến {CHECK_IN_EVERY_DAYS_MAX}."),
                    format!("A number of days from 1 to {CHECK_IN_EVERY_DAYS_MAX}."),
                ));
                None
            }
        },
    };
    match (implemented_by, starts_on, every) {
        (Some(implemented_by), Some(starts_on), Some(check_in_every_days))
            if errors.len() == before =>
        {
            Some(AppliedMeasures {
                measures: listed,
                other,
                implemented_by,
                starts_on,
                check_in_every_days,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn draft() -> DecisionDraft {
        DecisionDraft {
            outcome: "measures".into(),
            body: "police".into(),
            decided_on: "2026-03-09".into(),
            measures: vec![
                "guard".into(),
                "keep_identity_secret".into(),
                "guard".into(),
            ],
            other_measures: String::new(),
            implemented_by: "Công an phường Thanh Sơn".into(),
            starts_on: String::new(),
            check_in_every_days: String::new(),
            reasons: String::new(),
        }
    }

    #[test]
    fn measures_are_read_with_their_defaults() {
        let decision =
            ProtectionDecision::parse(&draft(), d("2026-03-05"), d("2026-03-10")).unwrap();
        assert_eq!(decision.body, CompetentBody::Police);
        let measures = decision.measures().unwrap();
        assert_eq!(
            measures.measures,
            [
                ProtectionMeasure::KeepIdentitySecret,
                ProtectionMeasure::Guard
            ]
        );
        assert_eq!(measures.starts_on, d("2026-03-09"));
        assert_eq!(measures.check_in_every_days, CHECK_IN_EVERY_DAYS_DEFAULT);
        let json = serde_json::to_value(&decision).unwrap();
        assert_eq!(json["outcome"], "measures");
        let back: ProtectionDecision = serde_json::from_value(json).unwrap();
        assert!(back == decision);
    }

    #[test]
    fn a_refusal_needs_reasons() {
        let mut refusal = draft();
        refusal.outcome = "refusal".into();
        let errors = ProtectionDecision::parse(&refusal, d("2026-03-05"), d("2026-03-10"))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["reasons"]);
        refusal.reasons = "Không có căn cứ cho thấy bị đe dọa.".into();
        let decision =
            ProtectionDecision::parse(&refusal, d("2026-03-05"), d("2026-03-10")).unwrap();
        assert!(decision.measures().is_none());
        assert_eq!(decision.outcome.code(), "refusal");
    }

    #[test]
    fn bad_fields_are_named() {
        let mut bad = draft();
        bad.outcome = "maybe".into();
        bad.body = "court".into();
        bad.decided_on = "2026-03-11".into();
        let errors = ProtectionDecision::parse(&bad, d("2026-03-05"), d("2026-03-10"))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["outcome", "body", "decided_on"]);
        let mut bad = draft();
        bad.measures = vec!["jail".into()];
        bad.implemented_by = " ".into();
        bad.starts_on = "2026-03-01".into();
        bad.check_in_every_days = "0".into();
        let errors = ProtectionDecision::parse(&bad, d("2026-03-05"), d("2026-03-10"))
            .err()
            .unwrap();
        assert_eq!(
            errors.fields(),
            [
                "measures",
                "implemented_by",
                "starts_on",
                "check_in_every_days"
            ]
        );
        let mut none = draft();
        none.measures.clear();
        let errors = ProtectionDecision::parse(&none, d("2026-03-05"), d("2026-03-10"))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["measures"]);
        none.other_measures = "Đổi số điện thoại liên lạc.".into();
        assert!(ProtectionDecision::parse(&none, d("2026-03-05"), d("2026-03-10")).is_ok());
        let mut early = draft();
        early.decided_on = "2026-03-04".into();
        let errors = ProtectionDecision::parse(&early, d("2026-03-05"), d("2026-03-10"))
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["decided_on"]);
    }
}
