//! The case workflow: appending events to a case file, reading its history, and
//! keeping the clock columns of `cases` (stage, next due date, assignee) in step
//! with the fold of its events.
//!
//! # What is stored, and under which key
//!
//! | table | in clear | encrypted |
//! |---|---|---|
//! | `case_events` | kind, dates, recording unit and user, the event with free text replaced ([`CaseEvent::redacted`]) | the whole event JSON under the case key |
//! | `cases` (clock columns) | stage, suspended flag, next due date and its kind, assignee | — |
//! | `case_documents` | type, number, unit, year | the DOCX under the case key |
//! | `staff_notifications` | who, which case, which deadline, when | — (no content) |
//!
//! The receipt is the `cases` row itself: the history of a case is the
//! `Received` event rebuilt from that row, then `case_events` in order. Every
//! append folds the whole history through [`khien_domain::case_file::apply`], so
//! the store never holds a history the law refuses; the rejection names the rule.
//! The redacted form is what lets the inbox, the reminder job and a superior unit
//! follow a case's deadlines without any key.
//!
//! [`CaseEvent::redacted`]: khien_domain::case_file::CaseEvent::redacted

mod append;
mod clock;
mod clock_context;
mod documents;
mod history;
mod inbox_filter;
mod notifications;
mod overdue_below;
mod receiving_units;
mod workflow_error;

pub use append::{NewCaseEvent, RecordedEvent};
pub use clock::{CaseClock, FoldedCase};
pub use clock_context::ClockContext;
pub use documents::{DocumentId, DocumentInfo, IssueError, NewDocument};
pub use history::StoredEvent;
pub use inbox_filter::InboxFilter;
pub use notifications::{DueCase, DueNotification, NotificationKind, StaffNotification};
pub use overdue_below::{OverdueCursor, OverduePage};
pub use workflow_error::WorkflowError;
