//! Disclosing a reporter's identity (LTC Art. 56): why a staff member asks,
//! what they write about it, and how many custodians must agree.
//!
//! Keeping a denouncer's identity secret is the rule (LTC Art. 47(2), 56); a
//! handler, head or protection officer may ask to see it only for a reason the
//! law gives ([`LegalReason`]), saying why and for what ([`IdentityRequestText`]).
//! The unit's custodians decide, each with a reason of their own
//! ([`CustodianReason`]); how many must agree is [`CustodianThreshold`].
//!
//! Types that hold what staff wrote have no `Debug`: the text may describe the
//! reporter and must never reach a log.

mod custodian_reason;
mod custodian_threshold;
mod identity_request_text;
mod legal_reason;

pub use custodian_reason::CustodianReason;
pub use custodian_threshold::CustodianThreshold;
pub use identity_request_text::IdentityRequestText;
pub use legal_reason::LegalReason;
