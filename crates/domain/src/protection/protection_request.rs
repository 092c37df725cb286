//! A reporter's request for protection (LTC Art. 50).

use serde::{Deserialize, Serialize};

use super::protected_id_number::parse_id_numbers;
use super::text::{checked, empty};
use super::{IdNumberDraft, ProtectedIdNumber, ProtectedInterest, ProtectedPerson};
use crate::intake::{FieldErrors, ReportFieldError};

/// The longest situation, in characters.
pub const SITUATION_MAX: usize = 5000;

/// A checked request: who, what, why, and whether it is urgent. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectionRequest {
    /// Who is to be protected (at least one, no repeats, in form order).
    pub persons: Vec<ProtectedPerson>,
    /// What is to be protected (at least one, no repeats, in form order).
    pub interests: Vec<ProtectedInterest>,
    /// The reasons: what threatens them (1 to 5000 characters).
    pub situation: String,
    /// An emergency (LTC Art. 50(2)).
    pub urgent: bool,
    /// The protected persons' ID numbers, for the retaliation tripwire (may be
    /// empty; requests stored before they were asked for have none).
    #[serde(default)]
    pub id_numbers: Vec<ProtectedIdNumber>,
}

fn codes<T: Ord + Copy>(
    field: &str,
    input: &[String],
    parse: fn(&str) -> Option<T>,
    errors: &mut Vec<ReportFieldError>,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for text in input {
        match parse(text.trim()) {
            Some(value) if !out.contains(&value) => out.push(value),
            Some(_) => {}
            None => {
                errors.push(ReportFieldError::new(
                    field,
                    "Có lựa chọn không hợp lệ.",
                    "Contains a choice that is not allowed.",
                ));
                return out;
            }
        }
    }
    if out.is_empty() {
        errors.push(ReportFieldError::new(
            field,
            "Hãy chọn ít nhất một mục.",
            "Choose at least one.",
        ));
    }
    out
}

impl ProtectionRequest {
    /// Checks a request as sent; every bad field is named (`persons`,
    /// `interests`, `situation`, then the ID numbers' own fields).
    pub fn parse(
        persons: &[String],
        interests: &[String],
        situation: &str,
        urgent: bool,
        id_numbers: &[IdNumberDraft],
    ) -> Result<ProtectionRequest, FieldErrors> {
        let mut errors = Vec::new();
        let persons = codes("persons", persons, ProtectedPerson::parse, &mut errors);
        let interests = codes(
            "interests",
            interests,
            ProtectedInterest::parse,
            &mut errors,
        );
        let situation = match checked("situation", situation, SITUATION_MAX) {
            Ok(Some(text)) => text,
            Ok(None) => {
                errors.push(empty("situation"));
                String::new()
            }
            Err(error) => {
                errors.push(error);
                String::new()
            }
        };
        let id_numbers = parse_id_numbers(id_numbers, &persons, &mut errors);
        match FieldErrors::from_vec(errors) {
            Some(errors) => Err(errors),
            None => Ok(ProtectionRequest {
                persons,
                interests,
                situation,
                urgent,
                id_numbers,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_good_request_is_kept_in_order_without_repeats() {
        let request = ProtectionRequest::parse(
            &strings(&["self", "child", "self"]),
            &strings(&["job", "life"]),
            "  Tôi bị đe dọa.\r\n ",
            true,
            &[IdNumberDraft::in_list(0, "child", "012345678")],
        )
        .unwrap();
        assert_eq!(
            request.persons,
            [ProtectedPerson::Myself, ProtectedPerson::Child]
        );
        assert_eq!(
            request.interests,
            [ProtectedInterest::Job, ProtectedInterest::Life]
        );
        assert_eq!(request.situation, "Tôi bị đe dọa.");
        assert!(request.urgent);
        assert_eq!(request.id_numbers.len(), 1);
        assert_eq!(request.id_numbers[0].person, ProtectedPerson::Child);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["persons"], serde_json::json!(["self", "child"]));
        let back: ProtectionRequest = serde_json::from_value(json).unwrap();
        assert!(back == request);
    }

    #[test]
    fn bad_input_names_every_field() {
        let errors = ProtectionRequest::parse(&[], &[], " ", false, &[])
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["persons", "interests", "situation"]);
        let errors = ProtectionRequest::parse(
            &strings(&["neighbour"]),
            &strings(&["money"]),
            &"x".repeat(SITUATION_MAX + 1),
            false,
            &[IdNumberDraft::in_list(0, "self", "123")],
        )
        .err()
        .unwrap();
        assert_eq!(
            errors.fields(),
            ["persons", "interests", "situation", "id_numbers[0].number"]
        );
        let errors = ProtectionRequest::parse(
            &strings(&["self"]),
            &strings(&["job"]),
            "a\u{1b}b",
            false,
            &[],
        )
        .err()
        .unwrap();
        assert_eq!(errors.fields(), ["situation"]);
        assert!(
            ProtectionRequest::parse(
                &strings(&["self"]),
                &strings(&["job"]),
                &"x".repeat(SITUATION_MAX),
                false,
                &[]
            )
            .is_ok()
        );
    }
}
