//! A request for protection made in person or by phone (LTC Art. 50(2)) and
//! recorded by a protection officer or handler: the reporter's fields, how it
//! was made and on which day. It is to be confirmed in writing later.

use chrono::{Days, NaiveDate};

use super::dates::date_in_range;
use super::{IdNumberDraft, ProtectionRequest, RequestChannel};
use crate::intake::{FieldErrors, ReportFieldError};

/// How far back a spoken request may be recorded, in days.
pub const RECORDED_LATE_MAX_DAYS: u64 = 365;

/// The reporter's fields as an officer typed them. No `Debug`.
pub struct RequestDraft<'a> {
    /// Who (codes).
    pub persons: &'a [String],
    /// What (codes).
    pub interests: &'a [String],
    /// The reasons.
    pub situation: &'a str,
    /// An emergency.
    pub urgent: bool,
    /// The protected persons' ID numbers.
    pub id_numbers: &'a [IdNumberDraft],
}

/// A checked staff-recorded request. No `Debug`.
pub struct StaffRecordedRequest {
    /// The request itself, as a reporter's would be.
    pub request: ProtectionRequest,
    /// In person or by phone.
    pub channel: RequestChannel,
    /// The day it was made (in Vietnam), never after today.
    pub received_on: NaiveDate,
}

impl StaffRecordedRequest {
    /// Checks the fields; errors name `persons`, `interests`, `situation`,
    /// the ID numbers' fields, `channel`, `received_on`, in that order.
    pub fn parse(
        draft: &RequestDraft<'_>,
        channel: &str,
        received_on: &str,
        today: NaiveDate,
    ) -> Result<StaffRecordedRequest, FieldErrors> {
        let request = ProtectionRequest::parse(
            draft.persons,
            draft.interests,
            draft.situation,
            draft.urgent,
            draft.id_numbers,
        );
        let mut errors: Vec<ReportFieldError> = match &request {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().cloned().collect(),
        };
        let channel = match RequestChannel::parse(channel.trim()) {
            Some(channel) if channel.needs_written_confirmation() => Some(channel),
            _ => {
                errors.push(ReportFieldError::new(
                    "channel",
                    "Phải là in_person (trực tiếp) hoặc phone (điện thoại).",
                    "Must be in_person or phone.",
                ));
                None
            }
        };
        let earliest = today
            .checked_sub_days(Days::new(RECORDED_LATE_MAX_DAYS))
            .unwrap_or(today);
        let received_on = date_in_range("received_on", received_on, today, earliest, today)
            .map_err(|error| errors.push(error))
            .ok();
        match (request, channel, received_on) {
            (Ok(request), Some(channel), Some(received_on)) if errors.is_empty() => {
                Ok(StaffRecordedRequest {
                    request,
                    channel,
                    received_on,
                })
            }
            _ => Err(FieldErrors::from_vec(errors)
                .unwrap_or_else(|| FieldErrors::single("channel", "Không hợp lệ.", "Not valid."))),
        }
    }
}

/// The day a spoken request was confirmed in writing: empty for today, no
/// earlier than the request, never after today. Errors name `confirmed_on`.
pub fn written_confirmation_on(
    input: &str,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, FieldErrors> {
    date_in_range("confirmed_on", input, today, received_on, today)
        .map_err(|error| FieldErrors::single(error.field, error.message_vi, error.message_en))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_phone_request_is_read_and_bad_fields_are_named_in_order() {
        let today: NaiveDate = "2026-03-10".parse().unwrap();
        let persons = strings(&["self"]);
        let interests = strings(&["life"]);
        let draft = RequestDraft {
            persons: &persons,
            interests: &interests,
            situation: "Bị đe dọa qua điện thoại.",
            urgent: true,
            id_numbers: &[],
        };
        let recorded = StaffRecordedRequest::parse(&draft, "phone", "2026-03-09", today).unwrap();
        assert_eq!(recorded.channel, RequestChannel::Phone);
        assert_eq!(
            recorded.received_on,
            "2026-03-09".parse::<NaiveDate>().unwrap()
        );
        assert!(recorded.request.urgent);
        let empty: Vec<String> = Vec::new();
        let bad = RequestDraft {
            persons: &empty,
            interests: &interests,
            situation: "x",
            urgent: false,
            id_numbers: &[],
        };
        let errors = StaffRecordedRequest::parse(&bad, "online", "2026-03-11", today)
            .err()
            .unwrap();
        assert_eq!(errors.fields(), ["persons", "channel", "received_on"]);
    }

    #[test]
    fn a_confirmation_is_dated_between_the_request_and_today() {
        let today: NaiveDate = "2026-03-10".parse().unwrap();
        let asked: NaiveDate = "2026-03-05".parse().unwrap();
        assert_eq!(written_confirmation_on("", asked, today).unwrap(), today);
        for bad in ["2026-03-04", "2026-03-11", "x"] {
            let errors = written_confirmation_on(bad, asked, today).err().unwrap();
            assert_eq!(errors.fields(), ["confirmed_on"]);
        }
    }
}
