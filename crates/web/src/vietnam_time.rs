//! Dates of legal effect are calendar dates in Vietnam (UTC+7, no daylight saving).

use chrono::{Duration, NaiveDate, Utc};

/// Today's date in Vietnam.
pub fn today_in_vietnam() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}
