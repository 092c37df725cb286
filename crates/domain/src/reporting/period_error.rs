//! Why a period code was refused; each message names what is wrong, in Vietnamese
//! then English.

/// A period code that is not `YYYY-kind`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Not `year-kind` at all.
    #[error(
        "kỳ báo cáo \"{given}\" không đúng dạng năm-kỳ, ví dụ 2026-annual / the period \
         \"{given}\" is not year-kind, e.g. 2026-annual"
    )]
    Shape { given: String },
    /// The year is not four digits.
    #[error(
        "năm \"{given}\" của kỳ báo cáo phải có 4 chữ số / the period's year \"{given}\" must \
         be four digits"
    )]
    Year { given: String },
    /// The year is outside the years reports are kept for.
    #[error("năm {year} nằm ngoài khoảng 2000–2100 / the year {year} is outside 2000–2100")]
    YearOutOfRange { year: i32 },
    /// An unknown kind after the year.
    #[error(
        "kỳ \"{given}\" không có; chọn annual, q1, q2, q3, q4, 6m hoặc 9m / there is no \
         period \"{given}\"; choose annual, q1, q2, q3, q4, 6m or 9m"
    )]
    Kind { given: String },
}
