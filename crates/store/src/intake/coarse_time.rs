//! Times of a reporter's own actions, kept coarse.
//!
//! DESIGN §4 (Anonymity): no precise timestamp of a whistleblower request is
//! stored. A minute-exact submission time could be matched against a network
//! operator's logs; an hour is a crowd. Staff actions keep exact times.

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

/// `time` rounded down to the hour.
pub(crate) fn to_the_hour(time: DateTime<Utc>) -> DateTime<Utc> {
    time.duration_trunc(TimeDelta::hours(1)).unwrap_or(time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_and_seconds_are_dropped() {
        let time = DateTime::parse_from_rfc3339("2026-03-10T07:59:58.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            crate::timestamp::format_timestamp(to_the_hour(time)),
            "2026-03-10T07:00:00.000000Z"
        );
    }
}
