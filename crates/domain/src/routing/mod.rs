//! Routing by jurisdiction: which body is competent for a report, and why.
//!
//! Pure: the caller hands over the organisation tree ([`OrgTree`]) and what
//! the report says about each accused ([`AccusedFacts`]), and gets back, for
//! each, the unit their organisation was matched to (a suggestion an officer
//! confirms), their standing in it (official, division lead, deputy head,
//! head, or the agency itself — read from the position, or chosen), and the
//! competent bodies with the rule each follows and the reason in Vietnamese
//! and English ([`propose`]).
//!
//! The rules (DOMAIN §1.3, §4, §8): LTC Art. 12(1) and 12(6) with the Art. 13
//! ladder of state administration; the party inspection committee for
//! party-rule violations by party members; the investigation agency and the
//! procuracy for signs of a crime (Art. 27(1)); two-level local government
//! from 01/07/2025.
//!
//! [`fold`] is also the form in which organisation names are blind-indexed,
//! so that "UBND xã An Phú" and "Ủy ban nhân dân xã An Phú" meet.

mod competence;
mod folded_text;
mod ltc_basis;
mod org_tree;
mod organisation_match;
mod proposal;
mod propose;
pub(crate) mod referral;
mod standing;

#[cfg(test)]
mod tests;

pub use competence::two_level_government_from;
pub use folded_text::fold;
#[cfg(test)]
pub(crate) use org_tree::unit_for_tests;
pub use org_tree::{OrgTree, OrgUnit};
pub use organisation_match::{MatchedBy, UnitMatch};
pub use proposal::{AccusedFacts, Concerns, Ground, Proposal, ProposedBody, ReportFacts, Routing};
pub use propose::propose;
pub use standing::{Standing, StandingSource, detect_standing};
