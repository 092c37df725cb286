//! An adverse HR decision as an HR officer records it: whose (by ID number),
//! in which unit, what, and when it was decided.

use chrono::NaiveDate;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::HrActionKind;
use crate::intake::{FieldErrors, ReportFieldError};
use crate::protection::NationalIdNumber;
use crate::protection::text::checked;

/// The longest note, in characters.
pub const NOTE_MAX: usize = 1000;
/// The longest unit reference (a code or a 32-character id).
const UNIT_MAX: usize = 64;

/// The fields as sent. No `Debug`; wiped when dropped (it holds an ID number).
#[derive(Default, Zeroize, ZeroizeOnDrop)]
pub struct HrActionDraft {
    /// The person's ID number (CMND or CCCD).
    pub id_number: String,
    /// The employing unit: its code or its id.
    pub unit: String,
    /// The kind of decision, as a code.
    pub action: String,
    /// The date of the decision, `YYYY-MM-DD`.
    pub decided_on: String,
    /// A note (may be empty).
    pub note: String,
}

/// A checked decision. No `Debug`. The unit is only checked for shape here;
/// which unit it names, and whether the officer may record for it, is the
/// store's and the web layer's business.
pub struct NewHrAction {
    /// The person's ID number.
    pub id_number: NationalIdNumber,
    /// The employing unit as typed (a code or an id), trimmed.
    pub unit: String,
    /// What was decided.
    pub action: HrActionKind,
    /// When it was decided (a date in Vietnam), never after today.
    pub decided_on: NaiveDate,
    /// The officer's note, if any.
    pub note: Option<String>,
}

impl NewHrAction {
    /// Checks a draft; `today` is today's date in Vietnam. Every bad field is
    /// named (`id_number`, `unit`, `action`, `decided_on`, `note`); no message
    /// repeats the ID number.
    pub fn parse(draft: &HrActionDraft, today: NaiveDate) -> Result<NewHrAction, FieldErrors> {
        let mut errors = Vec::new();
        let id_number = NationalIdNumber::parse_field("id_number", &draft.id_number)
            .map_err(|error| errors.push(error))
            .ok();
        let unit = draft.unit.trim();
        if unit.is_empty() || unit.chars().count() > UNIT_MAX {
            errors.push(ReportFieldError::new(
                "unit",
                "Hãy nhập mã đơn vị sử dụng người lao động.",
                "Give the code of the employing unit.",
            ));
        }
        let action = HrActionKind::parse(draft.action.trim());
        if action.is_none() {
            let codes = HrActionKind::ALL.map(HrActionKind::as_str).join(", ");
            errors.push(ReportFieldError::new(
                "action",
                format!("Loại quyết định phải là một trong: {codes}."),
                format!("The kind of decision must be one of: {codes}."),
            ));
        }
        let decided_on = parse_decided_on(&draft.decided_on, today)
            .map_err(|error| errors.push(error))
            .ok();
        let note = checked("note", &draft.note, NOTE_MAX)
            .map_err(|error| errors.push(error))
            .ok();
        match (id_number, action, decided_on, note) {
            (Some(id_number), Some(action), Some(decided_on), Some(note)) if errors.is_empty() => {
                Ok(NewHrAction {
                    id_number,
                    unit: unit.to_owned(),
                    action,
                    decided_on,
                    note,
                })
            }
            // Every field that did not parse pushed its error, so `errors` is
            // not empty here; the fallback only keeps this total.
            _ => Err(FieldErrors::from_vec(errors)
                .unwrap_or_else(|| FieldErrors::single("unit", "Không hợp lệ.", "Not valid."))),
        }
    }
}

fn parse_decided_on(input: &str, today: NaiveDate) -> Result<NaiveDate, ReportFieldError> {
    let date = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| {
        ReportFieldError::new(
            "decided_on",
            "Ngày quyết định theo dạng YYYY-MM-DD.",
            "The date of the decision as YYYY-MM-DD.",
        )
    })?;
    if date > today {
        return Err(ReportFieldError::new(
            "decided_on",
            "Ngày quyết định không được sau hôm nay.",
            "The date of the decision cannot be after today.",
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    fn draft(id_number: &str, unit: &str, action: &str, decided_on: &str) -> HrActionDraft {
        HrActionDraft {
            id_number: id_number.into(),
            unit: unit.into(),
            action: action.into(),
            decided_on: decided_on.into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_good_decision_is_read() {
        let mut input = draft(" 001 098 012 345 ", " SO-A ", "pay_cut", "2026-03-10");
        input.note = " QĐ số 12/QĐ-SYT ".into();
        let action = NewHrAction::parse(&input, today()).unwrap();
        assert_eq!(action.id_number.digits(), "001098012345");
        assert_eq!(action.unit, "SO-A");
        assert_eq!(action.action, HrActionKind::PayCut);
        assert_eq!(action.decided_on, today());
        assert_eq!(action.note.as_deref(), Some("QĐ số 12/QĐ-SYT"));
    }

    #[test]
    fn every_bad_field_is_named_and_the_number_not_repeated() {
        let errors = NewHrAction::parse(&draft("98765", "", "promotion", "2026-03-11"), today())
            .err()
            .unwrap();
        assert_eq!(
            errors.fields(),
            ["id_number", "unit", "action", "decided_on"]
        );
        assert!(errors.iter().all(|e| !e.message_en.contains("98765")));
        let mut input = draft("012345678", "SO-A", "transfer", "10/03/2026");
        input.note = "x".repeat(NOTE_MAX + 1);
        let errors = NewHrAction::parse(&input, today()).err().unwrap();
        assert_eq!(errors.fields(), ["decided_on", "note"]);
    }
}
