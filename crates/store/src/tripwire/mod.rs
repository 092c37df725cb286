//! The retaliation tripwire (DESIGN §4): protected persons' ID numbers, HR
//! officers' adverse decisions, and the alerts a match raises.
//!
//! | table | in clear | encrypted |
//! |---|---|---|
//! | `protected_id_numbers` | case, request, blind index, active from/until (dates) | who the person is (self, spouse, …) under the case key |
//! | `hr_actions` | blind index, kind, employing unit, date, recording officer, time | nothing: the note is not kept here |
//! | `alerts` | kind, case, unit that must act, times, who acknowledged | kind-specific details under the case key (none for `hr_action_match`) |
//! | `alert_hr_actions` | alert → decision and protected number | the HR officer's note, sealed to the alerted unit's key |
//! | `alert_reviews` | outcome, reviewer, time | the note under the case key |
//!
//! No ID number is stored outside the encrypted protection request: both
//! sides of the match are HMAC(server secret, digits) ([`national_id_index`]),
//! so the database alone cannot test a guessed number.
//!
//! # The match
//!
//! [`Store::record_hr_action`] stores the decision and, in the same
//! transaction, raises one alert per case in which the index belongs to a
//! person whose protection covers the decision's date (`active_from` ≤ date ≤
//! `active_until`, open-ended while the measures last), addressed to the unit
//! handling the case. It returns only the decision's id, so the HR officer's
//! answer cannot depend on a match.
//!
//! # What the HR officer's trail shows
//!
//! The officer's own audit entry (`hr_action.recorded`) has the same shape
//! whether or not anything matched. A match is a separate entry by `system`
//! (`alert.raised`, object the alert) that does not name the decision; the
//! link lives only in `alert_hr_actions`. Someone reading the chain entry by
//! entry sees that entry follow the officer's; that reader is an auditor with
//! the whole chain, who could equally join the two tables' blind indexes.
//!
//! # The note
//!
//! An HR officer's note is kept only on a match, sealed to the alerted unit's
//! public key (the server cannot read it back); with no match it is dropped.
//! Khiên is not an HR register, and a clear note ("transfer of Mr A") next to
//! a blind index would undo the index.

mod alert_actions;
mod alerts;
mod hr_actions;
mod ids;
mod labels;
mod matching;
mod protected_ids;
mod tripwire_error;

pub use alert_actions::AlertOfficer;
pub use alerts::{Acknowledgement, Alert, HrActionMatch, StoredReview};
pub use hr_actions::{HrActionRecord, RecordedHrAction};
pub use ids::{AlertId, HrActionId, ProtectedIdNumberId};
pub(crate) use protected_ids::date_in_vietnam;
pub use protected_ids::national_id_index;
pub use tripwire_error::TripwireError;
