//! Who made a report: the data that is sealed under the identity key (LTC Art. 56).

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::field_errors::ReportFieldError;
use super::free_text::{self, Lines};
use super::limits::{ADDRESS_MAX, NAME_MAX};
use super::report_draft::IdentityDraft;
use crate::accounts::{NationalIdError, NationalIdNumber};

/// One reporter's identity. No `Debug`; wiped when dropped.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct ReporterIdentity {
    /// Full name, 1–200 characters.
    pub full_name: String,
    /// CMND (9 digits) or CCCD (12 digits), digits only; `None` when not given
    /// (a letter may carry only a name and an address).
    pub id_number: Option<String>,
    /// Address, up to 500 characters.
    pub address: Option<String>,
    /// Phone as typed without spaces: an optional leading `+` and 8–15 digits.
    pub phone: Option<String>,
}

/// Everyone who signed a report: the reporter (in a group petition, the
/// representative, LTC Art. 23) and any co-signatories. This is the document
/// encrypted under the identity key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct ReporterIdentities {
    /// The reporter, or the group's representative.
    pub representative: ReporterIdentity,
    /// The other signatories of a group petition (empty otherwise).
    pub co_reporters: Vec<ReporterIdentity>,
}

impl ReporterIdentity {
    /// Checks one identity; field names start with `prefix` (`identity`,
    /// `co_reporters[2]`). Every bad field is pushed to `errors`.
    pub(crate) fn parse(
        prefix: &str,
        draft: &IdentityDraft,
        errors: &mut Vec<ReportFieldError>,
    ) -> Option<Self> {
        let field = |name: &str| format!("{prefix}.{name}");
        let full_name = free_text::required(
            &field("full_name"),
            &draft.full_name,
            NAME_MAX,
            Lines::Single,
        )
        .map_err(|error| errors.push(error))
        .ok();
        let id_number = parse_id_number(&field("id_number"), &draft.id_number)
            .map_err(|error| errors.push(error))
            .ok();
        let address = free_text::optional(
            &field("address"),
            &draft.address,
            ADDRESS_MAX,
            Lines::Single,
        )
        .map_err(|error| errors.push(error))
        .ok();
        let phone = parse_phone(&field("phone"), &draft.phone)
            .map_err(|error| errors.push(error))
            .ok();
        Some(Self {
            full_name: full_name?,
            id_number: id_number?,
            address: address?,
            phone: phone?,
        })
    }
}

/// An optional ID number ([`NationalIdNumber`]): blank is none.
fn parse_id_number(field: &str, input: &str) -> Result<Option<String>, ReportFieldError> {
    match NationalIdNumber::parse(input) {
        Ok(number) => Ok(Some(number.digits().to_owned())),
        Err(NationalIdError::Empty) => Ok(None),
        Err(error) => Err(ReportFieldError::new(
            field,
            error.message_vi(),
            error.message_en(),
        )),
    }
}

/// Digits and spaces, with an optional leading `+`; 8 to 15 digits (E.164 allows 15).
fn parse_phone(field: &str, input: &str) -> Result<Option<String>, ReportFieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let (plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", trimmed),
    };
    let valid_characters = rest.chars().all(|c| c.is_ascii_digit() || c == ' ');
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if valid_characters && (8..=15).contains(&digits.len()) {
        return Ok(Some(format!("{plus}{digits}")));
    }
    Err(ReportFieldError::new(
        field,
        "Số điện thoại gồm 8 đến 15 chữ số (có thể có dấu + ở đầu và dấu cách).",
        "A phone number has 8 to 15 digits (a leading + and spaces are allowed).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(full_name: &str, id_number: &str, address: &str, phone: &str) -> IdentityDraft {
        IdentityDraft {
            full_name: full_name.into(),
            id_number: id_number.into(),
            address: address.into(),
            phone: phone.into(),
        }
    }

    #[test]
    fn a_full_identity_is_normalised() {
        let mut errors = Vec::new();
        let identity = ReporterIdentity::parse(
            "identity",
            &draft(
                " Nguyễn Văn A ",
                "001 234 567 890",
                "12 Lê Lợi, Huế",
                "+84 912 345 678",
            ),
            &mut errors,
        )
        .unwrap();
        assert!(errors.is_empty());
        assert_eq!(identity.full_name, "Nguyễn Văn A");
        assert_eq!(identity.id_number.as_deref(), Some("001234567890"));
        assert_eq!(identity.phone.as_deref(), Some("+84912345678"));
        assert_eq!(identity.address.as_deref(), Some("12 Lê Lợi, Huế"));
    }

    #[test]
    fn only_the_name_is_required() {
        let mut errors = Vec::new();
        let identity =
            ReporterIdentity::parse("identity", &draft("Trần B", "", "", ""), &mut errors).unwrap();
        assert!(errors.is_empty());
        assert!(
            identity.id_number.is_none() && identity.address.is_none() && identity.phone.is_none()
        );
    }

    #[test]
    fn bad_fields_are_all_named() {
        let cases: &[(IdentityDraft, &[&str])] = &[
            (draft("", "123456789", "", ""), &["identity.full_name"]),
            (draft("", "", "", ""), &["identity.full_name"]),
            (draft("A", "12345678", "", ""), &["identity.id_number"]),
            (draft("A", "1234567890", "", ""), &["identity.id_number"]),
            (draft("A", "12345678901a", "", ""), &["identity.id_number"]),
            (
                draft("A", "123456789", &"x".repeat(501), ""),
                &["identity.address"],
            ),
            (draft("A", "123456789", "", "1234567"), &["identity.phone"]),
            (
                draft("A", "123456789", "", "1234567890123456"),
                &["identity.phone"],
            ),
            (
                draft("A", "123456789", "", "0912-345-678"),
                &["identity.phone"],
            ),
            (
                draft("A", "123456789", "", "09+12345678"),
                &["identity.phone"],
            ),
            (
                draft(&"n".repeat(201), "12", "", "abc"),
                &["identity.full_name", "identity.id_number", "identity.phone"],
            ),
        ];
        for (input, expected) in cases {
            let mut errors = Vec::new();
            assert!(ReporterIdentity::parse("identity", input, &mut errors).is_none());
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(&fields, expected);
        }
    }

    #[test]
    fn messages_do_not_echo_the_input() {
        let mut errors = Vec::new();
        ReporterIdentity::parse("identity", &draft("A", "98765", "", "55555"), &mut errors);
        for error in errors {
            assert!(!error.message_en.contains("98765") && !error.message_vi.contains("55555"));
        }
    }
}
