//! A case action as staff send it (`POST /api/v1/cases/{id}/actions`, or a console
//! form), and the event it records.
//!
//! `on` (the day it enters the file) is always today in Vietnam; `decided_on`, the date
//! on the signed paper, defaults to today and may be earlier, never later. Everything
//! else the fold checks, and a refusal names the rule.

use chrono::NaiveDate;
use khien_domain::case_file::{
    AcceptanceConditions, CaseEvent, Classification, ComplexityCriterion, CriminalAuthority,
    Finding, Notice, TerminationGround,
};
use serde::Deserialize;

use crate::AppError;

/// One action, named by its `action` field.
#[derive(Debug, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum CaseAction {
    Classify {
        #[serde(rename = "as")]
        as_kind: Classification,
    },
    Accept {
        conditions: AcceptanceConditions,
        decided_on: Option<NaiveDate>,
    },
    Reject {
        grounds: String,
        decided_on: Option<NaiveDate>,
    },
    /// To a unit of the tree by its code (on Khiên or not), or to an agency outside the
    /// tree by its name; exactly one of the two.
    Forward {
        to_unit: Option<String>,
        to_agency: Option<String>,
        decided_on: Option<NaiveDate>,
    },
    /// The receiving unit takes in a case forwarded to it.
    ReceiveForwarded {
        received_on: Option<NaiveDate>,
    },
    TransferCriminal {
        to: CriminalAuthority,
        decided_on: Option<NaiveDate>,
    },
    HandleAsInformation {
        decided_on: Option<NaiveDate>,
    },
    Assign {
        /// The handler's user id.
        handler: String,
    },
    AssignVerifiers {
        verifiers: Vec<String>,
    },
    RecordPlan,
    RecordMeeting,
    RecordEvidence,
    Extend {
        criteria: Vec<ComplexityCriterion>,
        decided_on: Option<NaiveDate>,
    },
    Suspend {
        reason: String,
        decided_on: Option<NaiveDate>,
    },
    Resume {
        decided_on: Option<NaiveDate>,
    },
    Terminate {
        ground: TerminationGround,
        decided_on: Option<NaiveDate>,
    },
    Conclude {
        finding: Finding,
        #[serde(default)]
        measures: Vec<String>,
        #[serde(default)]
        amount_to_recover_vnd: u64,
        #[serde(default)]
        persons_to_discipline: u32,
        #[serde(default)]
        false_report_flag: bool,
        decided_on: Option<NaiveDate>,
    },
    SendNotice {
        notice: Notice,
        /// The day it was sent, when earlier than today.
        sent_on: Option<NaiveDate>,
    },
    HandleConclusion {
        decided_on: Option<NaiveDate>,
    },
    /// The posting's first day and either its last day or its length in consecutive
    /// days (both days inclusive; NĐ31 Art. 6 asks for at least 15).
    Publish {
        from: NaiveDate,
        until: Option<NaiveDate>,
        days: Option<u32>,
    },
    Close,
    Reply {
        decided_on: Option<NaiveDate>,
    },
    ReDenunciation {
        received_on: NaiveDate,
    },
    OpenReview {
        at_unit: String,
    },
}

impl CaseAction {
    /// Every action's name, in the order the console offers them.
    pub const NAMES: [&'static str; 24] = [
        "receive_forwarded",
        "classify",
        "accept",
        "reject",
        "forward",
        "transfer_criminal",
        "handle_as_information",
        "assign",
        "assign_verifiers",
        "record_plan",
        "record_meeting",
        "record_evidence",
        "extend",
        "suspend",
        "resume",
        "terminate",
        "conclude",
        "send_notice",
        "handle_conclusion",
        "publish",
        "close",
        "reply",
        "re_denunciation",
        "open_review",
    ];

