//! The events of a case file: what happened, with its facts and its dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::acceptance_conditions::AcceptanceConditions;
use super::classification::Classification;
use super::complexity_criterion::ComplexityCriterion;
use super::criminal_authority::CriminalAuthority;
use super::finding::Finding;
use super::notice::Notice;
use super::termination_ground::TerminationGround;
use crate::intake::{Channel, ReportKind};

/// One entry of a case's history. Every event has `on`, the date it took legal effect in
/// the file (the day it was recorded); a decision also has `decided_on`, the date on the
/// signed paper, which may be earlier (a decision entered late) but never after `on` or
/// today. Deadlines count from `decided_on` (or `received_on`).
///
/// Stored as JSON with a `kind` tag, e.g. `{"kind":"forwarded","on":…,"to_unit":…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseEvent {
    /// The report arrived (tiếp nhận, LTC Art. 22–24).
    Received {
        on: NaiveDate,
        /// Renamed in JSON: `kind` is the event tag.
        #[serde(rename = "report_kind")]
        kind: ReportKind,
        channel: Channel,
        anonymous: bool,
        received_on: NaiveDate,
    },
    /// The unit read it and decided what it is.
    Classified {
        on: NaiveDate,
        as_kind: Classification,
    },
    /// Thụ lý (LTC Art. 29).
    Accepted {
        on: NaiveDate,
        conditions: AcceptanceConditions,
        decided_on: NaiveDate,
    },
    /// Not accepted; the reporter is told why (LTC Art. 24(1)).
    NotAccepted {
        on: NaiveDate,
        grounds: String,
        decided_on: NaiveDate,
    },
    /// Forwarded to the competent unit, once per content (LTC Art. 24(2)).
    Forwarded {
        on: NaiveDate,
        /// The receiving unit's code; empty when the body is an agency outside the tree.
        to_unit: String,
        decided_on: NaiveDate,
        /// The receiving body's name when it does not take cases through Khiên (a unit
        /// of the tree with no staff here, or an outside agency): the forwarding letter
        /// goes on paper, no key is re-sealed and the case stays, finished, with the
        /// sending unit. `None` in histories stored before the field existed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outside: Option<String>,
    },
    /// The competent unit received the forwarded case: its own receipt, from which its
    /// acceptance clock runs (LTC Art. 24). Classification and the intake decision
    /// start again there; the case cannot be forwarded a second time.
    ForwardReceived {
        on: NaiveDate,
        received_on: NaiveDate,
    },
    /// Sent to the investigation agency or the procuracy: criminal signs (LTC Art. 27(1)).
    TransferredCriminal {
        on: NaiveDate,
        to: CriminalAuthority,
        decided_on: NaiveDate,
    },
    /// Anonymous or unidentifiable information, inspected outside the LTC (Art. 25).
    HandledAsInformation {
        on: NaiveDate,
        decided_on: NaiveDate,
    },
    /// The handler (cán bộ thụ lý) who carries the case in the unit; a later
    /// assignment replaces them. Access control, not a legal act: no `decided_on`.
    HandlerAssigned {
        on: NaiveDate,
        /// User id.
        handler: String,
    },
    /// Verification assigned (LTC Art. 31); a later assignment replaces the team.
    VerifiersAssigned {
        on: NaiveDate,
        /// User ids.
        verifiers: Vec<String>,
    },
    VerificationPlanRecorded {
        on: NaiveDate,
    },
    MeetingRecorded {
        on: NaiveDate,
    },
    EvidenceRecorded {
        on: NaiveDate,
    },
    /// Resolution extended (LTC Art. 30; NĐ31 Art. 3), with the complexity criteria met.
    Extended {
        on: NaiveDate,
        criteria: Vec<ComplexityCriterion>,
        decided_on: NaiveDate,
    },
    /// Tạm đình chỉ (LTC Art. 34): the resolution clock stops.
    Suspended {
        on: NaiveDate,
        reason: String,
        decided_on: NaiveDate,
    },
    /// The suspension's ground is gone: the clock runs again.
    Resumed {
        on: NaiveDate,
        decided_on: NaiveDate,
    },
    /// Đình chỉ (LTC Art. 33–34).
    Terminated {
        on: NaiveDate,
        ground: TerminationGround,
        decided_on: NaiveDate,
    },
    /// Kết luận (LTC Art. 35).
    Concluded {
        on: NaiveDate,
        finding: Finding,
        measures: Vec<String>,
        amount_to_recover_vnd: u64,
        persons_to_discipline: u32,
        /// The denunciation goes to the false-report track (DOMAIN.md §3).
        false_report_flag: bool,
        decided_on: NaiveDate,
    },
    /// Xử lý kết luận (LTC Art. 36).
    ConclusionHandled {
        on: NaiveDate,
        decided_on: NaiveDate,
    },
    /// Posted on the portal from `from` to `until`, both inclusive (LTC Art. 40; NĐ31
    /// Art. 6), without the denouncer's identity.
    Published {
        on: NaiveDate,
        from: NaiveDate,
        until: NaiveDate,
    },
    /// A notice owed after a decision went out, recorded on `on`; `sent_on` is the
    /// day it was sent when that was earlier (`None`: sent the day it was recorded,
    /// as in histories stored before the field existed).
    NoticeSent {
        on: NaiveDate,
        notice: Notice,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sent_on: Option<NaiveDate>,
    },
    Closed {
        on: NaiveDate,
    },
    /// The reply to a reflection or petition (Citizen Reception Law Art. 28).
    PetitionReplied {
        on: NaiveDate,
        decided_on: NaiveDate,
    },
    /// Tố cáo tiếp (LTC Art. 37).
    ReDenunciationReceived {
        on: NaiveDate,
        received_on: NaiveDate,
    },
    /// The direct superior opens its review of the re-denunciation (LTC Art. 37(2)).
    ReviewOpened {
        on: NaiveDate,
        /// The superior unit's code.
        at_unit: String,
    },
}

