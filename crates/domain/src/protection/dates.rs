//! Dates typed in the protection forms: `YYYY-MM-DD`, within a range, each
//! error naming its field.

use chrono::NaiveDate;

use crate::intake::ReportFieldError;

/// Reads `input` as a date no earlier than `earliest` and no later than
/// `latest`; an empty input is `default`.
pub(crate) fn date_in_range(
    field: &str,
    input: &str,
    default: NaiveDate,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> Result<NaiveDate, ReportFieldError> {
    let text = input.trim();
    let date = if text.is_empty() {
        default
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            ReportFieldError::new(field, "Ngày theo dạng YYYY-MM-DD.", "A date as YYYY-MM-DD.")
        })?
    };
    if date < earliest {
        return Err(ReportFieldError::new(
            field,
            format!("Không được trước ngày {}.", earliest.format("%d/%m/%Y")),
            format!("Cannot be before {earliest}."),
        ));
    }
    if date > latest {
        return Err(ReportFieldError::new(
            field,
            format!("Không được sau ngày {}.", latest.format("%d/%m/%Y")),
            format!("Cannot be after {latest}."),
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_are_read_within_their_range() {
        let read = |input| {
            date_in_range(
                "on",
                input,
                d("2026-03-10"),
                d("2026-03-01"),
                d("2026-03-10"),
            )
        };
        assert_eq!(read("").unwrap(), d("2026-03-10"));
        assert_eq!(read(" 2026-03-02 ").unwrap(), d("2026-03-02"));
        for bad in ["2026-02-28", "2026-03-11", "10/03/2026", "x"] {
            assert_eq!(read(bad).unwrap_err().field, "on", "{bad}");
        }
    }
}
