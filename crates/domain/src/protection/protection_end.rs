//! The end of protection measures (LTC Art. 54(2)).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::date_in_range;
use super::text::checked;
use crate::intake::{FieldErrors, ReportFieldError};

/// The longest note on an end, in characters.
pub const END_NOTE_MAX: usize = 2000;

/// Why measures end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The conclusion, or the decision terminating the resolution, was issued.
    ConclusionOrTermination,
    /// The grounds for protection no longer exist.
    GroundsCeased,
    /// The protected person asked in writing to end it.
    AskedInWriting,
}

impl EndReason {
    /// Every reason, in the order of Art. 54(2).
    pub const ALL: [EndReason; 3] = [
        Self::ConclusionOrTermination,
        Self::GroundsCeased,
        Self::AskedInWriting,
    ];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ConclusionOrTermination => "conclusion_or_termination",
            Self::GroundsCeased => "grounds_ceased",
            Self::AskedInWriting => "asked_in_writing",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::ConclusionOrTermination => {
                "Đã có kết luận nội dung tố cáo hoặc quyết định đình chỉ giải quyết tố cáo"
            }
            Self::GroundsCeased => "Căn cứ áp dụng biện pháp bảo vệ không còn",
            Self::AskedInWriting => "Người được bảo vệ đề nghị bằng văn bản chấm dứt việc bảo vệ",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::ConclusionOrTermination => "The conclusion or a termination decision was issued",
            Self::GroundsCeased => "The grounds for protection no longer exist",
            Self::AskedInWriting => "The protected person asked in writing to end it",
        }
    }
}

/// A checked end of measures. No `Debug`: the note may name people.
#[derive(Clone, PartialEq, Eq)]
pub struct ProtectionEnd {
    /// Why.
    pub reason: EndReason,
    /// The last day the measures covered.
    pub ended_on: NaiveDate,
    /// A note, if any.
    pub note: Option<String>,
}

impl ProtectionEnd {
    /// Checks the fields for measures decided on `decided_on`; `today` is
    /// today in Vietnam. Errors name `reason`, `ended_on`, `note`.
    pub fn parse(
        reason: &str,
        ended_on: &str,
        note: &str,
        decided_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<ProtectionEnd, FieldErrors> {
        let mut errors = Vec::new();
        let reason = EndReason::parse(reason.trim());
        if reason.is_none() {
            let codes = EndReason::ALL.map(EndReason::as_str).join(", ");
            errors.push(ReportFieldError::new(
                "reason",
                format!("Lý do chấm dứt (Điều 54 khoản 2) phải là một trong: {codes}."),
                format!("The reason (Art. 54(2)) must be one of: {codes}."),
            ));
        }
        let ended_on = date_in_range("ended_on", ended_on, today, decided_on, today)
            .map_err(|error| errors.push(error))
            .ok();
        let note = checked("note", note, END_NOTE_MAX)
            .map_err(|error| errors.push(error))
            .ok();
        match (reason, ended_on, note) {
            (Some(reason), Some(ended_on), Some(note)) if errors.is_empty() => Ok(ProtectionEnd {
                reason,
                ended_on,
                note,
            }),
            _ => Err(FieldErrors::from_vec(errors)
                .unwrap_or_else(|| FieldErrors::single("reason", "Không hợp lệ.", "Not valid."))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn an_end_is_read_and_bad_fields_named() {
        let end = ProtectionEnd::parse("grounds_ceased", "", " ", d("2026-03-01"), d("2026-03-10"))
            .unwrap();
        assert_eq!(end.reason, EndReason::GroundsCeased);
        assert_eq!(end.ended_on, d("2026-03-10"));
        assert!(end.note.is_none());
        let errors =
            ProtectionEnd::parse("bored", "2026-02-28", "", d("2026-03-01"), d("2026-03-10"))
                .err()
                .unwrap();
        assert_eq!(errors.fields(), ["reason", "ended_on"]);
        for reason in EndReason::ALL {
            assert_eq!(EndReason::parse(reason.as_str()), Some(reason));
        }
    }
}
