//! Publication on time: due within 7 working days of the conclusion (LTC Art. 40), it
//! may start the day the conclusion is signed, and runs at least 15 consecutive days
//! (NĐ31 Art. 6).

use super::histories::*;
use crate::case_file::{DeadlineKind, Rejection, deadlines};
use crate::rules::RulePacks;
use khien_calendar::Calendar;

#[test]
fn the_conclusion_is_published_the_day_it_is_signed() {
    // Concluded on 2025-03-05; the posting starts the same day, before any handling.
    let state = folded(&with(
        concluded_case(),
        [published("2025-03-05", "2025-03-05", "2025-03-19")],
    ));
    let list = deadlines(
        &state,
        RulePacks::builtin(),
        &Calendar::builtin(),
        day("2025-03-05"),
    )
    .expect("deadlines compute");
    let publicity = list
        .iter()
        .find(|d| d.kind == DeadlineKind::Publicity)
        .expect("a publicity deadline");
    assert_eq!(publicity.done_on, Some(day("2025-03-05")));
    assert_eq!(publicity.met(), Some(true));
}

#[test]
fn a_posting_of_fourteen_days_is_refused() {
    let refused = rejection_of(&with(
        concluded_case(),
        [published("2025-03-05", "2025-03-05", "2025-03-18")],
    ));
    assert_eq!(
        refused,
        Rejection::PublicationTooShort {
            days: 14,
            minimum: 15
        }
    );
    assert!(refused.message_bilingual().contains("Điều 6"));
}
