//! The `period` parameter, and the period a page opens on.

use chrono::{Datelike, NaiveDate};
use khien_domain::reporting::{PeriodKind, ReportPeriod};

use crate::AppError;

/// `2026-annual` etc.; a missing or bad one is a 400 naming `period`.
pub fn parse_period(text: Option<&str>) -> Result<ReportPeriod, AppError> {
    let text = text.unwrap_or("").trim();
    if text.is_empty() {
        return Err(AppError::BadRequest {
            field: Some("period"),
            message: "cần kỳ báo cáo, ví dụ 2026-annual / the period is missing, e.g. \
                      2026-annual"
                .into(),
        });
    }
    text.parse().map_err(
        |error: khien_domain::reporting::PeriodError| AppError::BadRequest {
            field: Some("period"),
            message: error.to_string(),
        },
    )
}

/// The annual report whose data range holds `today` (from 15/12 it is next year's).
pub fn current_annual(today: NaiveDate) -> ReportPeriod {
    let year = if (today.month(), today.day()) >= (12, 15) {
        today.year() + 1
    } else {
        today.year()
    };
    ReportPeriod::new(year, PeriodKind::Annual)
        .or_else(|_| ReportPeriod::new(2026, PeriodKind::Annual))
        .expect("2026 is a report year")
}

/// The periods a picker offers: every kind of this report year and the one before.
pub fn recent_periods(today: NaiveDate) -> Vec<ReportPeriod> {
    let year = current_annual(today).year();
    [year, year - 1]
        .into_iter()
        .flat_map(|year| {
            PeriodKind::ALL
                .into_iter()
                .filter_map(move |kind| ReportPeriod::new(year, kind).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_opens_on_the_annual_report_being_collected() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(current_annual(day("2026-12-14")).code(), "2026-annual");
        assert_eq!(current_annual(day("2026-12-15")).code(), "2027-annual");
        assert!(matches!(
            parse_period(Some("2026-q9")),
            Err(AppError::BadRequest {
                field: Some("period"),
                ..
            })
        ));
        assert!(matches!(
            parse_period(None),
            Err(AppError::BadRequest {
                field: Some("period"),
                ..
            })
        ));
    }
}
