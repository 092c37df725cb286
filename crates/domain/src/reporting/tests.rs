//! Periods, deadlines and figures over hand-made histories.

use chrono::NaiveDate;
use khien_calendar::Calendar;

use super::*;
use crate::case_file::{
    AcceptanceConditions, CaseEvent, Classification, Finding, FoldContext, TerminationGround,
};
use crate::intake::{Channel, ReportKind};
use crate::rules::RulePacks;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn period(code: &str) -> ReportPeriod {
    code.parse().unwrap()
}

// ---- Periods ----

#[test]
fn every_period_has_the_cut_off_range_of_circular_01_2024() {
    let table = [
        ("2026-annual", "2025-12-15", "2026-12-14"),
        ("2026-q1", "2025-12-15", "2026-03-14"),
        ("2026-q2", "2026-03-15", "2026-06-14"),
        ("2026-q3", "2026-06-15", "2026-09-14"),
        ("2026-q4", "2026-09-15", "2026-12-14"),
        ("2026-6m", "2025-12-15", "2026-06-14"),
        ("2026-9m", "2025-12-15", "2026-09-14"),
        ("2024-Q1", "2023-12-15", "2024-03-14"),
    ];
    for (code, start, end) in table {
        let parsed = period(code);
        assert_eq!(
            (parsed.starts_on(), parsed.ends_on()),
            (day(start), day(end)),
            "{code}"
        );
        assert_eq!(parsed.code(), code.to_lowercase());
        assert_eq!(parsed.code().parse::<ReportPeriod>().unwrap(), parsed);
    }
}

#[test]
fn bad_codes_say_what_is_wrong() {
    /// A code, what its error must be, and words its message must contain.
    type Row = (&'static str, fn(&PeriodError) -> bool, &'static str);
    let table: [Row; 5] = [
        (
            "annual",
            |e| matches!(e, PeriodError::Shape { .. }),
            "năm-kỳ",
        ),
        (
            "26-annual",
            |e| matches!(e, PeriodError::Year { .. }),
            "4 chữ số",
        ),
        ("2026-q5", |e| matches!(e, PeriodError::Kind { .. }), "q5"),
        (
            "1999-annual",
            |e| matches!(e, PeriodError::YearOutOfRange { year: 1999 }),
            "2000–2100",
        ),
        (
            "2026-",
            |e| matches!(e, PeriodError::Kind { .. }),
            "annual, q1",
        ),
    ];
    for (code, is, words) in table {
        let error = code.parse::<ReportPeriod>().unwrap_err();
        assert!(is(&error), "{code}: {error:?}");
        assert!(error.to_string().contains(words), "{code}: {error}");
        assert!(
            error.to_string().contains(" / "),
            "Vietnamese, then English"
        );
    }
}

#[test]
fn labels_are_vietnamese_then_english() {
    assert_eq!(
        period("2026-annual").label_vi(),
        "Báo cáo năm 2026 (từ 15/12/2025 đến 14/12/2026)"
    );
    assert_eq!(
        period("2026-6m").label_vi(),
        "Báo cáo 6 tháng năm 2026 (từ 15/12/2025 đến 14/06/2026)"
    );
    assert_eq!(
        period("2026-annual").label_en(),
        "Annual report 2026 (15/12/2025 to 14/12/2026)"
    );
}

#[test]
fn the_annual_report_is_due_before_15_12_and_the_others_are_unverified() {
    let deadlines = SubmissionDeadlines::default();
    let annual = deadlines.of(period("2026-annual"));
    assert_eq!(annual.before, day("2026-12-15"));
    assert!(annual.verified);
    assert!(annual.is_met_by(day("2026-12-14")));
    assert!(!annual.is_met_by(day("2026-12-15")));
    assert!(annual.has_passed(day("2026-12-15")));
    assert!(!annual.has_passed(day("2026-12-14")));

    let q1 = deadlines.of(period("2026-q1"));
    assert!(!q1.verified);
    assert_eq!(q1.before, day("2026-03-20"));
    assert!(q1.label_vi().contains("chưa kiểm chứng"));
    let configured = SubmissionDeadlines {
        unverified_days_after_cutoff: 10,
    };
    assert_eq!(configured.of(period("2026-q1")).before, day("2026-03-24"));
}

// ---- Figures ----

fn received(on: &str, kind: ReportKind, anonymous: bool) -> CaseEvent {
    CaseEvent::Received {
        on: day(on),
        kind,
        channel: Channel::Letter,
        anonymous,
        received_on: day(on),
    }
}

fn denunciation(on: &str) -> CaseEvent {
    received(on, ReportKind::Denunciation, false)
}

fn classified(on: &str, as_kind: Classification) -> CaseEvent {
    CaseEvent::Classified {
        on: day(on),
        as_kind,
    }
}

fn accepted(on: &str) -> CaseEvent {
    CaseEvent::Accepted {
        on: day(on),
        conditions: AcceptanceConditions::ALL_MET,
        decided_on: day(on),
    }
}

