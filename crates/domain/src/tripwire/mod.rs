//! The retaliation tripwire (DESIGN §4): HR officers record adverse decisions
//! by the person's ID number; a blind-index match against a person whose
//! protection is in force on the decision's date raises an alert for the
//! protection officers of the unit handling the case, never for the HR officer.
//! The protection officer then reviews the decision against the reasons that
//! allow it (Circular 03/2020/TT-BNV).
//!
//! The matching itself happens in the store, on blind indexes; here are the
//! typed inputs and the codes.

mod alert_kind;
mod alert_review;
mod hr_action_kind;
mod new_hr_action;
mod review_outcome;

pub use alert_kind::AlertKind;
pub use alert_review::{AlertReview, REVIEW_NOTE_MAX};
pub use hr_action_kind::HrActionKind;
pub use new_hr_action::{HrActionDraft, NOTE_MAX, NewHrAction};
pub use review_outcome::ReviewOutcome;
