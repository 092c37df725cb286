//! The public-sector days off of DOMAIN.md §6, typed in here from the table (not read
//! from the data files), checked against the calendar; and the rules used for years
//! without an official schedule checked against the same table.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use khien_calendar::Calendar;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dates(list: &[&str]) -> BTreeSet<NaiveDate> {
    list.iter().map(|s| date(s)).collect()
}

struct OfficialYear {
    year: i32,
    off: &'static [&'static str],
    work: &'static [&'static str],
    /// Days off created by a swap with a working Saturday (hoán đổi): not in the rules.
    swapped: &'static [&'static str],
    /// The full Tết break, weekends included.
    tet_break: (&'static str, &'static str),
}

const TABLE: &[OfficialYear] = &[
    OfficialYear {
        year: 2019,
        off: &[
            "2018-12-31",
            "2019-01-01",
            "2019-02-04",
            "2019-02-05",
            "2019-02-06",
            "2019-02-07",
            "2019-02-08",
            "2019-04-15",
            "2019-04-29",
            "2019-04-30",
            "2019-05-01",
            "2019-09-02",
        ],
        work: &["2019-01-05", "2019-05-04"],
        swapped: &["2018-12-31", "2019-04-29"],
        tet_break: ("2019-02-02", "2019-02-10"),
    },
    OfficialYear {
        year: 2020,
        off: &[
            "2020-01-01",
            "2020-01-23",
            "2020-01-24",
            "2020-01-27",
            "2020-01-28",
            "2020-01-29",
            "2020-04-02",
            "2020-04-30",
            "2020-05-01",
            "2020-09-02",
        ],
        work: &[],
        swapped: &[],
        tet_break: ("2020-01-23", "2020-01-29"),
    },
    OfficialYear {
        year: 2021,
        off: &[
            "2021-01-01",
            "2021-02-10",
            "2021-02-11",
            "2021-02-12",
            "2021-02-15",
            "2021-02-16",
            "2021-04-21",
            "2021-04-30",
            "2021-05-03",
            "2021-09-02",
            "2021-09-03",
        ],
        work: &[],
        swapped: &[],
        tet_break: ("2021-02-10", "2021-02-16"),
    },
    OfficialYear {
        year: 2022,
        off: &[
            "2022-01-03",
            "2022-01-31",
            "2022-02-01",
            "2022-02-02",
            "2022-02-03",
            "2022-02-04",
            "2022-04-11",
            "2022-05-02",
            "2022-05-03",
            "2022-09-01",
            "2022-09-02",
        ],
        work: &[],
        swapped: &[],
        tet_break: ("2022-01-29", "2022-02-06"),
    },
    OfficialYear {
        year: 2023,
        off: &[
            "2023-01-02",
            "2023-01-20",
            "2023-01-23",
            "2023-01-24",
            "2023-01-25",
            "2023-01-26",
            "2023-05-01",
            "2023-05-02",
            "2023-05-03",
            "2023-09-01",
            "2023-09-04",
        ],
        work: &[],
        swapped: &[],
        tet_break: ("2023-01-20", "2023-01-26"),
    },
    OfficialYear {
        year: 2024,
        off: &[
            "2024-01-01",
            "2024-02-08",
            "2024-02-09",
            "2024-02-12",
            "2024-02-13",
            "2024-02-14",
            "2024-04-18",
            "2024-04-29",
            "2024-04-30",
            "2024-05-01",
            "2024-09-02",
            "2024-09-03",
        ],
        work: &["2024-05-04"],
        swapped: &["2024-04-29"],
        tet_break: ("2024-02-08", "2024-02-14"),
    },
    OfficialYear {
        year: 2025,
        off: &[
            "2025-01-01",
            "2025-01-27",
            "2025-01-28",
            "2025-01-29",
            "2025-01-30",
            "2025-01-31",
            "2025-04-07",
            "2025-04-30",
            "2025-05-01",
            "2025-05-02",
            "2025-09-01",
            "2025-09-02",
        ],
        work: &["2025-04-26"],
        swapped: &["2025-05-02"],
        tet_break: ("2025-01-25", "2025-02-02"),
    },
    OfficialYear {
        year: 2026,
        off: &[
            "2026-01-01",
            "2026-01-02",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-02-19",
            "2026-02-20",
            "2026-04-27",
            "2026-04-30",
            "2026-05-01",
            "2026-08-31",
            "2026-09-01",
            "2026-09-02",
        ],
        work: &["2026-01-10", "2026-08-22"],
        swapped: &["2026-01-02", "2026-08-31"],
        tet_break: ("2026-02-14", "2026-02-22"),
    },
];