fn verifiers(on: &str) -> CaseEvent {
    CaseEvent::VerifiersAssigned {
        on: day(on),
        verifiers: vec!["u1".into()],
    }
}

fn concluded(on: &str, finding: Finding, amount: u64, persons: u32, flag: bool) -> CaseEvent {
    CaseEvent::Concluded {
        on: day(on),
        finding,
        measures: vec![],
        amount_to_recover_vnd: amount,
        persons_to_discipline: persons,
        false_report_flag: flag,
        decided_on: day(on),
    }
}

/// A denunciation received, classified and accepted on the same day.
fn accepted_case(on: &str) -> Vec<CaseEvent> {
    vec![
        denunciation(on),
        classified(on, Classification::Denunciation),
        accepted(on),
        verifiers(on),
    ]
}

fn figures(events: &[CaseEvent], share: CaseShare, code: &str) -> Indicators {
    let context = FoldContext::new(day("2027-01-31"), RulePacks::builtin());
    case_indicators(events, share, period(code), &context, &Calendar::builtin()).unwrap()
}

/// Indicators with the named fields set to 1 (or the given value).
fn with(fields: &[(&str, u64)]) -> Indicators {
    let mut value = serde_json::to_value(Indicators::default()).unwrap();
    for (field, n) in fields {
        assert!(value.get(*field).is_some(), "no field {field}");
        value[*field] = (*n).into();
    }
    serde_json::from_value(value).unwrap()
}

