//! Prometheus metrics, served on an address of their own (`metrics_listen`, off by
//! default) so that the public listener never shows them.
//!
//! What is measured never identifies anyone: labels are route patterns (never a
//! concrete path, which may hold a case id), methods, status codes, channels and
//! outcomes — never a user, a case, a receipt or an address. A test scrapes the
//! exporter after real traffic and checks every label value against that rule.

mod exporter;
mod http_layer;
mod recorder;

pub use exporter::serve_metrics;
pub use http_layer::record_request;
pub use recorder::install_recorder;

/// Requests answered, by route pattern, method and status.
pub const HTTP_REQUESTS: &str = "khien_http_requests_total";
/// Time to answer, by route pattern and method.
pub const HTTP_DURATION: &str = "khien_http_request_duration_seconds";
/// Reports stored, by channel.
pub const REPORTS_SUBMITTED: &str = "khien_reports_submitted_total";
/// Key derivations waiting for a core.
pub const ARGON_QUEUE: &str = "khien_argon_queue_depth";
/// Time a key derivation waited for a core.
pub const ARGON_WAIT: &str = "khien_argon_wait_seconds";
/// Reminder job runs, by outcome (`ok`, `failed`).
pub const REMINDER_RUNS: &str = "khien_reminder_runs_total";
/// Time a reminder run took.
pub const REMINDER_DURATION: &str = "khien_reminder_run_duration_seconds";
/// Notifications the reminder job created.
pub const NOTIFICATIONS: &str = "khien_notifications_created_total";
/// Reminder and alarm emails, by outcome (`sent`, `failed`).
pub const EMAILS: &str = "khien_emails_total";
/// Entries in the audit chain (read from the chain's head at each scrape).
pub const AUDIT_ENTRIES: &str = "khien_audit_entries";
/// Database connections open, and idle among them (at each scrape).
pub const DB_CONNECTIONS: &str = "khien_db_pool_connections";
pub const DB_IDLE: &str = "khien_db_pool_idle_connections";
