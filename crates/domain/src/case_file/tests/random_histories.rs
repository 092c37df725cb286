//! Random histories: the fold never panics, refuses with a rule or folds, and folding a
//! valid prefix at once or event by event gives the same state.

use chrono::{Days, NaiveDate};
use khien_calendar::Calendar;
use proptest::prelude::*;

use super::histories::*;
use crate::case_file::{
    AcceptanceConditions, CaseEvent, CaseState, Classification, ComplexityCriterion,
    CriminalAuthority, Finding, Notice, TerminationGround, WithdrawalException, apply, deadlines,
    fold,
};
use crate::intake::{Channel, ReportKind};
use crate::rules::RulePacks;

/// One random event: which kind, how many days after the previous one, and a byte
/// that picks its facts.
type Seed = (u8, u64, u8);

/// Event kinds (the arms of `event_from`) weighted towards the long path through the
/// procedure: steps that end a case early are drawn less often than those that go on.
const WEIGHTED: [u8; 46] = [
    0, 1, 2, 2, 2, 2, 5, 6, 7, 8, 9, 9, 9, 10, 11, 12, 13, 13, 14, 14, 15, 15, 15, 16, 17, 17, 17,
    17, 18, 18, 18, 19, 19, 19, 19, 20, 20, 21, 21, 22, 22, 22, 22, 23, 23, 23,
];

fn event_from(seed: Seed, on: NaiveDate) -> CaseEvent {
    let (kind, _, salt) = seed;
    // A decision is sometimes signed a few days before it is recorded, and sometimes
    // (wrongly) after.
    let decided_on = match salt % 7 {
        0 => on.checked_sub_days(Days::new(3)).unwrap_or(on),
        1 => on.checked_add_days(Days::new(1)).unwrap_or(on),
        _ => on,
    };
    let pick = |n: u8| usize::from(salt) % usize::from(n);
    let text = if salt % 11 == 0 {
        " "
    } else {
        "stated grounds"
    };
    match WEIGHTED[usize::from(kind) % WEIGHTED.len()] {
        0 => CaseEvent::Received {
            on,
            kind: ReportKind::ALL[pick(3)],
            channel: Channel::ALL[pick(4)],
            anonymous: salt % 5 == 0,
            received_on: decided_on,
        },
        1 => CaseEvent::Classified {
            on,
            as_kind: [
                Classification::Denunciation,
                Classification::Denunciation,
                Classification::Reflection,
                Classification::Petition,
                Classification::ComplaintMixedIn,
                Classification::NotOurs,
            ][pick(6)],
        },
        2..=4 => CaseEvent::Accepted {
            on,
            conditions: AcceptanceConditions {
                competent: salt % 13 != 0,
                ..AcceptanceConditions::ALL_MET
            },
            decided_on,
        },
        5 => CaseEvent::NotAccepted {
            on,
            grounds: text.to_owned(),
            decided_on,
        },
        6 => CaseEvent::Forwarded {
            outside: match salt % 7 {
                0 => Some(String::new()),
                1 | 2 => Some("Công an huyện X, tỉnh Y".to_owned()),
                _ => None,
            },
            on,
            to_unit: if salt % 9 == 0 { "Sở?" } else { "so-tc" }.to_owned(),
            decided_on,
        },
        7 => CaseEvent::TransferredCriminal {
            on,
            to: if salt % 2 == 0 {
                CriminalAuthority::Procuracy
            } else {
                CriminalAuthority::InvestigationAgency
            },
            decided_on,
        },
        8 => CaseEvent::HandledAsInformation { on, decided_on },
        9 => CaseEvent::VerifiersAssigned {
            on,
            verifiers: (0..pick(3)).map(|i| format!("u-{i}")).collect(),
        },
        10 => CaseEvent::VerificationPlanRecorded { on },
        11 => CaseEvent::MeetingRecorded { on },
        12 => CaseEvent::EvidenceRecorded { on },
        13 => CaseEvent::Extended {
            on,
            criteria: ComplexityCriterion::ALL[..pick(4)].to_vec(),
            decided_on,
        },
        14 => CaseEvent::Suspended {
            on,
            reason: text.to_owned(),
            decided_on,
        },
        15 => CaseEvent::Resumed { on, decided_on },
        16 => CaseEvent::Terminated {
            on,
            ground: [
                TerminationGround::Withdrawal {
                    exception_applies: None,
                },
                TerminationGround::Withdrawal {
                    exception_applies: Some(WithdrawalException::SignsOfViolation),
                },
                TerminationGround::AccusedDied,
                TerminationGround::PriorJudgment,
            ][pick(4)],
            decided_on,
        },
        17 => CaseEvent::Concluded {
            on,
            finding: [Finding::Correct, Finding::PartlyCorrect, Finding::False][pick(3)],
            measures: vec![],
            amount_to_recover_vnd: u64::from(salt) * 1_000_000,
            persons_to_discipline: u32::from(salt % 4),
            false_report_flag: salt % 3 == 0,
            decided_on,
        },
        18 => CaseEvent::ConclusionHandled { on, decided_on },
        19 => CaseEvent::Published {
            on,
            from: decided_on,
            until: decided_on
                .checked_add_days(Days::new(u64::from(salt % 20)))
                .unwrap_or(decided_on),
        },
        20 => CaseEvent::NoticeSent {
            on,
            notice: [
                Notice::Acceptance,
                Notice::Suspension,
                Notice::Termination,
                Notice::Conclusion,
            ][pick(4)],
            sent_on: (salt % 3 == 0).then_some(decided_on),
        },
        21 => CaseEvent::Closed { on },
        22 => {
            if salt % 2 == 0 {
                CaseEvent::PetitionReplied { on, decided_on }
            } else {
                CaseEvent::ReDenunciationReceived {
                    on,
                    received_on: decided_on,
                }
            }
        }
        45 => CaseEvent::HandlerAssigned {
            on,
            handler: if salt % 5 == 0 {
                " ".to_owned()
            } else {
                format!("u-{}", pick(3))
            },
        },
        _ => CaseEvent::ReviewOpened {
            on,
            at_unit: "ubnd-hn".to_owned(),
        },
    }
}

