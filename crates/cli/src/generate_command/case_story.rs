//! What happens to one generated case: how it arrived, and the events of its file up
//! to today. The mix is meant to look like a provincial inspectorate's two years:
//! most named denunciations accepted, verified and concluded, some refused, forwarded,
//! suspended or late; reflections and petitions answered; anonymous reports handled
//! as information. A story stops at today, so recent cases are early in theirs.
//!
//! Pure: the tests fold thousands of stories through the domain's own rules, so the
//! store never refuses one.

use chrono::{Days, NaiveDate};
use khien_domain::case_file::{
    AcceptanceConditions, CaseEvent, Classification, ComplexityCriterion, CriminalAuthority,
    Finding, Notice, TerminationGround,
};
use khien_domain::intake::{Channel, ReportKind};

use super::dice::Dice;

/// How a case arrived.
#[derive(Debug, Clone, Copy)]
pub struct Arrival {
    /// The date of receipt.
    pub received_on: NaiveDate,
    /// The hour (UTC) it arrived that day.
    pub hour_utc: u32,
    /// What it is.
    pub kind: ReportKind,
    /// How it came.
    pub channel: Channel,
    /// Whether the reporter gave no name.
    pub anonymous: bool,
    /// Whether the reporter asked for protection.
    pub wants_protection: bool,
}

/// Who a story may name: the unit's handlers (user ids) and the units it may
/// forward to (codes).
pub struct Cast<'a> {
    /// User ids of the unit's handlers; at least one.
    pub handlers: &'a [String],
    /// Codes of other units.
    pub forward_to: &'a [String],
}

/// Draws how a case arrived, received between `first_day` and `today`.
pub fn arrival(dice: &mut Dice, first_day: NaiveDate, today: NaiveDate) -> Arrival {
    let span = (today - first_day).num_days().max(0);
    let received_on = first_day + Days::new(dice.between(0, span) as u64);
    let channel = [
        Channel::Web,
        Channel::Letter,
        Channel::Hotline,
        Channel::InPerson,
    ][dice.weighted(&[50, 22, 10, 18])];
    let kind = [
        ReportKind::Denunciation,
        ReportKind::Reflection,
        ReportKind::Petition,
    ][dice.weighted(&[60, 25, 15])];
    let anonymous = match channel {
        Channel::Web => dice.chance(35),
        Channel::Hotline => dice.chance(45),
        Channel::Letter => dice.chance(12),
        Channel::InPerson => false,
    };
    let wants_protection = !anonymous && kind == ReportKind::Denunciation && dice.chance(12);
    // 07:00–22:59 in Vietnam on the web, office hours otherwise.
    let hour_utc = match channel {
        Channel::Web => dice.between(0, 15),
        _ => dice.between(1, 9),
    } as u32;
    Arrival {
        received_on,
        hour_utc,
        kind,
        channel,
        anonymous,
        wants_protection,
    }
}

/// The events after receipt, up to `today`.
pub fn story(
    dice: &mut Dice,
    arrival: &Arrival,
    cast: &Cast<'_>,
    today: NaiveDate,
) -> Vec<CaseEvent> {
    let mut story = Story {
        dice,
        day: arrival.received_on,
        today,
        events: Vec::new(),
    };
    match (arrival.kind, arrival.anonymous) {
        (ReportKind::Denunciation, false) => named_denunciation(&mut story, cast),
        (ReportKind::Denunciation, true) => {
            anonymous_report(&mut story, Classification::Denunciation, cast)
        }
        (kind, anonymous) => {
            let class = if kind == ReportKind::Petition {
                Classification::Petition
            } else {
                Classification::Reflection
            };
            if anonymous {
                anonymous_report(&mut story, class, cast)
            } else {
                petition(&mut story, class)
            }
        }
    };
    story.events
}

struct Story<'a> {
    dice: &'a mut Dice,
    /// The date of the last step.
    day: NaiveDate,
    today: NaiveDate,
    events: Vec<CaseEvent>,
}

