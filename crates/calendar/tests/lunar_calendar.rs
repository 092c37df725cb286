//! The lunar calendar against independently known dates, and its internal consistency
//! over every day of the supported range.

use chrono::{Datelike, NaiveDate};
use khien_calendar::lunar::{self, LunarDate, LunarError};
use khien_calendar::{FIRST_YEAR, LAST_YEAR};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Tết (lunar 1/1) in Vietnam. 1968, 1985, 2007 and 2030 differ from the Chinese New
/// Year (30 Jan 1968, 20 Feb 1985, 18 Feb 2007, 3 Feb 2030) because the calendar is
/// computed for UTC+7 (the new moon of February 2030 is at 23:07 UTC+7 on 2 February).
const TET: &[&str] = &[
    "1968-01-29",
    "1985-01-21",
    "2000-02-05",
    "2001-01-24",
    "2002-02-12",
    "2003-02-01",
    "2004-01-22",
    "2005-02-09",
    "2006-01-29",
    "2007-02-17",
    "2008-02-07",
    "2009-01-26",
    "2010-02-14",
    "2011-02-03",
    "2012-01-23",
    "2013-02-10",
    "2014-01-31",
    "2015-02-19",
    "2016-02-08",
    "2017-01-28",
    "2018-02-16",
    "2019-02-05",
    "2020-01-25",
    "2021-02-12",
    "2022-02-01",
    "2023-01-22",
    "2024-02-10",
    "2025-01-29",
    "2026-02-17",
    "2027-02-06",
    "2028-01-26",
    "2029-02-13",
    "2030-02-02",
];

#[test]
fn tet_falls_on_the_known_dates() {
    for expected in TET.iter().map(|s| date(s)) {
        assert_eq!(lunar::tet(expected.year()), Ok(expected));
        let lunar = lunar::to_lunar(expected).unwrap();
        assert_eq!(lunar.to_string(), format!("1/1/{}", expected.year()));
    }
}

#[test]
fn hung_kings_day_falls_on_the_known_dates() {
    // Lunar 10/3; 2019–2026 from the official schedules of DOMAIN.md §6.
    for s in [
        "2019-04-14",
        "2020-04-02",
        "2021-04-21",
        "2022-04-10",
        "2023-04-29",
        "2024-04-18",
        "2025-04-07",
        "2026-04-26",
    ] {
        let d = date(s);
        assert_eq!(lunar::from_lunar(10, 3, d.year(), false), Ok(d), "{s}");
        assert_eq!(
            lunar::to_lunar(d).unwrap().to_string(),
            format!("10/3/{}", d.year())
        );
    }
}

#[test]
fn leap_months_are_where_they_are_known_to_be() {
    for (first_day, month, year) in [
        ("2025-07-25", 6, 2025),
        ("2023-03-22", 2, 2023),
        ("2020-05-23", 4, 2020),
    ] {
        assert_eq!(lunar::from_lunar(1, month, year, true), Ok(date(first_day)));
        assert_eq!(lunar::leap_month(year), Ok(Some(month)));
        let lunar = lunar::to_lunar(date(first_day)).unwrap();
        assert!(lunar.is_leap());
        assert_eq!(lunar.to_string(), format!("1/{month} nhuận/{year}"));
    }
    for (year, month) in [
        (2001, 4),
        (2004, 2),
        (2006, 7),
        (2009, 5),
        (2012, 4),
        (2014, 9),
        (2017, 6),
        (2028, 5),
    ] {
        assert_eq!(lunar::leap_month(year), Ok(Some(month)), "{year}");
    }
    for year in [2019, 2021, 2022, 2024, 2026] {
        assert_eq!(lunar::leap_month(year), Ok(None), "{year}");
    }
    assert_eq!(
        lunar::to_lunar(date("2025-08-08")).unwrap().to_string(),
        "15/6 nhuận/2025"
    );
}