#[test]
fn each_history_adds_what_a_clerk_would_count() {
    let concluded_case = |received: &str, conclusion: &str, finding| {
        let mut events = accepted_case(received);
        events.push(concluded(conclusion, finding, 5_000_000, 2, false));
        events
    };
    let forwarded = vec![
        denunciation("2026-02-02"),
        classified("2026-02-02", Classification::NotOurs),
        CaseEvent::Forwarded {
            outside: None,
            on: day("2026-02-03"),
            to_unit: "TTT".into(),
            decided_on: day("2026-02-03"),
        },
        CaseEvent::ForwardReceived {
            on: day("2026-02-05"),
            received_on: day("2026-02-05"),
        },
    ];
    let mut re_denounced = concluded_case("2025-03-03", "2025-03-20", Finding::False);
    re_denounced.extend([
        CaseEvent::ConclusionHandled {
            on: day("2025-03-25"),
            decided_on: day("2025-03-25"),
        },
        CaseEvent::Published {
            on: day("2025-03-26"),
            from: day("2025-03-26"),
            until: day("2025-04-10"),
        },
        CaseEvent::Closed {
            on: day("2025-04-11"),
        },
        CaseEvent::ReDenunciationReceived {
            on: day("2026-02-02"),
            received_on: day("2026-02-02"),
        },
        CaseEvent::ReviewOpened {
            on: day("2026-02-03"),
            at_unit: "TTT".into(),
        },
        CaseEvent::Closed {
            on: day("2026-02-20"),
        },
    ]);
    let mut withdrawn = accepted_case("2026-04-01");
    withdrawn.push(CaseEvent::Terminated {
        on: day("2026-04-10"),
        ground: TerminationGround::Withdrawal {
            exception_applies: None,
        },
        decided_on: day("2026-04-10"),
    });
    let mut late = accepted_case("2026-01-05");
    late.push(concluded("2026-03-20", Finding::False, 0, 0, true));

    type Row<'a> = (
        &'a str,
        Vec<CaseEvent>,
        CaseShare,
        &'a str,
        Vec<(&'a str, u64)>,
    );
    let table: Vec<Row> = vec![
        (
            "received on 14/12: the last day of the 2025 report",
            vec![denunciation("2025-12-14")],
            CaseShare::Whole,
            "2025-annual",
            vec![("received_denunciations", 1), ("open_at_end", 1)],
        ),
        (
            "received on 14/12 and still open: carried into 2026",
            vec![denunciation("2025-12-14")],
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("carried_over", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "received on 15/12/2025: not in the 2025 report",
            vec![denunciation("2025-12-15")],
            CaseShare::Whole,
            "2025-annual",
            vec![],
        ),
        (
            "received on 15/12/2025: the first day of the 2026 report and of its Q1",
            vec![denunciation("2025-12-15")],
            CaseShare::Whole,
            "2026-q1",
            vec![
                ("received_denunciations", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "accepted in December 2025, concluded in January 2026, on time",
            concluded_case("2025-12-20", "2026-01-15", Finding::Correct),
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("resolved_correct", 1),
                ("amount_to_recover_vnd", 5_000_000),
                ("persons_to_discipline", 2),
                ("resolved_on_time", 1),
            ],
        ),
        (
            "received before the 2026 period, concluded in it: carried over",
            concluded_case("2025-12-01", "2025-12-20", Finding::PartlyCorrect),
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("carried_over", 1),
                ("resolved_partly_correct", 1),
                ("amount_to_recover_vnd", 5_000_000),
                ("persons_to_discipline", 2),
                ("resolved_on_time", 1),
            ],
        ),
        (
            "the same case in the 2025 report: open on 14/12, acceptance not yet notified",
            concluded_case("2025-12-01", "2025-12-20", Finding::PartlyCorrect),
            CaseShare::Whole,
            "2025-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "concluded after 30 days without extension: late, flagged false",
            late.clone(),
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("resolved_false", 1),
                ("false_reports_flagged", 1),
                ("resolved_late", 1),
            ],
        ),
        (
            "the late case at the end of Q1: open and overdue",
            late,
            CaseShare::Whole,
            "2026-q1",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "classified in 2027, accepted as of 2026-12-01: counted in 2026 as accepted",
            vec![
                denunciation("2026-11-20"),
                classified("2027-01-05", Classification::Denunciation),
                CaseEvent::Accepted {
                    on: day("2027-01-05"),
                    conditions: AcceptanceConditions::ALL_MET,
                    decided_on: day("2026-12-01"),
                },
            ],
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "withdrawn",
            withdrawn,
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("withdrawn", 1),
                ("resolved_on_time", 1),
            ],
        ),
        (
            "anonymous, handled as information",
            vec![
                received("2026-02-02", ReportKind::Denunciation, true),
                classified("2026-02-02", Classification::Denunciation),
                CaseEvent::HandledAsInformation {
                    on: day("2026-02-03"),
                    decided_on: day("2026-02-03"),
                },
            ],
            CaseShare::Whole,
            "2026-annual",
            vec![("received_anonymous", 1), ("handled_as_information", 1)],
        ),
        (
            "a reflection answered",
            vec![
                received("2026-02-02", ReportKind::Reflection, false),
                classified("2026-02-02", Classification::Reflection),
                CaseEvent::PetitionReplied {
                    on: day("2026-02-05"),
                    decided_on: day("2026-02-05"),
                },
            ],
            CaseShare::Whole,
            "2026-annual",
            vec![("received_petitions", 1), ("petitions_answered", 1)],
        ),
        (
            "not accepted",
            vec![
                denunciation("2026-02-02"),
                classified("2026-02-02", Classification::Denunciation),
                CaseEvent::NotAccepted {
                    on: day("2026-02-04"),
                    grounds: "•".into(),
                    decided_on: day("2026-02-04"),
                },
            ],
            CaseShare::Whole,
            "2026-annual",
            vec![("received_denunciations", 1), ("not_accepted", 1)],
        ),
        (
            "forwarded: the sending unit's part",
            forwarded.clone(),
            CaseShare::UntilForwarded,
            "2026-annual",
            vec![("received_denunciations", 1), ("forwarded", 1)],
        ),
        (
            "forwarded: the receiving unit's part",
            forwarded.clone(),
            CaseShare::FromForwardReceipt,
            "2026-annual",
            vec![
                ("received_denunciations", 1),
                ("open_at_end", 1),
                ("overdue_at_end", 1),
            ],
        ),
        (
            "forwarded but not yet taken in: nothing for the receiving unit",
            forwarded[..3].to_vec(),
            CaseShare::FromForwardReceipt,
            "2026-annual",
            vec![],
        ),
        (
            "re-denounced in 2026, the review keeps the 2025 conclusion",
            re_denounced.clone(),
            CaseShare::Whole,
            "2026-annual",
            vec![
                ("received_re_denunciations", 1),
                ("re_denunciations_reviewed", 1),
            ],
        ),
        (
            "the same case in 2025: concluded false",
            re_denounced,
            CaseShare::Whole,
            "2025-annual",
            vec![
                ("received_denunciations", 1),
                ("accepted", 1),
                ("resolved_false", 1),
                ("amount_to_recover_vnd", 5_000_000),
                ("persons_to_discipline", 2),
                ("resolved_on_time", 1),
            ],
        ),
    ];
    let mut total = Indicators::default();
    for (name, events, share, code, expected) in table {
        let got = figures(&events, share, code);
        assert_eq!(got, with(&expected), "{name}");
        assert!(got.balances(), "{name}: {got:?}");
        total += got;
    }
    assert!(total.balances());
    assert_eq!(total.counted(), total.finished() + total.open_at_end);
    assert_eq!(total.received_denunciations, 12);
}

#[test]
fn an_unbalanced_set_is_noticed() {
    let broken = with(&[("carried_over", 1)]);
    assert!(!broken.balances());
}

#[test]
fn the_table_lists_every_field_once() {
    let fields = serde_json::to_value(Indicators::default()).unwrap();
    for key in fields.as_object().unwrap().keys() {
        assert_eq!(
            INDICATOR_LINES.iter().filter(|l| l.key == key).count(),
            1,
            "{key}"
        );
    }
    let all = with(&[("received_petitions", 3), ("carried_over", 2)]);
    let line = |key| INDICATOR_LINES.iter().find(|l| l.key == key).unwrap();
    assert_eq!((line("received").value)(&all), 3);
    assert_eq!((line("counted").value)(&all), 5);
}
