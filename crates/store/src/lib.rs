//! Khiên's storage: one API over SQLite and PostgreSQL.
//!
//! Queries are written once, in portable SQL with `$1` placeholders, and run through
//! sqlx's `Any` driver; the two migration trees (`migrations/sqlite`,
//! `migrations/postgres`) are kept in step and a test compares the schemas they make.
//! On SQLite every write goes through a single connection, so writers queue instead
//! of failing with "database is locked"; reads use a pool beside it (WAL mode).
//!
//! Every write that matters goes through a [`WriteTx`], which appends to the
//! [audit chain](audit) in the same transaction.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod audit;
mod backend;
pub mod blobs;
pub mod calendar_files;
pub mod conflict_of_interest;
pub mod data_dir;
mod database_url;
pub mod disclosure;
mod error;
pub mod intake;
pub mod outcomes;
pub mod oversight;
pub mod protection;
pub mod reporting;
mod store;
pub mod timestamp;
pub mod tripwire;
pub mod workflow;
mod write_tx;

pub use backend::Backend;
pub use database_url::{DatabaseUrl, DatabaseUrlError};
pub use error::StoreError;
pub use store::{PoolUse, Store, StoreOptions};
pub use write_tx::WriteTx;

/// The sqlx connection type queries run on, for crates that add tables.
pub type Connection = sqlx::AnyConnection;
