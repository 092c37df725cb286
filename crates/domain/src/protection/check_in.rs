//! "Are you safe?": while measures run, the reporter is asked at set
//! intervals, and any answer but "fine" alerts the protection officers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::checked;
use crate::intake::{FieldErrors, ReportFieldError};

/// The longest note with an answer, in characters.
pub const CHECK_IN_NOTE_MAX: usize = 2000;

/// The reporter's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInAnswer {
    /// Safe.
    Fine,
    /// Worried.
    Worried,
    /// Threatened.
    Threatened,
    /// Harmed.
    Harmed,
}

impl CheckInAnswer {
    /// Every answer, in the order the form offers them.
    pub const ALL: [CheckInAnswer; 4] = [Self::Fine, Self::Worried, Self::Threatened, Self::Harmed];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fine => "fine",
            Self::Worried => "worried",
            Self::Threatened => "threatened",
            Self::Harmed => "harmed",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Whether the protection officers must be alerted.
    pub fn raises_alert(self) -> bool {
        self != Self::Fine
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Fine => "An toàn",
            Self::Worried => "Lo lắng",
            Self::Threatened => "Bị đe dọa",
            Self::Harmed => "Bị xâm hại",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Fine => "Fine",
            Self::Worried => "Worried",
            Self::Threatened => "Threatened",
            Self::Harmed => "Harmed",
        }
    }
}

/// A checked answer. No `Debug`: the note is the reporter's.
#[derive(Clone, PartialEq, Eq)]
pub struct CheckIn {
    /// The answer.
    pub answer: CheckInAnswer,
    /// What the reporter added, if anything.
    pub note: Option<String>,
}

impl CheckIn {
    /// Checks an answer; errors name `answer` and `note`.
    pub fn parse(answer: &str, note: &str) -> Result<CheckIn, FieldErrors> {
        let mut errors = Vec::new();
        let answer = CheckInAnswer::parse(answer.trim());
        if answer.is_none() {
            errors.push(ReportFieldError::new(
                "answer",
                "Hãy chọn: fine, worried, threatened hoặc harmed.",
                "Choose fine, worried, threatened or harmed.",
            ));
        }
        let note = checked("note", note, CHECK_IN_NOTE_MAX)
            .map_err(|error| errors.push(error))
            .ok();
        match (answer, note) {
            (Some(answer), Some(note)) if errors.is_empty() => Ok(CheckIn { answer, note }),
            _ => Err(FieldErrors::from_vec(errors)
                .unwrap_or_else(|| FieldErrors::single("answer", "Không hợp lệ.", "Not valid."))),
        }
    }
}

/// One question of the schedule: the `index`-th, asked from `opens_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInPeriod {
    /// 0 on the day the measures start, then one more every interval.
    pub index: u32,
    /// The day it is first asked.
    pub opens_on: NaiveDate,
}

/// The question open on `today` for measures running from `starts_on`,
/// asked every `every_days`, that ended on `ended_on` (the last day they
/// covered), if any: none before they start or after they end.
pub fn open_check_in(
    starts_on: NaiveDate,
    every_days: u32,
    ended_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<CheckInPeriod> {
    if today < starts_on || ended_on.is_some_and(|last| today > last) || every_days == 0 {
        return None;
    }
    let elapsed = u32::try_from((today - starts_on).num_days()).ok()?;
    let index = elapsed / every_days;
    Some(CheckInPeriod {
        index,
        opens_on: starts_on + chrono::Days::new(u64::from(index) * u64::from(every_days)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn only_fine_raises_no_alert() {
        for answer in CheckInAnswer::ALL {
            assert_eq!(CheckInAnswer::parse(answer.as_str()), Some(answer));
            assert_eq!(answer.raises_alert(), answer != CheckInAnswer::Fine);
        }
        assert_eq!(CheckIn::parse("ok", "").err().unwrap().fields(), ["answer"]);
        let check_in = CheckIn::parse("threatened", " Có người theo dõi. ").unwrap();
        assert_eq!(check_in.note.as_deref(), Some("Có người theo dõi."));
    }

    #[test]
    fn the_schedule_opens_a_question_every_interval_while_measures_run() {
        let start = d("2026-03-02");
        assert_eq!(open_check_in(start, 7, None, d("2026-03-01")), None);
        assert_eq!(
            open_check_in(start, 7, None, start),
            Some(CheckInPeriod {
                index: 0,
                opens_on: start
            })
        );
        assert_eq!(
            open_check_in(start, 7, None, d("2026-03-08"))
                .unwrap()
                .index,
            0
        );
        assert_eq!(
            open_check_in(start, 7, None, d("2026-03-09")),
            Some(CheckInPeriod {
                index: 1,
                opens_on: d("2026-03-09")
            })
        );
        assert_eq!(
            open_check_in(start, 7, Some(d("2026-03-10")), d("2026-03-10"))
                .unwrap()
                .index,
            1
        );
        assert_eq!(
            open_check_in(start, 7, Some(d("2026-03-10")), d("2026-03-11")),
            None
        );
    }
}
