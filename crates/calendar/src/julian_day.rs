//! Julian day numbers: the day count the astronomical formulas work in.

use chrono::{Datelike, NaiveDate};

/// chrono counts 0001-01-01 (proleptic Gregorian) as day 1, which is Julian day
/// number 1,721,426; so `num_days_from_ce() + OFFSET` is the Julian day number.
const OFFSET: i32 = 1_721_425;

/// The Julian day number of a Gregorian date (noon-based, as in Meeus).
pub(crate) fn from_date(date: NaiveDate) -> i32 {
    date.num_days_from_ce() + OFFSET
}

/// The Gregorian date of a Julian day number; `None` only outside chrono's range,
/// which the lunar table never reaches.
pub(crate) fn to_date(jdn: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(jdn - OFFSET)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_astronomical_epoch() {
        let j2000 = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        assert_eq!(from_date(j2000), 2_451_545);
        // Meeus' example: 1957-10-04 is JD 2436116 at noon.
        let sputnik = NaiveDate::from_ymd_opt(1957, 10, 4).unwrap();
        assert_eq!(from_date(sputnik), 2_436_116);
        assert_eq!(to_date(2_436_116), Some(sputnik));
    }
}