    /// The event this action records today.
    pub fn into_event(self, today: NaiveDate) -> Result<CaseEvent, AppError> {
        let on = today;
        let signed =
            |field: &'static str, date: Option<NaiveDate>| -> Result<NaiveDate, AppError> {
                match date {
                    Some(date) if date > today => Err(AppError::BadRequest {
                        field: Some(field),
                        message: format!(
                            "{field}: ngày không được sau hôm nay ({}) / the date cannot be after \
                         today ({today})",
                            today.format("%d/%m/%Y")
                        ),
                    }),
                    Some(date) => Ok(date),
                    None => Ok(today),
                }
            };
        Ok(match self {
            CaseAction::Classify { as_kind } => CaseEvent::Classified { on, as_kind },
            CaseAction::Accept {
                conditions,
                decided_on,
            } => CaseEvent::Accepted {
                on,
                conditions,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Reject {
                grounds,
                decided_on,
            } => CaseEvent::NotAccepted {
                on,
                grounds: grounds.trim().to_owned(),
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Forward {
                to_unit,
                to_agency,
                decided_on,
            } => {
                let (to_unit, outside) = forward_recipient(to_unit, to_agency)?;
                CaseEvent::Forwarded {
                    on,
                    to_unit,
                    decided_on: signed("decided_on", decided_on)?,
                    outside,
                }
            }
            CaseAction::ReceiveForwarded { received_on } => CaseEvent::ForwardReceived {
                on,
                received_on: signed("received_on", received_on)?,
            },
            CaseAction::TransferCriminal { to, decided_on } => CaseEvent::TransferredCriminal {
                on,
                to,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::HandleAsInformation { decided_on } => CaseEvent::HandledAsInformation {
                on,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Assign { handler } => CaseEvent::HandlerAssigned {
                on,
                handler: handler.trim().to_owned(),
            },
            CaseAction::AssignVerifiers { verifiers } => CaseEvent::VerifiersAssigned {
                on,
                verifiers: verifiers.iter().map(|v| v.trim().to_owned()).collect(),
            },
            CaseAction::RecordPlan => CaseEvent::VerificationPlanRecorded { on },
            CaseAction::RecordMeeting => CaseEvent::MeetingRecorded { on },
            CaseAction::RecordEvidence => CaseEvent::EvidenceRecorded { on },
            CaseAction::Extend {
                criteria,
                decided_on,
            } => CaseEvent::Extended {
                on,
                criteria,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Suspend { reason, decided_on } => CaseEvent::Suspended {
                on,
                reason: reason.trim().to_owned(),
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Resume { decided_on } => CaseEvent::Resumed {
                on,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Terminate { ground, decided_on } => CaseEvent::Terminated {
                on,
                ground,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Conclude {
                finding,
                measures,
                amount_to_recover_vnd,
                persons_to_discipline,
                false_report_flag,
                decided_on,
            } => CaseEvent::Concluded {
                on,
                finding,
                measures: measures
                    .iter()
                    .map(|m| m.trim().to_owned())
                    .filter(|m| !m.is_empty())
                    .collect(),
                amount_to_recover_vnd,
                persons_to_discipline,
                false_report_flag,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::SendNotice { notice, sent_on } => CaseEvent::NoticeSent {
                on,
                notice,
                sent_on: match sent_on {
                    Some(_) => Some(signed("sent_on", sent_on)?),
                    None => None,
                },
            },
            CaseAction::HandleConclusion { decided_on } => CaseEvent::ConclusionHandled {
                on,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::Publish { from, until, days } => CaseEvent::Published {
                on,
                from: signed("from", Some(from))?,
                until: posting_end(from, until, days)?,
            },
            CaseAction::Close => CaseEvent::Closed { on },
            CaseAction::Reply { decided_on } => CaseEvent::PetitionReplied {
                on,
                decided_on: signed("decided_on", decided_on)?,
            },
            CaseAction::ReDenunciation { received_on } => {
                CaseEvent::ReDenunciationReceived { on, received_on }
            }
            CaseAction::OpenReview { at_unit } => CaseEvent::ReviewOpened {
                on,
                at_unit: at_unit.trim().to_owned(),
            },
        })
    }

    /// Reads an action from JSON, naming what is wrong.
    pub fn from_json(value: serde_json::Value) -> Result<CaseAction, AppError> {
        serde_json::from_value(value).map_err(|error| AppError::BadRequest {
            field: Some("action"),
            message: format!(
                "thao tác không hợp lệ / invalid action: {error} (actions: {})",
                CaseAction::NAMES.join(", ")
            ),
        })
    }
}

/// The posting's last day, from its end or its length; when both are given (the form
/// sends its default length beside a chosen end) they must agree.
fn posting_end(
    from: NaiveDate,
    until: Option<NaiveDate>,
    days: Option<u32>,
) -> Result<NaiveDate, AppError> {
    let counted = match days {
        Some(0) => {
            return Err(AppError::BadRequest {
                field: Some("days"),
                message: "days: cần ít nhất 1 ngày (Điều 6 Nghị định 31/2019/NĐ-CP yêu cầu ít \
                          nhất 15 ngày liên tục) / at least 1 day is needed (NĐ31 Art. 6 asks \
                          for at least 15 consecutive days)"
                    .into(),
            });
        }
        Some(days) => Some(
            from.checked_add_days(chrono::Days::new(u64::from(days) - 1))
                .ok_or(AppError::BadRequest {
                    field: Some("days"),
                    message: "days: số ngày quá lớn / too many days".into(),
                })?,
        ),
        None => None,
    };
    match (until, counted) {
        (Some(until), Some(counted)) if until != counted => Err(AppError::BadRequest {
            field: Some("days"),
            message: format!(
                "days: ngày kết thúc {} không khớp với số ngày niêm yết / the last day {until} \
                 does not match the number of days",
                until.format("%d/%m/%Y")
            ),
        }),
        (Some(end), _) | (None, Some(end)) => Ok(end),
        (None, None) => Err(AppError::BadRequest {
            field: Some("until"),
            message: "until: cần ngày kết thúc hoặc số ngày niêm yết / the posting's last day \
                      or its number of days is needed"
                .into(),
        }),
    }
}

/// The unit code, or the outside agency's name (with no code): one of them, not both.
/// Whether a unit of the tree takes cases through Khiên is the store's to tell.
pub fn forward_recipient(
    to_unit: Option<String>,
    to_agency: Option<String>,
) -> Result<(String, Option<String>), AppError> {
    let to_unit = to_unit.map(|code| code.trim().to_owned());
    match (to_unit, to_agency.map(|name| name.trim().to_owned())) {
        (Some(code), Some(_)) if !code.is_empty() => Err(AppError::BadRequest {
            field: Some("to_agency"),
            message: "to_agency: chọn một đơn vị hoặc ghi tên cơ quan ngoài Khiên, không cả hai \
                      / choose a unit or name an agency outside Khiên, not both"
                .into(),
        }),
        (_, Some(name)) if name.is_empty() => Err(AppError::BadRequest {
            field: Some("to_agency"),
            message: "to_agency: cần tên cơ quan nhận (khoản 2 Điều 24 Luật Tố cáo) / the \
                      receiving agency's name is needed (LTC Art. 24(2))"
                .into(),
        }),
        (_, Some(name)) => Ok((String::new(), Some(name))),
        (Some(code), None) if !code.is_empty() => Ok((code, None)),
        _ => Err(AppError::BadRequest {
            field: Some("to_unit"),
            message: "to_unit: cần chọn đơn vị nhận hoặc ghi tên cơ quan ngoài Khiên / choose the \
                      receiving unit or name an agency outside Khiên"
                .into(),
        }),
    }
}
