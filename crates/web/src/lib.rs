//! Khiên's HTTP side: the public portal, the staff console and `/api/v1`.
//!
//! Pages are rendered on the server with auto-escaping templates (askama) and work
//! without JavaScript; nothing is loaded from another host. Every response carries
//! the security headers of [`security_headers`], and request logs never hold a
//! client address or user agent ([`request_log`]).
#![forbid(unsafe_code)]

pub mod api;
mod app_error;
pub mod argon_pool;
mod attachment_download;
mod case_access;
mod case_documents;
mod case_messages;
mod case_workflow;
pub mod conflict_of_interest;
mod console;
mod cookie_value;
mod disclosure_access;
mod document_place;
mod form_cookie;
mod health;
mod inbox_query;
mod intake_form;
mod language;
mod legal_basis;
mod login_attempt;
mod login_throttle;
mod next_step;
mod organisation_tree;
mod outcomes;
mod oversight;
mod pages;
pub mod person_indexes;
mod portal;
mod protection;
pub mod reminders;
mod reporter_session;
mod reporting;
mod request_log;
pub mod security_headers;
mod server;
pub mod server_metrics;
mod source_key;
mod source_slowdown;
mod staff_identity;
pub mod staff_session;
mod startup;
mod state;
mod static_assets;
mod tripwire;
mod vietnam_time;

pub use app_error::AppError;
pub use login_throttle::{DEFAULT_ALLOWED_FAILURES, LoginThrottle};
pub use server::{route_paths, router, serve};
pub use startup::{
    Access, Application, DEFAULT_IDENTITY_REQUEST_LIFETIME, OpenedStore, ServerSettings,
    StartupError, open_store,
};
pub use state::AppState;