impl Story<'_> {
    /// A day `low..=high` days after the last step; `None` (the story stops) if that
    /// is after today.
    fn later(&mut self, low: i64, high: i64) -> Option<NaiveDate> {
        let day = self.day + Days::new(self.dice.between(low, high) as u64);
        if day > self.today {
            return None;
        }
        self.day = day;
        Some(day)
    }

    fn classify(&mut self, as_kind: Classification) -> Option<()> {
        let on = self.later(1, 6)?;
        self.events.push(CaseEvent::Classified { on, as_kind });
        Some(())
    }

    fn close(&mut self, low: i64, high: i64) -> Option<()> {
        let on = self.later(low, high)?;
        self.events.push(CaseEvent::Closed { on });
        Some(())
    }

    fn not_accepted(&mut self) -> Option<()> {
        let on = self.later(2, 10)?;
        self.events.push(CaseEvent::NotAccepted {
            on,
            grounds: self.dice.pick(REFUSAL_GROUNDS).to_string(),
            decided_on: on,
        });
        if self.dice.chance(60) {
            self.close(1, 5)?;
        }
        Some(())
    }
}

const REFUSAL_GROUNDS: &[&str] = &[
    "Nội dung tố cáo đã được giải quyết, người tố cáo không đưa ra thông tin, tình tiết mới.",
    "Nội dung tố cáo không có cơ sở để xác minh hành vi vi phạm pháp luật.",
    "Người tố cáo không có năng lực hành vi dân sự đầy đủ theo quy định.",
    "Việc tố cáo đã được cơ quan có thẩm quyền thụ lý giải quyết.",
];

const MEASURES: &[&str] = &[
    "Kiểm điểm trách nhiệm tập thể, cá nhân có liên quan.",
    "Thu hồi số tiền chi sai quy định nộp ngân sách nhà nước.",
    "Xem xét xử lý kỷ luật cán bộ vi phạm theo quy định.",
    "Chấn chỉnh công tác quản lý, cấp phép tại đơn vị.",
];

const SUSPENSION_REASONS: &[&str] = &[
    "Chờ kết quả giám định của cơ quan chuyên môn.",
    "Chờ kết quả giải quyết của cơ quan khác có liên quan.",
    "Người bị tố cáo đang điều trị bệnh dài ngày.",
];

