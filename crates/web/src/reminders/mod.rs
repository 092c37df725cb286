//! The reminder job: every few minutes it brings the case clocks up to date, leaves
//! reminders for handlers as deadlines near, escalates overdue cases to the unit's
//! head and to the superior unit (LTC Art. 38), and emails what it left to those who
//! gave an address.

mod job;
mod mailer;
mod reminder_run;
mod reminder_settings;

pub use job::spawn_reminder_job;
pub use mailer::{MailError, Mailer};
pub use reminder_run::{ReminderRun, run_reminders};
pub use reminder_settings::{ReminderSettings, SmtpSettings};
