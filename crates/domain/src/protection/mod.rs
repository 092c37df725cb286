//! Protection of denouncers (LTC Chapter VI): a reporter's request for
//! protection and their report of retaliation, as typed and checked.
//!
//! Who can be protected (LTC Art. 47): the denouncer, their spouse, parents and
//! children; what: confidentiality, job, life, health, property, honour and
//! dignity. A request may carry the protected persons' ID numbers, which the
//! retaliation tripwire ([`crate::tripwire`]) matches blindly against adverse
//! HR decisions.
//!
//! Deciding on a request: which body decides on which interest
//! ([`route_request`], LTC Art. 49), by when ([`protection_deadlines`]), the
//! decision itself (measures from Arts 56–58, or a refusal), the end of the
//! measures (Art. 54(2)) and the reporter's "are you safe?" check-ins while
//! they run.
//!
//! Types holding what a reporter wrote have no `Debug`: they must never reach a log.

mod check_in;
mod competent_body;
mod dates;
mod decision_deadlines;
mod measure;
mod protected_id_number;
mod protected_interest;
mod protected_person;
mod protection_decision;
mod protection_end;
mod protection_request;
mod request_channel;
mod retaliation_report;
mod routing;
mod staff_recorded_request;
pub(crate) mod text;

pub use crate::accounts::NationalIdNumber;
pub use check_in::{CHECK_IN_NOTE_MAX, CheckIn, CheckInAnswer, CheckInPeriod, open_check_in};
pub use competent_body::CompetentBody;
pub use decision_deadlines::{
    DeadlineInput, PROMPTLY_BASIS, PROMPTLY_BASIS_VI, ProtectionAssessment, ProtectionDeadline,
    ProtectionStep, earliest_due, protection_deadlines,
};
pub use measure::{MeasureGroup, ProtectionMeasure};
pub use protected_id_number::{ID_NUMBERS_MAX, IdNumberDraft, ProtectedIdNumber};
pub use protected_interest::ProtectedInterest;
pub use protected_person::ProtectedPerson;
pub use protection_decision::{
    AppliedMeasures, CHECK_IN_EVERY_DAYS_DEFAULT, CHECK_IN_EVERY_DAYS_MAX, DecisionDraft,
    DecisionOutcome, ProtectionDecision,
};
pub use protection_end::{EndReason, ProtectionEnd};
pub use protection_request::ProtectionRequest;
pub use request_channel::RequestChannel;
pub use retaliation_report::RetaliationReport;
pub use routing::{RoutedBody, police_decide, route_request};
pub use staff_recorded_request::{
    RECORDED_LATE_MAX_DAYS, RequestDraft, StaffRecordedRequest, written_confirmation_on,
};
