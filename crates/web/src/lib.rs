//! Khiên's HTTP side: the public portal, the staff console and `/api/v1`.
//!
//! Pages are rendered on the server with auto-escaping templates (askama) and work
//! without JavaScript; nothing is loaded from another host. Every response carries
//! the security headers of [`security_headers`], and request logs never hold a
//! client address or user agent ([`request_log`]).
#![forbid(unsafe_code)]

pub mod api;
mod app_error;
mod console;
mod health;
mod language;
mod login_attempt;
mod login_throttle;
mod pages;
mod request_log;
pub mod security_headers;
mod server;
pub mod staff_session;
mod startup;
mod state;
mod static_assets;

pub use app_error::AppError;
pub use login_throttle::{DEFAULT_ALLOWED_FAILURES, LoginThrottle};
pub use server::{route_paths, router, serve};
pub use startup::{Access, Application, OpenedStore, ServerSettings, StartupError, open_store};
pub use state::AppState;