fn named_denunciation(story: &mut Story<'_>, cast: &Cast<'_>) -> Option<()> {
    if story.dice.chance(5) {
        return None; // not read yet
    }
    let outside = story.dice.chance(5) && !cast.forward_to.is_empty();
    story.classify(if outside {
        Classification::NotOurs
    } else {
        Classification::Denunciation
    })?;
    if outside {
        let on = story.later(1, 7)?;
        story.events.push(CaseEvent::Forwarded {
            outside: None,
            on,
            to_unit: story.dice.pick(cast.forward_to).clone(),
            decided_on: on,
        });
        return Some(());
    }
    match story.dice.weighted(&[4, 8, 2, 86]) {
        0 => return None, // classified, decision pending
        1 => return story.not_accepted(),
        2 => {
            let on = story.later(2, 10)?;
            story.events.push(CaseEvent::TransferredCriminal {
                on,
                to: *story.dice.pick(&[
                    CriminalAuthority::InvestigationAgency,
                    CriminalAuthority::Procuracy,
                ]),
                decided_on: on,
            });
            return Some(());
        }
        _ => {}
    }
    let on = story.later(1, 9)?;
    story.events.push(CaseEvent::Accepted {
        on,
        conditions: AcceptanceConditions::ALL_MET,
        decided_on: on,
    });
    let handler = story.dice.pick(cast.handlers).clone();
    story.events.push(CaseEvent::HandlerAssigned {
        on,
        handler: handler.clone(),
    });
    let on = story.later(0, 3)?;
    story.events.push(CaseEvent::NoticeSent {
        on,
        notice: Notice::Acceptance,
        sent_on: None,
    });
    let on = story.later(0, 5)?;
    let mut verifiers = vec![handler];
    let second = story.dice.pick(cast.handlers).clone();
    if !verifiers.contains(&second) {
        verifiers.push(second);
    }
    story
        .events
        .push(CaseEvent::VerifiersAssigned { on, verifiers });
    let on = story.later(1, 7)?;
    story
        .events
        .push(CaseEvent::VerificationPlanRecorded { on });
    if story.dice.chance(50) {
        let on = story.later(3, 15)?;
        story.events.push(CaseEvent::MeetingRecorded { on });
    }
    let on = story.later(5, 25)?;
    story.events.push(CaseEvent::EvidenceRecorded { on });
    match story.dice.weighted(&[8, 6, 4, 12, 70]) {
        0 => {
            let on = story.later(3, 20)?;
            story.events.push(CaseEvent::Suspended {
                on,
                reason: story.dice.pick(SUSPENSION_REASONS).to_string(),
                decided_on: on,
            });
            let on = story.later(0, 3)?;
            story.events.push(CaseEvent::NoticeSent {
                on,
                notice: Notice::Suspension,
                sent_on: None,
            });
            if !story.dice.chance(50) {
                return None; // still suspended
            }
            let on = story.later(20, 90)?;
            story.events.push(CaseEvent::Resumed { on, decided_on: on });
        }
        1 => {
            let on = story.later(5, 20)?;
            story.events.push(CaseEvent::Extended {
                on,
                criteria: vec![*story.dice.pick(&ComplexityCriterion::ALL)],
                decided_on: on,
            });
        }
        2 => {
            let on = story.later(3, 20)?;
            story.events.push(CaseEvent::Terminated {
                on,
                ground: *story.dice.pick(&[
                    TerminationGround::Withdrawal {
                        exception_applies: None,
                    },
                    TerminationGround::AccusedDied,
                    TerminationGround::PriorJudgment,
                ]),
                decided_on: on,
            });
            let on = story.later(0, 3)?;
            story.events.push(CaseEvent::NoticeSent {
                on,
                notice: Notice::Termination,
                sent_on: None,
            });
            return story.close(0, 5);
        }
        3 => return None, // still being verified, late if old
        _ => {}
    }
    conclusion(story)
}

fn conclusion(story: &mut Story<'_>) -> Option<()> {
    let on = story.later(10, 40)?;
    let finding = *story
        .dice
        .pick(&[Finding::Correct, Finding::PartlyCorrect, Finding::False]);
    let measures = if finding == Finding::False {
        Vec::new()
    } else {
        vec![story.dice.pick(MEASURES).to_string()]
    };
    story.events.push(CaseEvent::Concluded {
        on,
        finding,
        measures,
        amount_to_recover_vnd: if finding == Finding::False {
            0
        } else {
            story.dice.between(0, 2_000) as u64 * 1_000_000
        },
        persons_to_discipline: story.dice.between(0, 3) as u32,
        false_report_flag: finding == Finding::False && story.dice.chance(10),
        decided_on: on,
    });
    let on = story.later(1, 5)?;
    story.events.push(CaseEvent::NoticeSent {
        on,
        notice: Notice::Conclusion,
        sent_on: None,
    });
    let on = story.later(2, 15)?;
    story
        .events
        .push(CaseEvent::ConclusionHandled { on, decided_on: on });
    // Posted for 15 to 30 days from a day or two after the handling; recorded once over.
    let from = story.day + Days::new(story.dice.between(1, 2) as u64);
    let until = from + Days::new(story.dice.between(14, 29) as u64);
    story.day = until;
    let on = story.later(1, 3)?;
    story.events.push(CaseEvent::Published { on, from, until });
    story.close(0, 5)
}

