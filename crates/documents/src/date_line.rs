//! Dates as Vietnamese official documents write them.

use chrono::{Datelike, NaiveDate};

/// The place and date line: "Thanh Sơn, ngày 05 tháng 02 năm 2025".
///
/// Decree 30 Appendix I: a day below 10 and the months 1 and 2 take a leading zero
/// ("ngày 05", "tháng 01", "tháng 02"); other months do not ("tháng 3"). The zero is
/// there so nobody can turn "1" into "11" or "12" on a signed document; no digit added to
/// months 3 to 9 makes a valid month, so they stay unpadded.
pub fn place_and_date(place: &str, date: NaiveDate) -> String {
    let month = match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        date.day(),
        date.year()
    )
}

/// A date inside the text: "05/02/2025".
pub(crate) fn short(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn pads_days_below_ten_and_january_and_february() {
        assert_eq!(
            place_and_date("Thanh Sơn", day(2025, 2, 5)),
            "Thanh Sơn, ngày 05 tháng 02 năm 2025"
        );
        assert_eq!(
            place_and_date("Hà Nội", day(2025, 1, 9)),
            "Hà Nội, ngày 09 tháng 01 năm 2025"
        );
        assert_eq!(
            place_and_date("Việt Trì", day(2024, 12, 31)),
            "Việt Trì, ngày 31 tháng 12 năm 2024"
        );
        // Months 3 to 12 are written without a zero.
        assert_eq!(
            place_and_date("Thanh Sơn", day(2025, 3, 7)),
            "Thanh Sơn, ngày 07 tháng 3 năm 2025"
        );
    }

    #[test]
    fn dates_in_the_text_are_day_month_year() {
        assert_eq!(short(day(2025, 3, 7)), "07/03/2025");
    }
}
