//! How the reminder job is set up.

use std::time::Duration;

/// Where reminder emails go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    /// `smtp://host:port` (plain, for a relay on the same host or network),
    /// `smtp://host:port?tls=required` (STARTTLS) or `smtps://host:port`.
    pub url: String,
    /// The sender address.
    pub from: String,
}

/// The reminder job's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderSettings {
    /// Working days before a due date at which the handler is reminded; `0` is the
    /// day itself.
    pub points_working_days: Vec<u32>,
    /// How often the job runs.
    pub interval: Duration,
    /// Email, if configured; the in-app notifications are left either way.
    pub smtp: Option<SmtpSettings>,
    /// The console's public address, for links in emails (`https://khien.example.vn`).
    pub public_url: Option<String>,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            points_working_days: vec![3, 0],
            interval: Duration::from_secs(300),
            smtp: None,
            public_url: None,
        }
    }
}
