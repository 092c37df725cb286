//! The ID numbers of the people a request protects. They let the retaliation
//! tripwire match an adverse HR decision against a protected person blindly:
//! the number stays inside the encrypted request, and only its blind index is
//! stored beside it.

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::{NationalIdNumber, ProtectedPerson};
use crate::intake::ReportFieldError;

/// The most ID numbers one request may carry (two parents, several children,
/// an old CMND beside a new CCCD).
pub const ID_NUMBERS_MAX: usize = 10;

/// A protected person's ID number. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectedIdNumber {
    /// Who it belongs to.
    pub person: ProtectedPerson,
    /// The number.
    pub number: NationalIdNumber,
}

/// One ID number as sent, with the field names its errors carry. No `Debug`;
/// wiped when dropped.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct IdNumberDraft {
    /// Who it belongs to, as a code (`self`, `spouse`, `parent`, `child`).
    pub person: String,
    /// The number as typed.
    pub number: String,
    /// The field an error about whose number it is names.
    pub person_field: String,
    /// The field an error about the number names.
    pub number_field: String,
}

impl IdNumberDraft {
    /// The `index`-th entry of the API's `id_numbers` list: errors name
    /// `id_numbers[index].person` and `id_numbers[index].number`.
    pub fn in_list(index: usize, person: &str, number: &str) -> Self {
        Self {
            person: person.to_owned(),
            number: number.to_owned(),
            person_field: format!("id_numbers[{index}].person"),
            number_field: format!("id_numbers[{index}].number"),
        }
    }

    /// A number typed in a form's box for one person: every error names `field`.
    pub fn in_field(person: ProtectedPerson, number: &str, field: &str) -> Self {
        Self {
            person: person.as_str().to_owned(),
            number: number.to_owned(),
            person_field: field.to_owned(),
            number_field: field.to_owned(),
        }
    }
}

/// Checks the ID numbers of a request whose protected persons are `persons`
/// (empty when that field was itself refused: then nobody is checked against
/// it). Repeats are dropped; every bad entry is pushed to `errors`.
pub(crate) fn parse_id_numbers(
    drafts: &[IdNumberDraft],
    persons: &[ProtectedPerson],
    errors: &mut Vec<ReportFieldError>,
) -> Vec<ProtectedIdNumber> {
    let mut out: Vec<ProtectedIdNumber> = Vec::new();
    for draft in drafts {
        let person = match ProtectedPerson::parse(draft.person.trim()) {
            Some(person) if persons.is_empty() || persons.contains(&person) => Some(person),
            Some(_) => {
                errors.push(ReportFieldError::new(
                    &draft.person_field,
                    "Người này chưa được chọn trong mục \"Ai cần được bảo vệ\".",
                    "This person is not ticked under \"Who needs protection\".",
                ));
                None
            }
            None => {
                errors.push(ReportFieldError::new(
                    &draft.person_field,
                    "Phải là self, spouse, parent hoặc child.",
                    "Must be self, spouse, parent or child.",
                ));
                None
            }
        };
        let number = NationalIdNumber::parse_field(&draft.number_field, &draft.number)
            .map_err(|error| errors.push(error))
            .ok();
        if let (Some(person), Some(number)) = (person, number) {
            let entry = ProtectedIdNumber { person, number };
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
    }
    if out.len() > ID_NUMBERS_MAX {
        errors.push(ReportFieldError::new(
            "id_numbers",
            format!("Tối đa {ID_NUMBERS_MAX} số CMND/CCCD."),
            format!("At most {ID_NUMBERS_MAX} ID numbers."),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[ReportFieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn numbers_are_kept_per_person_without_repeats() {
        let drafts = [
            IdNumberDraft::in_list(0, "self", "001 098 012 345"),
            IdNumberDraft::in_list(1, "parent", "012345678"),
            IdNumberDraft::in_list(2, "parent", "098765432"),
            IdNumberDraft::in_list(3, "self", "001098012345"),
        ];
        let mut errors = Vec::new();
        let numbers = parse_id_numbers(
            &drafts,
            &[ProtectedPerson::Myself, ProtectedPerson::Parent],
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(numbers.len(), 3);
        assert_eq!(numbers[0].person, ProtectedPerson::Myself);
        assert_eq!(numbers[0].number.digits(), "001098012345");
        assert_eq!(numbers[2].number.digits(), "098765432");
    }

    #[test]
    fn each_bad_entry_names_its_field() {
        let drafts = [
            IdNumberDraft::in_list(0, "cousin", "001098012345"),
            IdNumberDraft::in_list(1, "spouse", "12345"),
            IdNumberDraft::in_list(2, "child", "001098012345"),
            IdNumberDraft::in_field(ProtectedPerson::Parent, "1234567890", "id_numbers.parent"),
        ];
        let mut errors = Vec::new();
        parse_id_numbers(
            &drafts,
            &[ProtectedPerson::Spouse, ProtectedPerson::Parent],
            &mut errors,
        );
        assert_eq!(
            fields(&errors),
            [
                "id_numbers[0].person",
                "id_numbers[1].number",
                "id_numbers[2].person",
                "id_numbers.parent"
            ]
        );
    }

    #[test]
    fn too_many_numbers_are_refused() {
        let drafts: Vec<_> = (0..=ID_NUMBERS_MAX)
            .map(|i| IdNumberDraft::in_list(i, "child", &format!("{i:09}")))
            .collect();
        let mut errors = Vec::new();
        parse_id_numbers(&drafts, &[ProtectedPerson::Child], &mut errors);
        assert_eq!(fields(&errors), ["id_numbers"]);
    }
}