#[test]
fn every_official_day_off_is_off_and_every_make_up_saturday_is_worked() {
    let calendar = Calendar::builtin();
    for year in TABLE {
        for day in dates(year.off) {
            assert!(
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "{day}"
            );
            assert_eq!(
                calendar.is_working_day(day),
                Ok(false),
                "{day} should be off"
            );
        }
        for day in dates(year.work) {
            assert_eq!(day.weekday(), Weekday::Sat, "{day}");
            assert_eq!(
                calendar.is_working_day(day),
                Ok(true),
                "{day} should be worked"
            );
        }
    }
}

#[test]
fn the_year_lists_are_exactly_the_official_ones() {
    let calendar = Calendar::builtin();
    for year in TABLE {
        let in_year = |list| -> BTreeSet<NaiveDate> {
            dates(list)
                .into_iter()
                .filter(|d| d.year() == year.year)
                .collect()
        };
        let days_off: BTreeSet<NaiveDate> =
            calendar.days_off(year.year).unwrap().into_iter().collect();
        assert_eq!(days_off, in_year(year.off), "days off {}", year.year);
        let saturdays: BTreeSet<NaiveDate> = calendar
            .working_saturdays(year.year)
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(
            saturdays,
            in_year(year.work),
            "working Saturdays {}",
            year.year
        );
    }
    // The 2019 notice's 31/12/2018 belongs to the Gregorian year 2018.
    assert!(
        calendar
            .days_off(2018)
            .unwrap()
            .contains(&date("2018-12-31"))
    );
}

#[test]
fn the_tet_breaks_are_unbroken_and_bounded_by_working_days() {
    let calendar = Calendar::builtin();
    for year in TABLE {
        let (first, last) = (date(year.tet_break.0), date(year.tet_break.1));
        for day in first.iter_days().take_while(|d| *d <= last) {
            assert_eq!(calendar.is_working_day(day), Ok(false), "{day}");
        }
        assert_eq!(
            calendar.is_working_day(first.pred_opt().unwrap()),
            Ok(true),
            "before {first}"
        );
        assert_eq!(
            calendar.is_working_day(last.succ_opt().unwrap()),
            Ok(true),
            "after {last}"
        );
    }
}

/// Without any official schedule, the rules (Labour Code holidays, compensatory days,
/// the Tết rule) give every official day off except the swapped ones: the check that
/// the rules used for other years are sensible.
#[test]
fn the_rules_alone_reproduce_every_official_year_except_swaps() {
    let rules = Calendar::rules_only();
    for year in TABLE {
        let expected: BTreeSet<NaiveDate> = dates(year.off)
            .difference(&dates(year.swapped))
            .copied()
            .filter(|d| d.year() == year.year)
            .collect();
        let derived: BTreeSet<NaiveDate> = rules.days_off(year.year).unwrap().into_iter().collect();
        assert_eq!(derived, expected, "rule-derived days off {}", year.year);
        assert!(rules.working_saturdays(year.year).unwrap().is_empty());
    }
}

#[test]
fn rule_years_have_labour_code_holidays() {
    let calendar = Calendar::builtin();
    // 2027: Tết Saturday 6/2 (eve Fri 5/2): Thu 4/2, Fri 5/2, Mon 8/2–Wed 10/2.
    // Hùng Kings 16/4 (Fri); 30/4 Fri, 1/5 Sat → Mon 3/5; 2/9 Thu with 3/9.
    let expected = dates(&[
        "2027-01-01",
        "2027-02-04",
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-04-16",
        "2027-04-30",
        "2027-05-03",
        "2027-09-02",
        "2027-09-03",
    ]);
    let derived: BTreeSet<NaiveDate> = calendar.days_off(2027).unwrap().into_iter().collect();
    assert_eq!(derived, expected);
    // Every rule year has 1/1, Tết's five weekdays, Hùng Kings, 30/4, 1/5 and 2/9 (+1
    // from 2021): 10 or 11 weekdays off, compensatory days included.
    let rules = Calendar::rules_only();
    for year in 1968..=2100 {
        let count = rules.days_off(year).unwrap().len();
        let expected = if year >= 2021 { 11 } else { 10 };
        assert_eq!(count, expected, "{year}");
    }
}