/// Every day of the supported range converts to a lunar date and back, and
/// consecutive days are consecutive lunar dates (day + 1, or day 1 of the next month).
#[test]
fn every_day_round_trips_and_lunar_dates_advance_one_day_at_a_time() {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap();
    let mut previous: Option<LunarDate> = None;
    let mut days = 0;
    for solar in first.iter_days().take_while(|d| *d <= last) {
        let lunar = lunar::to_lunar(solar).unwrap();
        let back = lunar::from_lunar(lunar.day(), lunar.month(), lunar.year(), lunar.is_leap());
        assert_eq!(back, Ok(solar), "{solar} → {lunar}");
        if let Some(p) = previous {
            if lunar.day() == 1 {
                assert!(p.day() == 29 || p.day() == 30, "{p} then {lunar}");
                let next_month = if p.month() == 12 { 1 } else { p.month() + 1 };
                let expected_year = if p.month() == 12 && !lunar.is_leap() {
                    p.year() + 1
                } else {
                    p.year()
                };
                let leap_repeat = lunar.is_leap() && !p.is_leap() && lunar.month() == p.month();
                assert!(
                    leap_repeat || (!lunar.is_leap() && lunar.month() == next_month),
                    "{p} then {lunar}"
                );
                assert_eq!(lunar.year(), expected_year, "{p} then {lunar}");
            } else {
                assert_eq!(
                    (lunar.day(), lunar.month(), lunar.year(), lunar.is_leap()),
                    (p.day() + 1, p.month(), p.year(), p.is_leap()),
                    "{p} then {lunar}"
                );
            }
        }
        previous = Some(lunar);
        days += 1;
    }
    assert_eq!(days, 48_578);
}

#[test]
fn bad_lunar_dates_are_rejected_naming_the_fault() {
    // Month 2 of 2025 has 29 days (it starts 2025-02-28 and month 3 on 2025-03-29).
    let short_month = lunar::from_lunar(30, 2, 2025, false).unwrap_err();
    assert!(matches!(
        short_month,
        LunarError::DayNotInMonth { length: 29, .. }
    ));
    assert_eq!(
        short_month.to_string(),
        "lunar month 2/2025 has only 29 days, so day 30 does not exist"
    );
    assert_eq!(
        lunar::from_lunar(1, 3, 2025, true).unwrap_err().to_string(),
        "lunar year 2025 has no leap month 3 (its leap month is 6)"
    );
    assert_eq!(
        lunar::from_lunar(1, 3, 2024, true).unwrap_err().to_string(),
        "lunar year 2024 has no leap month 3 (it has no leap month)"
    );
    assert!(matches!(
        lunar::from_lunar(31, 2, 2025, false),
        Err(LunarError::DayOutOfRange { day: 31 })
    ));
    assert!(matches!(
        lunar::from_lunar(0, 2, 2025, false),
        Err(LunarError::DayOutOfRange { day: 0 })
    ));
    assert!(matches!(
        lunar::from_lunar(1, 13, 2025, false),
        Err(LunarError::MonthOutOfRange { month: 13 })
    ));
    assert!(matches!(
        lunar::from_lunar(1, 1, 2101, false),
        Err(LunarError::YearOutOfRange { year: 2101 })
    ));
    assert!(matches!(
        lunar::tet(1967),
        Err(LunarError::YearOutOfRange { year: 1967 })
    ));
    assert!(matches!(
        lunar::tet(2101),
        Err(LunarError::YearOutOfRange { year: 2101 })
    ));
    // January 1968 is in lunar 1967, so that lunar year is accepted where it is in range.
    let new_year_1968 = lunar::to_lunar(date("1968-01-01")).unwrap();
    assert_eq!((new_year_1968.month(), new_year_1968.year()), (12, 1967));
    assert_eq!(
        lunar::from_lunar(new_year_1968.day(), 12, 1967, false),
        Ok(date("1968-01-01"))
    );
    assert!(matches!(
        lunar::from_lunar(1, 1, 1967, false),
        Err(LunarError::LunarDateOutOfRange { .. })
    ));
    assert!(matches!(
        lunar::to_lunar(date("1967-12-31")),
        Err(LunarError::DateOutOfRange { .. })
    ));
    assert!(matches!(
        lunar::to_lunar(date("2101-01-01")),
        Err(LunarError::DateOutOfRange { .. })
    ));
}

#[test]
fn lunar_dates_order_chronologically() {
    let a = LunarDate::new(29, 12, 2024, false).unwrap();
    let b = LunarDate::new(1, 1, 2025, false).unwrap();
    let c = LunarDate::new(1, 6, 2025, false).unwrap();
    let d = LunarDate::new(1, 6, 2025, true).unwrap();
    assert!(a < b && b < c && c < d);
}
