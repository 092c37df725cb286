//! The deadline scenarios of issue 6, and the deadlines of each stage.

use khien_calendar::Calendar;

use super::histories::*;
use crate::case_file::{
    CaseEvent, Classification, ComplexityCriterion, Deadline, DeadlineKind, FoldContext, Notice,
    deadlines, fold,
};
use crate::intake::ReportKind;
use crate::rules::RulePacks;
use crate::rules::article_numbers::translation_fault;

/// The deadlines of `events` as of `today` (the fold is also checked as of `today`).
fn due_list(events: &[CaseEvent], today: &str) -> Vec<Deadline> {
    let context = FoldContext::new(day(today), RulePacks::builtin());
    let state = fold(events, &context)
        .unwrap_or_else(|(index, rejection)| panic!("event {index} rejected: {rejection}"));
    deadlines(
        &state,
        RulePacks::builtin(),
        &Calendar::builtin(),
        day(today),
    )
    .expect("deadlines compute")
}

fn find(list: &[Deadline], kind: DeadlineKind) -> Deadline {
    list.iter()
        .find(|d| d.kind == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind:?} deadline in {list:?}"))
}

fn kinds(list: &[Deadline]) -> Vec<DeadlineKind> {
    list.iter().map(|d| d.kind).collect()
}

#[test]
fn acceptance_is_due_seven_working_days_after_receipt_across_tet_2025() {
    // Friday 24 January; 27–31 January are the Tết days off.
    let list = due_list(&received_case(), "2025-02-05");
    assert_eq!(kinds(&list), [DeadlineKind::Acceptance]);
    let acceptance = &list[0];
    assert_eq!(acceptance.due, day("2025-02-11"));
    assert_eq!(acceptance.days_left, 6);
    assert!(acceptance.open && !acceptance.paused && acceptance.verified);
    assert_eq!(acceptance.basis, "LTC Art. 24(1)");
    assert_eq!(acceptance.basis_vi, "Khoản 1 Điều 24 Luật Tố cáo 2018");
    assert_eq!(acceptance.starts_on, day("2025-01-24"));
}

#[test]
fn an_overdue_step_has_negative_days_left() {
    let list = due_list(&classified_case(Classification::Denunciation), "2025-02-14");
    let acceptance = find(&list, DeadlineKind::Acceptance);
    assert_eq!(acceptance.days_left, -3);
    assert!(acceptance.is_overdue());
    assert_eq!(acceptance.met(), None);
}

#[test]
fn a_done_step_is_closed_with_its_date() {
    let list = due_list(&accepted_case(), "2025-02-20");
    let acceptance = find(&list, DeadlineKind::Acceptance);
    assert!(!acceptance.open);
    assert_eq!(acceptance.done_on, Some(day("2025-02-10")));
    assert_eq!(acceptance.met(), Some(true));
    assert!(!acceptance.is_overdue());
}

#[test]
fn a_make_up_saturday_counts_as_a_working_day() {
    // Thursday 8 January 2026; Saturday 10 January is a make-up working day.
    let events = [received("2026-01-08", ReportKind::Denunciation, false)];
    let list = due_list(&events, "2026-01-08");
    assert_eq!(find(&list, DeadlineKind::Acceptance).due, day("2026-01-16"));
}

#[test]
fn resolution_is_due_thirty_days_after_acceptance() {
    let list = due_list(&accepted_case(), "2025-02-20");
    assert_eq!(
        kinds(&list),
        [
            DeadlineKind::Acceptance,
            DeadlineKind::AcceptanceNotice,
            DeadlineKind::Resolution
        ]
    );
    let resolution = find(&list, DeadlineKind::Resolution);
    // 10 February + 30 days = Wednesday 12 March 2025.
    assert_eq!(resolution.due, day("2025-03-12"));
    assert_eq!(resolution.days_left, 20);
    assert!(resolution.open && !resolution.paused);
    assert!(resolution.basis.contains("LTC Art. 30"));
    assert_eq!(
        resolution.basis_vi,
        "Điều 30 Luật Tố cáo 2018 (kể từ ngày thụ lý); khoản 2 Điều 34 Luật Tố cáo 2018"
    );
    for deadline in &list {
        assert_eq!(
            translation_fault(&deadline.basis, &deadline.basis_vi),
            None,
            "{:?}",
            deadline.kind
        );
    }
    // The acceptance notice: 5 working days.
    assert_eq!(
        find(&list, DeadlineKind::AcceptanceNotice).due,
        day("2025-02-17")
    );
}

#[test]
fn a_resolution_ending_on_a_day_off_moves_to_the_next_working_day() {
    // 31 March + 30 days = 30 April, a holiday; 1–2 May are off and 3–4 May a weekend.
    let events = [
        received("2025-03-20", ReportKind::Denunciation, false),
        classified("2025-03-21", Classification::Denunciation),
        accepted("2025-03-31"),
    ];
    let list = due_list(&events, "2025-04-01");
    assert_eq!(find(&list, DeadlineKind::Resolution).due, day("2025-05-05"));
}

