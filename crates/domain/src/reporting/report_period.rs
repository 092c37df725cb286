//! The periods of periodic reports and their data cut-off ranges (Circular
//! 01/2024/TT-TTCP; DOMAIN.md §5): every range starts on the 15th and ends on the 14th,
//! and the year's first range starts on 15/12 of the year before.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::period_error::PeriodError;

/// Which report of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// Quý I: 15/12 of the previous year – 14/03.
    Q1,
    /// Quý II: 15/03 – 14/06 (a data table only).
    Q2,
    /// Quý III: 15/06 – 14/09 (a data table only).
    Q3,
    /// Quý IV: 15/09 – 14/12 (a data table only).
    Q4,
    /// 6 tháng: 15/12 of the previous year – 14/06.
    SixMonths,
    /// 9 tháng: 15/12 of the previous year – 14/09.
    NineMonths,
    /// Năm: 15/12 of the previous year – 14/12.
    Annual,
}

impl PeriodKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [PeriodKind; 7] = [
        PeriodKind::Annual,
        PeriodKind::Q1,
        PeriodKind::SixMonths,
        PeriodKind::NineMonths,
        PeriodKind::Q2,
        PeriodKind::Q3,
        PeriodKind::Q4,
    ];

    /// The spelling after the year in a period code (`2026-annual`).
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Q1 => "q1",
            PeriodKind::Q2 => "q2",
            PeriodKind::Q3 => "q3",
            PeriodKind::Q4 => "q4",
            PeriodKind::SixMonths => "6m",
            PeriodKind::NineMonths => "9m",
            PeriodKind::Annual => "annual",
        }
    }

    fn parse(text: &str) -> Option<PeriodKind> {
        PeriodKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(text))
    }

    /// (first month, last month) of the range: the first is in the previous year when
    /// it is December.
    fn months(self) -> (u32, u32) {
        match self {
            PeriodKind::Q1 => (12, 3),
            PeriodKind::Q2 => (3, 6),
            PeriodKind::Q3 => (6, 9),
            PeriodKind::Q4 => (9, 12),
            PeriodKind::SixMonths => (12, 6),
            PeriodKind::NineMonths => (12, 9),
            PeriodKind::Annual => (12, 12),
        }
    }

    fn label_vi(self) -> &'static str {
        match self {
            PeriodKind::Q1 => "Báo cáo quý I",
            PeriodKind::Q2 => "Số liệu quý II",
            PeriodKind::Q3 => "Số liệu quý III",
            PeriodKind::Q4 => "Số liệu quý IV",
            PeriodKind::SixMonths => "Báo cáo 6 tháng",
            PeriodKind::NineMonths => "Báo cáo 9 tháng",
            PeriodKind::Annual => "Báo cáo",
        }
    }

    fn label_en(self) -> &'static str {
        match self {
            PeriodKind::Q1 => "Q1 report",
            PeriodKind::Q2 => "Q2 data",
            PeriodKind::Q3 => "Q3 data",
            PeriodKind::Q4 => "Q4 data",
            PeriodKind::SixMonths => "Six-month report",
            PeriodKind::NineMonths => "Nine-month report",
            PeriodKind::Annual => "Annual report",
        }
    }
}

/// The years a period may belong to: the calendar's range, with room either side.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// One report period of one year, e.g. the annual report of 2026
/// (15/12/2025 – 14/12/2026). Parsed from its code, `2026-annual`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReportPeriod {
    year: i32,
    kind: PeriodKind,
}

impl ReportPeriod {
    /// The period, if the year is one Khiên keeps reports for.
    pub fn new(year: i32, kind: PeriodKind) -> Result<ReportPeriod, PeriodError> {
        if !YEARS.contains(&year) {
            return Err(PeriodError::YearOutOfRange { year });
        }
        Ok(ReportPeriod { year, kind })
    }

    /// The report year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Which report of the year.
    pub fn kind(self) -> PeriodKind {
        self.kind
    }

    /// The first day of data, inclusive.
    pub fn starts_on(self) -> NaiveDate {
        let (first, _) = self.kind.months();
        let year = if first == 12 {
            self.year - 1
        } else {
            self.year
        };
        date(year, first, 15)
    }

    /// The last day of data, inclusive.
    pub fn ends_on(self) -> NaiveDate {
        let (_, last) = self.kind.months();
        date(self.year, last, 14)
    }

    /// Whether `day` falls in the range, both ends inclusive.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.starts_on() <= day && day <= self.ends_on()
    }

    /// The code: `2026-annual`, `2026-q1`, `2026-6m`, `2026-9m`.
    pub fn code(self) -> String {
        format!("{}-{}", self.year, self.kind.as_str())
    }

    /// "Báo cáo năm 2026 (từ 15/12/2025 đến 14/12/2026)".
    pub fn label_vi(self) -> String {
        let range = format!(
            "(từ {} đến {})",
            self.starts_on().format("%d/%m/%Y"),
            self.ends_on().format("%d/%m/%Y")
        );
        match self.kind {
            PeriodKind::Annual => format!("Báo cáo năm {} {range}", self.year),
            kind => format!("{} năm {} {range}", kind.label_vi(), self.year),
        }
    }

    /// "Annual report 2026 (15/12/2025 to 14/12/2026)".
    pub fn label_en(self) -> String {
        format!(
            "{} {} ({} to {})",
            self.kind.label_en(),
            self.year,
            self.starts_on().format("%d/%m/%Y"),
            self.ends_on().format("%d/%m/%Y")
        )
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // The 14th and 15th exist in every month of every year in `YEARS`.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl FromStr for ReportPeriod {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<ReportPeriod, PeriodError> {
        let text = text.trim();
        let Some((year, kind)) = text.split_once('-') else {
            return Err(PeriodError::Shape {
                given: text.chars().take(40).collect(),
            });
        };
        let year: i32 = year
            .parse()
            .ok()
            .filter(|_| year.len() == 4)
            .ok_or_else(|| PeriodError::Year {
                given: year.chars().take(10).collect(),
            })?;
        let kind = PeriodKind::parse(kind).ok_or_else(|| PeriodError::Kind {
            given: kind.chars().take(20).collect(),
        })?;
        ReportPeriod::new(year, kind)
    }
}
