//! Public holidays of a year from the statutory rules, for years without an official
//! schedule.
//!
//! Labour Code 45/2019 Art. 112 (from 2021): 1/1; Tết (five days, see [`tet_break`]);
//! Hùng Kings' day, lunar 10/3; 30/4; 1/5; 2/9 and one adjacent day. The 2012 Code
//! (applied to 2020 and earlier) is the same except that 2/9 is one day. Years before
//! 2013 had other rules (four days of Tết; Hùng Kings' day only from 2007); they are
//! computed with the 2012 rules too, since no case handled by Khiên predates the Law on
//! Denunciation of 2018.
//!
//! Compensatory days (Art. 111(3)): a holiday on Saturday or Sunday (the public
//! sector's weekly rest days) gives the next working day off.
//!
//! The adjacent day of 2/9 is fixed by the Prime Minister each year; the rule here
//! (1/9, or 3/9 when 2/9 is a Thursday so that the break joins the weekend) matches
//! every schedule of 2021–2026.
//!
//! [`tet_break`]: crate::tet_break

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::lunar::{self, LunarError};
use crate::tet_break;

/// First year in which 2/9 comes with an adjacent day (Labour Code 2019, in force
/// 2021-01-01).
const TWO_DAY_NATIONAL_DAY_FROM: i32 = 2021;

/// The weekday dates of `year` that are days off under the rules.
pub(crate) fn weekdays_off(year: i32) -> Result<BTreeSet<NaiveDate>, LunarError> {
    let date = |month, day| {
        NaiveDate::from_ymd_opt(year, month, day).ok_or(LunarError::YearOutOfRange { year })
    };
    let national_day = date(9, 2)?;
    let mut holidays = vec![
        date(1, 1)?,
        lunar::from_lunar(10, 3, year, false)?,
        date(4, 30)?,
        date(5, 1)?,
        national_day,
    ];
    if year >= TWO_DAY_NATIONAL_DAY_FROM {
        holidays.push(if national_day.weekday() == Weekday::Thu {
            date(9, 3)?
        } else {
            date(9, 1)?
        });
    }
    holidays.sort_unstable();

    let mut off: BTreeSet<NaiveDate> = tet_break::weekdays_off(year)?.into_iter().collect();
    off.extend(holidays.iter().copied().filter(|d| !is_weekend(*d)));
    // In date order, so that an earlier holiday's compensatory day is taken before a
    // later one looks for the next free working day (30/4 and 1/5 on a weekend: 2022).
    for holiday in holidays.iter().copied().filter(|d| is_weekend(*d)) {
        let mut day = holiday;
        loop {
            day = day + Days::new(1);
            if !is_weekend(day) && !off.contains(&day) {
                off.insert(day);
                break;
            }
        }
    }
    Ok(off)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}
