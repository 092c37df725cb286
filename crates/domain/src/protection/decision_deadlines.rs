//! When a protection request must be decided, per the rule pack in force on
//! the request's date.
//!
//! LTC Arts 51–52 and Decree 31/2019 set no day count: the competent body acts
//! "promptly" (kịp thời), in an emergency "immediately", so those rows have no
//! date. Only the police rules count days, for people who denounced
//! corruption or waste (Circular 145/2020/TT-BCA Art. 5): decide within the
//! pack's `protection_decision` (or `protection_decision_complex`), and notify
//! a refusal within `protection_refusal_notice`, both from the request.

use chrono::NaiveDate;
use khien_calendar::{Calendar, CalendarError};

use super::{CompetentBody, RoutedBody};
use crate::rules::{Rule, RulePack};

/// What the protection officer has assessed about a request. Until they do,
/// the tighter police limit applies: Khiên takes reports of corruption and
/// waste, and a simple matter is decided sooner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtectionAssessment {
    /// The denunciation is about corruption or waste (the police limit applies).
    pub corruption_or_waste: bool,
    /// The matter is complex (the police's longer limit).
    pub complex: bool,
}

impl Default for ProtectionAssessment {
    fn default() -> Self {
        Self {
            corruption_or_waste: true,
            complex: false,
        }
    }
}

/// Which step a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProtectionStep {
    /// Decide: apply measures or refuse.
    Decision,
    /// Tell the person, in writing, that protection is refused.
    RefusalNotice,
}

impl ProtectionStep {
    /// The code used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::RefusalNotice => "refusal_notice",
        }
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Decision => "Quyết định áp dụng biện pháp bảo vệ hoặc từ chối",
            Self::RefusalNotice => "Thông báo bằng văn bản việc từ chối (nếu từ chối)",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Decision => "Decide on measures or refuse",
            Self::RefusalNotice => "Notify a refusal in writing (if refused)",
        }
    }
}

/// One step's time limit for one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectionDeadline {
    /// Which step.
    pub step: ProtectionStep,
    /// For which body.
    pub body: CompetentBody,
    /// The request's date, which starts the clock.
    pub starts_on: NaiveDate,
    /// The last day on time; `None` when the law says "promptly" with no count.
    pub due: Option<NaiveDate>,
    /// `due − today` in calendar days while open and dated; negative when overdue.
    pub days_left: Option<i64>,
    /// An emergency with no count: "immediately" rather than "promptly".
    pub immediately: bool,
    /// The legal basis.
    pub basis: String,
    /// The same in Vietnamese, as screens show it first.
    pub basis_vi: String,
    /// `false` when the figure is UNVERIFIED in DOMAIN.md.
    pub verified: bool,
    /// Still to be done.
    pub open: bool,
    /// When it was done.
    pub done_on: Option<NaiveDate>,
}

impl ProtectionDeadline {
    /// Open, dated and past its due date.
    pub fn is_overdue(&self) -> bool {
        self.open && self.days_left.is_some_and(|left| left < 0)
    }
}

/// What a request's deadlines depend on.
#[derive(Debug, Clone, Copy)]
pub struct DeadlineInput<'a> {
    /// The day the request was made (in Vietnam).
    pub requested_on: NaiveDate,
    /// An emergency.
    pub urgent: bool,
    /// The bodies it goes to ([`super::route_request`]).
    pub routed: &'a [RoutedBody],
    /// The protection officer's assessment.
    pub assessment: ProtectionAssessment,
    /// The decision so far: whether it refused, and its date.
    pub decided: Option<(bool, NaiveDate)>,
}

/// The basis shown where the law counts no days.
pub const PROMPTLY_BASIS: &str = "LTC Arts 51–52 (\"kịp thời\"; no day count)";

/// The same in Vietnamese.
pub const PROMPTLY_BASIS_VI: &str =
    "Điều 51, Điều 52 Luật Tố cáo 2018 (\"kịp thời\"; luật không quy định số ngày)";

