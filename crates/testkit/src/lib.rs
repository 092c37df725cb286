//! Test harness: fresh databases on either backend, and a real server on port 0.
//!
//! PostgreSQL tests read `KHIEN_TEST_DATABASE_URL` (an account allowed to create
//! databases, e.g. `postgres://postgres@127.0.0.1:55432/postgres`, which
//! `scripts/test` provides) and create one uniquely named database per test.
#![forbid(unsafe_code)]

mod both_backends;
mod fresh_database;
mod smtp_sink;
mod spawn_app;
mod staff_client;
mod staff_fixtures;

pub use fresh_database::{TestDatabase, fresh_database, open_test_store};
pub use khien_store::Backend;
pub use khien_web::ServerSettings;
pub use smtp_sink::{ReceivedMail, SmtpSink};
pub use spawn_app::{TestApp, spawn_app, spawn_app_with};
pub use staff_client::StaffClient;
pub use staff_fixtures::{TEST_PASSWORD, TestUser, current_step};
