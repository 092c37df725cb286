//! The case workflow on the web: actions staff record (API and console forms), and
//! how a case's stage, history and deadlines are shown.

mod action;
mod available;
mod event_words;
mod form_action;
mod forward_target;
mod perform;
mod reporter_notices;
mod views;

pub use action::{CaseAction, forward_recipient};
pub use available::{available_actions, owed_notices};
pub use event_words::{criterion_label, event_detail, event_label};
pub use form_action::action_from_form;
pub use perform::{clock_context, perform_action, workflow_failure};
pub use reporter_notices::reporter_notices;
pub use views::{deadline_json, events_json};
