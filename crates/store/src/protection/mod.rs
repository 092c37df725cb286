//! Protection of denouncers: a reporter's requests for protection and reports
//! of retaliation, each a JSON document under the case key.
//!
//! | table | in clear | encrypted |
//! |---|---|---|
//! | `protection_requests` | case, urgent flag, time (to the hour) | persons, interests, situation |
//! | `retaliation_reports` | case, time (to the hour) | what happened, when |
//!
//! Both come from the reporter, so their times are rounded down to the hour
//! and the audit names the actor only as `reporter`, with no content.

mod labels;
mod protection_requests;
mod record;
mod retaliation_reports;

pub use protection_requests::StoredProtectionRequest;
pub use retaliation_reports::StoredRetaliationReport;