fn petition(story: &mut Story<'_>, class: Classification) -> Option<()> {
    if story.dice.chance(5) {
        return None;
    }
    story.classify(class)?;
    if story.dice.chance(10) {
        return None; // reply pending
    }
    let on = story.later(3, 15)?;
    story
        .events
        .push(CaseEvent::PetitionReplied { on, decided_on: on });
    if story.dice.chance(70) {
        story.close(0, 10)?;
    }
    Some(())
}

fn anonymous_report(story: &mut Story<'_>, class: Classification, cast: &Cast<'_>) -> Option<()> {
    if story.dice.chance(10) {
        return None;
    }
    story.classify(class)?;
    match story.dice.weighted(&[70, 25, 5]) {
        0 => {
            let on = story.later(2, 10)?;
            story
                .events
                .push(CaseEvent::HandledAsInformation { on, decided_on: on });
            if story.dice.chance(50) {
                let on = story.later(1, 10)?;
                story.events.push(CaseEvent::VerifiersAssigned {
                    on,
                    verifiers: vec![story.dice.pick(cast.handlers).clone()],
                });
                let on = story.later(5, 30)?;
                story.events.push(CaseEvent::EvidenceRecorded { on });
            }
            if story.dice.chance(60) {
                story.close(1, 20)?;
            }
            Some(())
        }
        1 => story.not_accepted(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use khien_domain::case_file::{FoldContext, Stage, fold};
    use khien_domain::rules::RulePacks;

    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn every_story_is_one_the_law_allows() {
        let handlers = ["u1".to_owned(), "u2".to_owned(), "u3".to_owned()];
        let forward_to = ["GEN-SO-TC".to_owned()];
        let cast = Cast {
            handlers: &handlers,
            forward_to: &forward_to,
        };
        let today = day("2026-11-26");
        let context = FoldContext::new(today, RulePacks::builtin());
        let mut stages = std::collections::BTreeMap::new();
        let mut events = 0;
        for index in 0..20_000 {
            let mut dice = Dice::new(42, index);
            let arrival = arrival(&mut dice, day("2025-01-01"), today);
            assert!(arrival.received_on <= today);
            let mut history = vec![CaseEvent::Received {
                on: arrival.received_on,
                kind: arrival.kind,
                channel: arrival.channel,
                anonymous: arrival.anonymous,
                received_on: arrival.received_on,
            }];
            let story = story(&mut dice, &arrival, &cast, today);
            events += story.len();
            history.extend(story);
            let state = fold(&history, &context).unwrap_or_else(|(at, rejection)| {
                panic!("case {index}, event {at}: {rejection:?}\n{history:#?}")
            });
            *stages.entry(format!("{:?}", state.stage)).or_insert(0u32) += 1;
        }
        // A realistic spread: every stage a generated case can reach is reached.
        for stage in [
            Stage::Received,
            Stage::Classified,
            Stage::NotAccepted,
            Stage::Forwarded,
            Stage::TransferredCriminal,
            Stage::HandledAsInformation,
            Stage::Accepted,
            Stage::Concluded,
            Stage::Replied,
            Stage::Closed,
        ] {
            assert!(
                stages.contains_key(&format!("{stage:?}")),
                "{stage:?} never reached: {stages:?}"
            );
        }
        let per_case = events as f64 / 20_000.0;
        assert!((3.0..10.0).contains(&per_case), "{per_case} events a case");
    }

    #[test]
    fn a_story_never_goes_past_today() {
        let handlers = ["u1".to_owned()];
        let cast = Cast {
            handlers: &handlers,
            forward_to: &[],
        };
        let today = day("2025-01-10");
        for index in 0..2_000 {
            let mut dice = Dice::new(7, index);
            let arrival = arrival(&mut dice, day("2025-01-01"), today);
            for event in story(&mut dice, &arrival, &cast, today) {
                assert!(
                    event.on() <= today && event.effective_on() <= today,
                    "{event:?}"
                );
                assert!(!matches!(event, CaseEvent::Forwarded { .. }));
            }
        }
    }
}