#[test]
fn one_extension_of_a_complex_case_adds_thirty_days() {
    let events = with(
        verifying_case(),
        [extended(
            "2025-03-01",
            &[ComplexityCriterion::SeveralContents],
        )],
    );
    let list = due_list(&events, "2025-03-01");
    // 10 February + 60 days = Friday 11 April 2025.
    assert_eq!(find(&list, DeadlineKind::Resolution).due, day("2025-04-11"));
}

#[test]
fn two_extensions_of_an_especially_complex_case_add_sixty_days() {
    let events = with(
        verifying_case(),
        [
            extended(
                "2025-03-01",
                &[
                    ComplexityCriterion::SeveralContents,
                    ComplexityCriterion::ForeignElement,
                ],
            ),
            extended("2025-04-01", &[ComplexityCriterion::SeveralContents]),
        ],
    );
    let list = due_list(&events, "2025-04-01");
    // 10 February + 90 days = Sunday 11 May 2025 → Monday 12 May.
    assert_eq!(find(&list, DeadlineKind::Resolution).due, day("2025-05-12"));
}

#[test]
fn a_suspension_shifts_the_resolution_by_the_days_suspended() {
    // Suspended on day 10 (20 February), resumed on day 20 (2 March): 10 days.
    let events = with(suspended_case(), [resumed("2025-03-02")]);
    let list = due_list(&events, "2025-03-03");
    let resolution = find(&list, DeadlineKind::Resolution);
    // 12 March + 10 days = Saturday 22 March → Monday 24 March.
    assert_eq!(resolution.due, day("2025-03-24"));
    assert!(!resolution.paused);
    // The suspension decision was owed to the parties within 5 working days.
    let notice = find(&list, DeadlineKind::SuspensionNotice);
    assert_eq!(notice.due, day("2025-02-27"));
    assert!(notice.open);
}

#[test]
fn a_suspension_in_force_pauses_the_resolution() {
    let on_the_25th = find(
        &due_list(&suspended_case(), "2025-02-25"),
        DeadlineKind::Resolution,
    );
    assert!(on_the_25th.paused && on_the_25th.open);
    // Five days suspended so far: 12 March + 5 = Monday 17 March.
    assert_eq!(on_the_25th.due, day("2025-03-17"));
    // A day later the due date has moved with it, and days left stay the same.
    let on_the_26th = find(
        &due_list(&suspended_case(), "2025-02-26"),
        DeadlineKind::Resolution,
    );
    assert_eq!(on_the_26th.due, day("2025-03-18"));
    assert_eq!(on_the_25th.days_left, on_the_26th.days_left);
}

#[test]
fn petitions_get_ten_working_days() {
    let list = due_list(&petition_case(), "2025-02-03");
    assert_eq!(kinds(&list), [DeadlineKind::PetitionReply]);
    let reply = &list[0];
    // 24 January + 10 working days, Tết skipped: Friday 14 February.
    assert_eq!(reply.due, day("2025-02-14"));
    assert_eq!(reply.basis, "Citizen Reception Law 42/2013 Art. 28");
    assert_eq!(reply.basis_vi, "Điều 28 Luật Tiếp công dân 2013");
    let list = due_list(
        &with(petition_case(), [petition_replied("2025-02-12")]),
        "2025-02-20",
    );
    assert_eq!(list[0].done_on, Some(day("2025-02-12")));
    assert_eq!(list[0].met(), Some(true));
}

#[test]
fn a_petition_not_yet_classified_already_has_its_reply_deadline() {
    let events = [received("2025-01-24", ReportKind::Reflection, false)];
    assert_eq!(
        kinds(&due_list(&events, "2025-01-24")),
        [DeadlineKind::PetitionReply]
    );
}

#[test]
fn a_case_outside_competence_is_forwarded_within_five_working_days() {
    let list = due_list(&classified_case(Classification::NotOurs), "2025-02-03");
    assert_eq!(kinds(&list), [DeadlineKind::Forwarding]);
    assert_eq!(list[0].due, day("2025-02-07"));
    let forwarded = with(
        classified_case(Classification::Denunciation),
        [forwarded("2025-02-06", "SO-TC")],
    );
    let list = due_list(&forwarded, "2025-02-10");
    assert_eq!(kinds(&list), [DeadlineKind::Forwarding]);
    assert_eq!(list[0].done_on, Some(day("2025-02-06")));
}

#[test]
fn anonymous_information_has_no_ltc_deadlines() {
    assert!(due_list(&information_case(), "2025-03-01").is_empty());
    assert!(due_list(&anonymous_classified_case(), "2025-03-01").is_empty());
}