/// A history that starts with a receipt and a classification (so that most of the
/// procedure is reached) and runs forward in time, sometimes past "today".
fn history(seeds: &[Seed], anonymous: bool, class: u8) -> Vec<CaseEvent> {
    let mut on = day("2025-01-24");
    let mut events = vec![
        received("2025-01-24", ReportKind::Denunciation, anonymous),
        event_from((1, 0, class), on),
    ];
    for seed in seeds {
        on = on.checked_add_days(Days::new(seed.1)).unwrap_or(on);
        events.push(event_from(*seed, on));
    }
    events
}

/// Keeps the events the fold accepts and drops the others: a random valid history that
/// reaches deep into the procedure. A refused event must leave the state as it was.
fn grown(candidates: &[CaseEvent]) -> (Vec<CaseEvent>, CaseState) {
    let context = context_on(TODAY);
    let mut kept = Vec::new();
    let mut state = CaseState::default();
    for event in candidates {
        if let Ok(next) = apply(state.clone(), event, &context) {
            kept.push(event.clone());
            state = next;
        }
    }
    (kept, state)
}

fn one_by_one(events: &[CaseEvent]) -> CaseState {
    let context = context_on(TODAY);
    events.iter().fold(CaseState::default(), |state, event| {
        apply(state, event, &context).expect("a valid prefix applies event by event")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_history_folds_or_is_refused_with_a_rule(
        seeds in prop::collection::vec((0u8..46, 0u64..6, any::<u8>()), 0..60),
        anonymous in prop::bool::weighted(0.2),
        class in any::<u8>(),
    ) {
        let events = history(&seeds, anonymous, class);
        let context = context_on(TODAY);
        let valid = match fold(&events, &context) {
            Ok(state) => {
                prop_assert_eq!(state.events, events.len());
                events.len()
            }
            Err((index, rejection)) => {
                prop_assert!(index < events.len());
                prop_assert!(!rejection.to_string().is_empty());
                index
            }
        };
        let prefix = &events[..valid];
        let at_once = fold(prefix, &context).map_err(|(i, r)| format!("{i}: {r}"));
        prop_assert_eq!(at_once, Ok(one_by_one(prefix)));
    }

    #[test]
    fn a_valid_history_folds_the_same_at_once_and_event_by_event(
        seeds in prop::collection::vec((0u8..46, 0u64..4, any::<u8>()), 0..120),
        anonymous in prop::bool::weighted(0.2),
        class in any::<u8>(),
    ) {
        let (kept, state) = grown(&history(&seeds, anonymous, class));
        let context = context_on(TODAY);
        let at_once = fold(&kept, &context).map_err(|(i, r)| TestCaseError::fail(format!("{i}: {r}")))?;
        prop_assert_eq!(&at_once, &state);
        prop_assert_eq!(&one_by_one(&kept), &state);
        // Every prefix of a valid history is valid.
        for end in 0..kept.len() {
            prop_assert!(fold(&kept[..end], &context).is_ok());
        }
        // Deadlines of any valid state compute; days left agree with due dates.
        let list = deadlines(&state, RulePacks::builtin(), &Calendar::builtin(), day(TODAY))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for deadline in list {
            prop_assert_eq!(deadline.days_left, (deadline.due - day(TODAY)).num_days());
            prop_assert_eq!(deadline.open, deadline.done_on.is_none());
            prop_assert!(deadline.due >= deadline.starts_on);
            prop_assert!(!deadline.paused || deadline.open);
        }
        // The server folds the redacted form (no free text): same stage, same deadlines.
        let redacted: Vec<CaseEvent> = kept.iter().map(CaseEvent::redacted).collect();
        let blind = fold(&redacted, &context).map_err(|(i, r)| TestCaseError::fail(format!("redacted {i}: {r}")))?;
        prop_assert_eq!(blind.stage, state.stage);
        prop_assert_eq!(blind.handler.clone(), state.handler.clone());
        let blind_list = deadlines(&blind, RulePacks::builtin(), &Calendar::builtin(), day(TODAY))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let seen = deadlines(&state, RulePacks::builtin(), &Calendar::builtin(), day(TODAY))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(blind_list, seen);
        for event in &redacted {
            prop_assert!(!event.has_free_text());
        }
    }
}

/// The generator reaches the far end of the procedure, so the properties above are
/// about more than receipt and classification.
#[test]
fn random_valid_histories_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::collections::BTreeSet;

    let strategy = (
        prop::collection::vec((0u8..46, 0u64..4, any::<u8>()), 0..120),
        prop::bool::weighted(0.2),
        any::<u8>(),
    );
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let mut stages = BTreeSet::new();
    let mut re_resolved = false;
    for _ in 0..400 {
        let (seeds, anonymous, class) = strategy
            .new_tree(&mut runner)
            .expect("strategy generates")
            .current();
        let (_, state) = grown(&history(&seeds, anonymous, class));
        stages.insert(format!("{:?}", state.stage));
        re_resolved |= state.earlier_resolutions > 0;
    }
    for stage in [
        "Classified",
        "NotAccepted",
        "Forwarded",
        "TransferredCriminal",
        "HandledAsInformation",
        "Accepted",
        "Terminated",
        "Concluded",
        "Replied",
        "Closed",
    ] {
        assert!(stages.contains(stage), "{stage} never reached: {stages:?}");
    }
    assert!(re_resolved, "no random history reached a re-resolution");
}
