//! Protection of denouncers (LTC Chapter VI): a reporter's request for
//! protection and their report of retaliation, as typed and checked.
//!
//! Who can be protected (LTC Art. 47): the denouncer, their spouse, parents and
//! children; what: confidentiality, job, life, health, property, honour and
//! dignity. Deciding on a request (routing to the police and so on) is not here.
//! A request may carry the protected persons' ID numbers, which the retaliation
//! tripwire ([`crate::tripwire`]) matches blindly against adverse HR decisions.
//!
//! Types holding what a reporter wrote have no `Debug`: they must never reach a log.

mod protected_id_number;
mod protected_interest;
mod protected_person;
mod protection_request;
mod retaliation_report;
pub(crate) mod text;

pub use crate::accounts::NationalIdNumber;
pub use protected_id_number::{ID_NUMBERS_MAX, IdNumberDraft, ProtectedIdNumber};
pub use protected_interest::ProtectedInterest;
pub use protected_person::ProtectedPerson;
pub use protection_request::ProtectionRequest;
pub use retaliation_report::RetaliationReport;
