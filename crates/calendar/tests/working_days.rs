//! Civil Code period arithmetic over the working calendar.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use khien_calendar::{Calendar, CalendarError, OfficialSchedule};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::builtin)
}

#[test]
fn acceptance_deadline_across_tet_2025() {
    // Received Friday 24/1/2025; Tết break 25/1–2/2; 7 working days → Tuesday 11/2.
    let received = date("2025-01-24");
    assert_eq!(
        calendar().add_working_days(received, 7),
        Ok(date("2025-02-11"))
    );
    assert_eq!(
        calendar().working_days_between(received, date("2025-02-11")),
        Ok(7)
    );
}

#[test]
fn make_up_saturday_counts_as_a_working_day() {
    // Received Thursday 8/1/2026: 9/1 (Fri), 10/1 (make-up Sat), 12/1–16/1 → Friday 16/1.
    let received = date("2026-01-08");
    assert_eq!(calendar().is_working_day(date("2026-01-10")), Ok(true));
    assert_eq!(
        calendar().add_working_days(received, 7),
        Ok(date("2026-01-16"))
    );
    // Without the official schedule the Saturday would not count.
    assert_eq!(
        Calendar::rules_only().add_working_days(received, 7),
        Ok(date("2026-01-19"))
    );
}

#[test]
fn a_period_in_days_starts_the_next_day_and_ends_on_a_working_day() {
    let c = calendar();
    // 30 days from Thursday 2/1/2025 is Saturday 1/2 (Tết break) → Monday 3/2.
    assert_eq!(c.add_days(date("2025-01-02"), 30), Ok(date("2025-02-03")));
    // 10 days from 20/4/2025 is 30/4; 30/4–2/5 off, 3–4/5 weekend → Monday 5/5.
    assert_eq!(c.add_days(date("2025-04-20"), 10), Ok(date("2025-05-05")));
    // A last day on a working day stays; one on a Sunday moves to the Monday.
    assert_eq!(c.add_days(date("2025-03-03"), 21), Ok(date("2025-03-24")));
    assert_eq!(c.add_days(date("2025-03-03"), 20), Ok(date("2025-03-24")));
    // A last day on a make-up Saturday is a working day and stays.
    assert_eq!(c.add_days(date("2026-01-01"), 9), Ok(date("2026-01-10")));
    assert_eq!(c.add_days(date("2025-03-03"), 0), Ok(date("2025-03-03")));
}

#[test]
fn zero_working_days_is_the_start_and_between_is_zero_backwards() {
    let c = calendar();
    assert_eq!(
        c.add_working_days(date("2025-02-01"), 0),
        Ok(date("2025-02-01"))
    );
    assert_eq!(
        c.working_days_between(date("2025-02-11"), date("2025-01-24")),
        Ok(0)
    );
}

#[test]
fn dates_outside_the_range_are_errors_not_guesses() {
    let c = calendar();
    assert_eq!(
        c.is_working_day(date("1967-12-29")),
        Err(CalendarError::YearOutOfRange { year: 1967 })
    );
    assert_eq!(
        c.add_working_days(date("2100-12-28"), 10),
        Err(CalendarError::PeriodPastRange {
            start: date("2100-12-28")
        })
    );
    assert_eq!(
        c.add_days(date("2100-12-28"), 10),
        Err(CalendarError::PeriodPastRange {
            start: date("2100-12-28")
        })
    );
    assert!(c.days_off(2101).is_err());
    assert!(
        c.add_working_days(date("2101-01-01"), 1)
            .unwrap_err()
            .to_string()
            .contains("2101-01-01 is outside the supported range")
    );
}

#[test]
fn an_administrator_schedule_replaces_the_rules_for_its_year() {
    let mut c = Calendar::builtin();
    // Rules for 2027 give Monday 3/5 off (1/5 on Saturday); suppose the official
    // schedule also gives Tuesday 4/5 off, swapped with Saturday 8/5.
    assert_eq!(c.is_working_day(date("2027-05-08")), Ok(false));
    let schedule = OfficialSchedule::from_toml_str(
        r#"
        year = 2027
        source = "hypothetical notice"
        days_off = ["2027-01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09",
                    "2027-02-10", "2027-04-16", "2027-04-30", "2027-05-03", "2027-05-04",
                    "2027-09-02", "2027-09-03", "2026-12-31"]
        working_saturdays = ["2027-05-08"]
        "#,
    )
    .unwrap();
    assert!(c.add_schedule(schedule).is_none());
    assert_eq!(
        c.official_schedule(2027).map(|s| s.source()),
        Some("hypothetical notice")
    );
    assert_eq!(c.is_working_day(date("2027-05-04")), Ok(false));
    assert_eq!(c.is_working_day(date("2027-05-08")), Ok(true));
    assert_eq!(c.working_saturdays(2027), Ok(vec![date("2027-05-08")]));
    // Its entry in December 2026 applies to 2026 as well.
    assert_eq!(c.is_working_day(date("2026-12-31")), Ok(false));
    // Replacing a shipped year returns the old schedule.
    let replacement = OfficialSchedule::new(2026, "correction", [date("2026-01-01")], []).unwrap();
    assert_eq!(c.add_schedule(replacement).map(|s| s.year()), Some(2026));
    assert_eq!(c.is_working_day(date("2026-02-16")), Ok(true));
    assert_eq!(c.is_working_day(date("2026-01-10")), Ok(false));
}

fn supported_date() -> impl Strategy<Value = NaiveDate> {
    // 2018-01-01 to the end of 2097: spans rule years and official years, and leaves
    // room for the longest period the properties add (400 days) before the
    // calendar's last supported year, 2100, where periods are refused.
    (0u64..(80 * 365)).prop_map(|n| date("2018-01-01") + Days::new(n))
}

proptest! {
    #[test]
    fn adding_working_days_lands_on_a_working_day_and_counts_back(start in supported_date(), n in 1u32..120) {
        let c = calendar();
        let due = c.add_working_days(start, n).unwrap();
        prop_assert!(due > start);
        prop_assert_eq!(c.is_working_day(due), Ok(true));
        prop_assert_eq!(c.working_days_between(start, due), Ok(n));
    }

    #[test]
    fn adding_working_days_is_monotonic(a in supported_date(), gap in 0u64..60, n in 0u32..120) {
        let c = calendar();
        let b = a + Days::new(gap);
        let from_a = c.add_working_days(a, n).unwrap();
        prop_assert!(from_a <= c.add_working_days(b, n).unwrap());
        prop_assert!(from_a < c.add_working_days(a, n + 1).unwrap());
    }

    #[test]
    fn adding_days_ends_on_the_first_working_day_from_the_last_day(start in supported_date(), n in 0u32..400) {
        let c = calendar();
        let due = c.add_days(start, n).unwrap();
        let last = start + Days::new(u64::from(n));
        prop_assert!(due >= last);
        prop_assert_eq!(c.is_working_day(due), Ok(true));
        for day in last.iter_days().take_while(|d| *d < due) {
            prop_assert_eq!(c.is_working_day(day), Ok(false));
        }
        prop_assert!(due.year() <= last.year() + 1);
    }
}
