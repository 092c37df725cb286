//! Dates of legal effect are calendar dates in Vietnam (UTC+7, no daylight saving).

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Today's date in Vietnam.
pub fn today_in_vietnam() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// A stored UTC time as a Vietnamese reader expects it: `dd/mm/yyyy HH:MM`, in
/// Vietnam's time.
pub fn format_in_vietnam(time: DateTime<Utc>) -> String {
    (time + Duration::hours(7))
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// A stored UTC time's date in Vietnam: `dd/mm/yyyy`.
pub fn date_in_vietnam(time: DateTime<Utc>) -> String {
    (time + Duration::hours(7)).format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_the_next_morning_in_vietnam() {
        let time = DateTime::parse_from_rfc3339("2026-01-05T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(format_in_vietnam(time), "06/01/2026 03:30");
        assert_eq!(date_in_vietnam(time), "06/01/2026");
    }
}
