//! Disclosing a reporter's identity by k-of-n custodians (LTC Art. 56), and
//! keeping custodians' shares in step with the unit's custodians.
//!
//! # The flow
//!
//! 1. A handler, head or protection officer of the handling unit asks
//!    ([`Store::request_identity`]): a legal reason (in clear: the reporter is
//!    told it), the circumstances and the purpose (encrypted). A request
//!    expires; an expired one can be neither approved nor used.
//! 2. Each custodian decides ([`Store::decide_identity_request`]). Approving
//!    opens their share with their private key (from their session) and seals
//!    it to the requester's public key (`khien_vault::disclosure`). One refusal
//!    closes the request; the requester may ask again with better reasons.
//! 3. With k approvals of the case's current share generation, the request is
//!    approved; that moment is the disclosure the reporter is told about
//!    ([`Store::identity_disclosures`]).
//! 4. The requester alone opens the identity
//!    ([`Store::open_disclosed_identity`]), in their session, until the request
//!    expires. Every step is in the audit chain, with ids only.
//!
//! # Who can open what
//!
//! | secret | sealed to | so it opens with |
//! |---|---|---|
//! | a request's key (opens its details, purpose and the custodians' reasons) | the requester's and each custodian's public key | one of their private keys |
//! | a custodian's share of the identity key | that custodian's public key | their private key |
//! | an approving custodian's share, re-sealed | the requester's public key, bound to case, request, requester and custodian | the requester's private key, for that request |
//!
//! Staff private keys exist in clear only inside a request of their own
//! session (the cookie or bearer token carries the key that opens them), so
//! the database, its backups and the data directory's secrets together open
//! nothing here: no share, no request text, no identity.
//!
//! # Custodian changes
//!
//! When a unit's custodians change, shares of older cases are moved by a
//! re-share that k current holders make in their sessions
//! ([`Store::contribute_to_reshares`], `khien_vault::reshare`): the identity key
//! is never rebuilt, anywhere. Until k holders have contributed, the old shares
//! stay in force; a removed custodian's share then still counts, but only with
//! k − 1 others.

mod custodian_queue;
mod decisions;
mod disclosure_error;
mod labels;
mod opening;
mod reporter_view;
mod request_key;
mod request_status;
mod requests;
mod reshare;
mod unit_threshold;

pub use custodian_queue::CustodianQueueItem;
pub use decisions::{CustodianDecision, Decision, DecisionOutcome};
pub use disclosure_error::DisclosureError;
pub use opening::{DecisionView, DisclosedIdentity, RequesterView};
pub use reporter_view::Disclosure;
pub use request_status::RequestStatus;
pub use requests::{NewIdentityRequest, REQUESTER_ROLES};
pub use reshare::{PendingReshare, ReshareOutcome};
pub use unit_threshold::ThresholdSetting;