impl CaseEvent {
    /// The date the event took effect in the file.
    pub fn on(&self) -> NaiveDate {
        match self {
            CaseEvent::Received { on, .. }
            | CaseEvent::Classified { on, .. }
            | CaseEvent::Accepted { on, .. }
            | CaseEvent::NotAccepted { on, .. }
            | CaseEvent::Forwarded { on, .. }
            | CaseEvent::ForwardReceived { on, .. }
            | CaseEvent::TransferredCriminal { on, .. }
            | CaseEvent::HandledAsInformation { on, .. }
            | CaseEvent::HandlerAssigned { on, .. }
            | CaseEvent::VerifiersAssigned { on, .. }
            | CaseEvent::VerificationPlanRecorded { on }
            | CaseEvent::MeetingRecorded { on }
            | CaseEvent::EvidenceRecorded { on }
            | CaseEvent::Extended { on, .. }
            | CaseEvent::Suspended { on, .. }
            | CaseEvent::Resumed { on, .. }
            | CaseEvent::Terminated { on, .. }
            | CaseEvent::Concluded { on, .. }
            | CaseEvent::ConclusionHandled { on, .. }
            | CaseEvent::Published { on, .. }
            | CaseEvent::NoticeSent { on, .. }
            | CaseEvent::Closed { on }
            | CaseEvent::PetitionReplied { on, .. }
            | CaseEvent::ReDenunciationReceived { on, .. }
            | CaseEvent::ReviewOpened { on, .. } => *on,
        }
    }

    /// The date the act itself bears, from which deadlines count: the signed decision's
    /// date, the receipt date, or else `on`. Never after `on`.
    pub fn effective_on(&self) -> NaiveDate {
        match self {
            CaseEvent::Received { received_on, .. }
            | CaseEvent::ForwardReceived { received_on, .. }
            | CaseEvent::ReDenunciationReceived { received_on, .. } => *received_on,
            CaseEvent::Accepted { decided_on, .. }
            | CaseEvent::NotAccepted { decided_on, .. }
            | CaseEvent::Forwarded { decided_on, .. }
            | CaseEvent::TransferredCriminal { decided_on, .. }
            | CaseEvent::HandledAsInformation { decided_on, .. }
            | CaseEvent::Extended { decided_on, .. }
            | CaseEvent::Suspended { decided_on, .. }
            | CaseEvent::Resumed { decided_on, .. }
            | CaseEvent::Terminated { decided_on, .. }
            | CaseEvent::Concluded { decided_on, .. }
            | CaseEvent::ConclusionHandled { decided_on, .. }
            | CaseEvent::PetitionReplied { decided_on, .. } => *decided_on,
            // A publication is recorded once it has started.
            CaseEvent::Published { from, .. } => *from,
            CaseEvent::NoticeSent {
                sent_on: Some(sent_on),
                ..
            } => *sent_on,
            _ => self.on(),
        }
    }

    /// The event's name as stored (the `kind` tag), for messages.
    pub fn name(&self) -> &'static str {
        match self {
            CaseEvent::Received { .. } => "received",
            CaseEvent::Classified { .. } => "classified",
            CaseEvent::Accepted { .. } => "accepted",
            CaseEvent::NotAccepted { .. } => "not_accepted",
            CaseEvent::Forwarded { .. } => "forwarded",
            CaseEvent::ForwardReceived { .. } => "forward_received",
            CaseEvent::TransferredCriminal { .. } => "transferred_criminal",
            CaseEvent::HandledAsInformation { .. } => "handled_as_information",
            CaseEvent::HandlerAssigned { .. } => "handler_assigned",
            CaseEvent::VerifiersAssigned { .. } => "verifiers_assigned",
            CaseEvent::VerificationPlanRecorded { .. } => "verification_plan_recorded",
            CaseEvent::MeetingRecorded { .. } => "meeting_recorded",
            CaseEvent::EvidenceRecorded { .. } => "evidence_recorded",
            CaseEvent::Extended { .. } => "extended",
            CaseEvent::Suspended { .. } => "suspended",
            CaseEvent::Resumed { .. } => "resumed",
            CaseEvent::Terminated { .. } => "terminated",
            CaseEvent::Concluded { .. } => "concluded",
            CaseEvent::ConclusionHandled { .. } => "conclusion_handled",
            CaseEvent::Published { .. } => "published",
            CaseEvent::NoticeSent { .. } => "notice_sent",
            CaseEvent::Closed { .. } => "closed",
            CaseEvent::PetitionReplied { .. } => "petition_replied",
            CaseEvent::ReDenunciationReceived { .. } => "re_denunciation_received",
            CaseEvent::ReviewOpened { .. } => "review_opened",
        }
    }
}