/// The request's deadlines: a decision for each body it goes to, and, where
/// the police limit applies and nothing but a refusal was decided, the
/// refusal notice. `pack` is the pack in force on the request's date.
pub fn protection_deadlines(
    input: &DeadlineInput<'_>,
    pack: &RulePack,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<Vec<ProtectionDeadline>, CalendarError> {
    let open = input.decided.is_none();
    let done_on = input.decided.map(|(_, on)| on);
    let refused = input.decided.is_some_and(|(refused, _)| refused);
    let row = |step, body, rule: Option<&Rule>| -> Result<ProtectionDeadline, CalendarError> {
        let due = rule
            .map(|rule| rule.period.due_from(input.requested_on, calendar))
            .transpose()?;
        Ok(ProtectionDeadline {
            step,
            body,
            starts_on: input.requested_on,
            due,
            days_left: due.filter(|_| open).map(|due| (due - today).num_days()),
            immediately: input.urgent && due.is_none(),
            basis: rule.map_or_else(|| PROMPTLY_BASIS.to_owned(), |rule| rule.basis.clone()),
            basis_vi: rule.map_or_else(
                || PROMPTLY_BASIS_VI.to_owned(),
                |rule| rule.basis_vi.clone(),
            ),
            verified: rule.is_none_or(|rule| rule.verified),
            open,
            done_on,
        })
    };
    let police_counts = input.assessment.corruption_or_waste;
    let mut out = Vec::new();
    for routed in input.routed {
        let police_rule = if input.assessment.complex {
            &pack.protection_decision_complex
        } else {
            &pack.protection_decision
        };
        let rule = (routed.body == CompetentBody::Police && police_counts).then_some(police_rule);
        out.push(row(ProtectionStep::Decision, routed.body, rule)?);
        if rule.is_some() && (open || refused) {
            out.push(row(
                ProtectionStep::RefusalNotice,
                routed.body,
                Some(&pack.protection_refusal_notice),
            )?);
        }
    }
    Ok(out)
}

/// The earliest open dated deadline, for lists.
pub fn earliest_due(deadlines: &[ProtectionDeadline]) -> Option<NaiveDate> {
    deadlines
        .iter()
        .filter(|d| d.open && d.step == ProtectionStep::Decision)
        .filter_map(|d| d.due)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protection::{ProtectedInterest, route_request};
    use crate::rules::RulePacks;
    use crate::rules::article_numbers::translation_fault;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn deadlines(
        on: &str,
        interests: &[ProtectedInterest],
        assessment: ProtectionAssessment,
        decided: Option<(bool, NaiveDate)>,
        today: &str,
    ) -> Vec<ProtectionDeadline> {
        let routed = route_request(interests);
        let input = DeadlineInput {
            requested_on: d(on),
            urgent: false,
            routed: &routed,
            assessment,
            decided,
        };
        let pack = RulePacks::builtin().in_force_on(d(on)).unwrap();
        protection_deadlines(&input, pack, &Calendar::builtin(), d(today)).unwrap()
    }

    #[test]
    fn the_police_count_working_days_across_tet() {
        // Friday 24/01/2025, the last working day before Tết Ất Tỵ: the break
        // runs to Sunday 02/02, so the 3 working days are 3, 4 and 5 February.
        let rows = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Life],
            ProtectionAssessment::default(),
            None,
            "2025-01-24",
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].step, ProtectionStep::Decision);
        assert_eq!(rows[0].body, CompetentBody::Police);
        assert_eq!(rows[0].due, Some(d("2025-02-05")));
        assert_eq!(rows[0].days_left, Some(12));
        assert!(rows[0].verified && rows[0].basis.contains("145/2020"));
        assert_eq!(
            rows[0].basis_vi,
            "Điều 5 Thông tư 145/2020/TT-BCA (tố cáo hành vi tham nhũng, lãng phí)"
        );
        assert_eq!(rows[1].step, ProtectionStep::RefusalNotice);
        assert_eq!(rows[1].due, Some(d("2025-02-05")));
        let complex = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Health],
            ProtectionAssessment {
                corruption_or_waste: true,
                complex: true,
            },
            None,
            "2025-02-06",
        );
        assert_eq!(complex[0].due, Some(d("2025-02-07")));
        assert_eq!(complex[0].days_left, Some(1));
        let overdue = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Health],
            ProtectionAssessment::default(),
            None,
            "2025-02-06",
        );
        assert!(overdue[0].is_overdue());
    }

    #[test]
    fn other_bodies_and_other_reports_have_no_count() {
        let rows = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Confidentiality, ProtectedInterest::Job],
            ProtectionAssessment::default(),
            None,
            "2025-01-24",
        );
        assert_eq!(rows.len(), 2);
        assert!(
            rows.iter()
                .all(|row| row.due.is_none() && row.basis == PROMPTLY_BASIS)
        );
        assert!(rows.iter().all(|row| row.basis_vi == PROMPTLY_BASIS_VI));
        assert_eq!(translation_fault(PROMPTLY_BASIS, PROMPTLY_BASIS_VI), None);
        assert_eq!(earliest_due(&rows), None);
        let not_corruption = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Life],
            ProtectionAssessment {
                corruption_or_waste: false,
                complex: false,
            },
            None,
            "2025-01-24",
        );
        assert_eq!(not_corruption.len(), 1);
        assert_eq!(not_corruption[0].due, None);
    }

    #[test]
    fn a_decision_closes_the_rows_and_measures_drop_the_refusal_notice() {
        let done = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Life],
            ProtectionAssessment::default(),
            Some((false, d("2025-02-04"))),
            "2025-02-10",
        );
        assert_eq!(done.len(), 1);
        assert!(!done[0].open && done[0].days_left.is_none());
        assert_eq!(done[0].done_on, Some(d("2025-02-04")));
        let refused = deadlines(
            "2025-01-24",
            &[ProtectedInterest::Life],
            ProtectionAssessment::default(),
            Some((true, d("2025-02-04"))),
            "2025-02-10",
        );
        assert_eq!(refused.len(), 2);
        // After 1 July 2026 the carried-over police figures are unverified.
        let later = deadlines(
            "2026-07-03",
            &[ProtectedInterest::Life],
            ProtectionAssessment::default(),
            None,
            "2026-07-03",
        );
        assert!(!later[0].verified);
    }
}
