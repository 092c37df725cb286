//! Timestamps as the store keeps them: UTC, RFC 3339 with microseconds.
//!
//! Fixed-width text sorts in time order on both backends and reads plainly in a
//! database console, which matters more here than saving a few bytes.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::StoreError;

/// Formats a time the way every timestamp column holds it.
pub fn format_timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Reads a timestamp column back.
pub fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("timestamp {text:?} is not RFC 3339")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_and_sort_as_text() {
        let early = DateTime::parse_from_rfc3339("2026-01-02T03:04:05.000006Z")
            .unwrap()
            .with_timezone(&Utc);
        let late = early + chrono::Duration::microseconds(1);
        let (a, b) = (format_timestamp(early), format_timestamp(late));
        assert_eq!(a, "2026-01-02T03:04:05.000006Z");
        assert!(a < b);
        assert_eq!(parse_timestamp(&a).unwrap(), early);
        assert!(matches!(
            parse_timestamp("yesterday"),
            Err(StoreError::Corrupt(_))
        ));
    }
}
