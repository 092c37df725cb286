//! Attachment blobs: encrypted files on the filesystem, committed together with
//! the database rows that reference them.
//!
//! # Crash safety
//!
//! A file is encrypted as a stream into `blobs/tmp/<random>` ([`BlobWriter`]),
//! fsynced, and becomes a [`StagedBlob`]. Only inside the write transaction
//! that inserts its `attachments` row, right before commit, is it renamed to
//! `blobs/<blob id>` and the directory fsynced. So:
//!
//! - a crash while uploading leaves only a file in `tmp/`;
//! - a rejected submission drops its staged blobs, which removes their files;
//! - a failed commit removes the renamed files (after checking that no row
//!   references them, since a commit can succeed and still report an error);
//! - a crash **between the rename and the commit** leaves a blob that no row
//!   references. That window cannot be closed without a two-phase protocol
//!   between the filesystem and the database; instead, [`sweep_orphans`] at
//!   start removes everything in `tmp/` and every blob file without a row.
//!
//! The reverse (a row whose file is missing) cannot happen: the file is durable
//! before the row is committed.
//!
//! Blob files are named by random ids: no file name, case id or media type
//! appears on disk. Their contents are the vault's STREAM format under the case
//! key, bound to the case and attachment ids.

mod blob_error;
mod blob_store;
mod blob_writer;
mod promotion;
mod sweep;

pub use blob_error::BlobError;
pub use blob_store::BlobStore;
pub use blob_writer::{BlobWriter, StagedBlob};
pub(crate) use promotion::PromotedBlobs;
pub use sweep::{SweepError, SweepReport, sweep_orphans};
