//! Protection of denouncers: requests for protection (the reporter's own, or
//! made in person or by phone and recorded by an officer), reports of
//! retaliation, decisions on requests and the measures they apply, the
//! reporter's check-ins while measures run, and the alerts protection raises.
//!
//! | table | in clear | encrypted (case key) |
//! |---|---|---|
//! | `protection_requests` | case, urgent flag, time (to the hour), channel, day made, recording officer, written confirmation day, assessment | persons, interests, situation, ID numbers |
//! | `retaliation_reports` | case, time (to the hour) | what happened, when |
//! | `protection_decisions` | request, outcome, dates (decided, start, end), check-in interval, end reason, who decided and ended | the decision: deciding body, measures, who carries them out, refusal reasons; the end's note |
//! | `protection_check_ins` | decision, question number, answer, time (to the hour) | the reporter's note |
//! | `alarm_notifications` | alert, staff member, when raised, how often | — |
//!
//! What comes from the reporter has its time rounded down to the hour and is
//! audited as `reporter`, with no content. Refusing a request, or ending its
//! measures, ends the retaliation tripwire's protection of its persons in the
//! same transaction (the building block of [`Store::end_protection`]).
//!
//! [`Store::end_protection`]: crate::Store::end_protection

mod check_ins;
mod decisions;
mod ids;
mod labels;
mod open_protection;
mod protection_alerts;
mod protection_error;
mod protection_requests;
mod record;
mod request_follow_up;
mod retaliation_reports;

pub use check_ins::{AnsweredCheckIn, StoredCheckIn};
pub use decisions::{StoredDecision, StoredEnd};
pub use ids::{CheckInId, ProtectionDecisionId};
pub use open_protection::OpenProtectionCase;
pub(crate) use protection_alerts::open_alert_details;
pub use protection_alerts::{Alarm, AlarmMail, ProtectionAlertDetails};
pub use protection_error::ProtectionError;
pub use protection_requests::StoredProtectionRequest;
pub use retaliation_reports::StoredRetaliationReport;
