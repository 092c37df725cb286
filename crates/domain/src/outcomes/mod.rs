//! What follows from a case beyond its own procedure: retaliation handled as a
//! linked case of its own, published conclusions, the review of a report found
//! false, and rewards for those who reported truly.
//!
//! - **Retaliation** (Directive 27-CT/TW; LTC Arts 47, 57; Penal Code Art. 166): a
//!   report of retaliation becomes a new denunciation, linked to the case it is
//!   about, at the *superior* of the unit accused of retaliating — never at that
//!   unit itself — and visible to the party inspection committee
//!   ([`route_retaliation`]). Its outcome is published like any conclusion.
//! - **False reports** (LTC Arts 8(10), 35(2)(c), 44(1)(c); NĐ31 Art. 23): a
//!   conclusion finding the denunciation false, or flagging it, opens a review of
//!   whether it was deliberate; only a deliberate finding can lead to handling
//!   ([`FalseReportReview`]). The review never touches the reporter's protection.
//! - **Rewards** (LTC Art. 62; Joint Circular 01/2015/TTLT-TTCP-BNV, whose force
//!   under the 2022 Emulation Law is UNVERIFIED): proposals for reporters whose
//!   denunciation proved right, and for units that protected reporters well
//!   ([`RewardProposal`], [`RewardStatus`]).
//!
//! Pure: the store keeps these, the web shows them.

mod false_report_review;
mod finding_words;
mod handling_basis;
mod note;
mod retaliation_route;
mod reward_amounts;
mod reward_form;
mod reward_proposal;
mod reward_status;

pub use false_report_review::{FalseReportReview, ReviewRejection, ReviewStatus, opens_review};
pub use finding_words::{finding_label_en, finding_label_vi};
pub use handling_basis::{HandlingBasis, HandlingKind};
pub use note::{NOTE_MAX, checked_note};
pub use retaliation_route::{
    NoRetaliationRoute, RetaliationGround, RetaliationRoute, route_retaliation,
};
pub use reward_amounts::{
    BonusMultiple, DEFAULT_BASE_SALARY_VND, RECOVERY_CAP_MULTIPLE, RECOVERY_SHARE_PERCENT,
    RECOVERY_THRESHOLD_MULTIPLE, RewardAmounts, reward_amounts,
};
pub use reward_form::RewardForm;
pub use reward_proposal::{
    Beneficiary, GROUNDS_MAX, RewardDraft, RewardProposal, RewardRefusal, reporter_reward_allowed,
};
pub use reward_status::{ReporterResponse, RewardStatus, StatusRejection};