#[test]
fn the_conclusion_opens_notice_handling_and_publicity() {
    let list = due_list(&concluded_case(), "2025-03-06");
    // Concluded Wednesday 5 March 2025.
    assert_eq!(
        find(&list, DeadlineKind::ConclusionNotice).due,
        day("2025-03-12")
    );
    let handling = find(&list, DeadlineKind::ConclusionHandling);
    assert_eq!(handling.due, day("2025-03-14"));
    assert!(
        !handling.verified,
        "7 WD for handling is UNVERIFIED outside the police rules"
    );
    assert_eq!(find(&list, DeadlineKind::Publicity).due, day("2025-03-14"));
    let resolution = find(&list, DeadlineKind::Resolution);
    assert_eq!(resolution.done_on, Some(day("2025-03-05")));
    assert!(!resolution.open);
}

#[test]
fn handling_publication_and_notices_close_their_deadlines() {
    let events = with(
        published_case(),
        [
            notice_sent("2025-03-26", Notice::Acceptance),
            notice_sent("2025-03-26", Notice::Conclusion),
        ],
    );
    let list = due_list(&events, "2025-03-26");
    assert!(list.iter().all(|d| !d.open), "{list:?}");
    let notice = find(&list, DeadlineKind::AcceptanceNotice);
    assert_eq!(notice.met(), Some(false), "sent late");
    assert_eq!(
        find(&list, DeadlineKind::Publicity).done_on,
        Some(day("2025-03-11"))
    );
}

#[test]
fn a_notice_recorded_late_counts_from_the_day_it_was_sent() {
    // Accepted 10/02/2025: the notice is due 17/02. Sent 12/02, entered 26/03.
    let events = with(
        published_case(),
        [CaseEvent::NoticeSent {
            on: day("2025-03-26"),
            notice: Notice::Acceptance,
            sent_on: Some(day("2025-02-12")),
        }],
    );
    let list = due_list(&events, "2025-03-26");
    let notice = find(&list, DeadlineKind::AcceptanceNotice);
    assert_eq!(notice.due, day("2025-02-17"));
    assert_eq!(notice.done_on, Some(day("2025-02-12")));
    assert_eq!(notice.met(), Some(true));
}

#[test]
fn termination_owes_its_notice_and_ends_the_resolution() {
    let events = with(
        suspended_case(),
        [terminated(
            "2025-03-03",
            crate::case_file::TerminationGround::AccusedDied,
        )],
    );
    let list = due_list(&events, "2025-03-04");
    let notice = find(&list, DeadlineKind::TerminationNotice);
    assert_eq!(notice.due, day("2025-03-10"));
    let resolution = find(&list, DeadlineKind::Resolution);
    assert_eq!(resolution.done_on, Some(day("2025-03-03")));
    assert!(!resolution.paused);
}

#[test]
fn a_re_denunciation_is_reviewed_within_twenty_days() {
    let list = due_list(&review_case(), "2025-04-10");
    let review = find(&list, DeadlineKind::ReDenunciationReview);
    // 1 April + 20 days = Monday 21 April 2025.
    assert_eq!(review.due, day("2025-04-21"));
    assert!(review.open);
    let list = due_list(&with(review_case(), [accepted("2025-04-15")]), "2025-04-15");
    let review = find(&list, DeadlineKind::ReDenunciationReview);
    assert_eq!(review.done_on, Some(day("2025-04-15")));
    // The superior's resolution restarts the clock.
    let resolution = find(&list, DeadlineKind::Resolution);
    assert_eq!(resolution.starts_on, day("2025-04-15"));
    assert_eq!(resolution.due, day("2025-05-15"));
    assert!(resolution.open);
}

#[test]
fn the_pack_in_force_on_the_receipt_date_governs_the_case() {
    // Received the day before Law 136/2025 takes effect, accepted after: the 2018
    // figures apply (verified); received a day later, the 2026 pack does (unverified).
    let before = [
        received("2026-06-30", ReportKind::Denunciation, false),
        classified("2026-07-01", Classification::Denunciation),
        accepted("2026-07-02"),
    ];
    let list = due_list(&before, "2026-07-03");
    assert!(list.iter().all(|d| d.verified), "{list:?}");
    let after = [
        received("2026-07-01", ReportKind::Denunciation, false),
        classified("2026-07-01", Classification::Denunciation),
        accepted("2026-07-02"),
    ];
    let list = due_list(&after, "2026-07-03");
    assert!(list.iter().all(|d| !d.verified), "{list:?}");
}

#[test]
fn an_empty_case_has_no_deadlines() {
    let state = crate::case_file::CaseState::default();
    let list = deadlines(
        &state,
        RulePacks::builtin(),
        &Calendar::builtin(),
        day(TODAY),
    );
    assert_eq!(list, Ok(Vec::new()));
}
