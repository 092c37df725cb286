//! The audit chain: who did what to which object, in a tamper-evident hash chain.
//!
//! Each entry commits to the one before it: `hash = SHA-256(seq, time, actor,
//! action, object, SHA-256(details), previous hash)`. Every `checkpoint_every`
//! entries, and at shutdown, the head is signed with the installation's Ed25519 key,
//! which is kept in the data directory, so that someone who can only write to the
//! database cannot rebuild the chain after changing it. [`verify`] recomputes
//! everything and names the first entry that does not match.

mod append;
mod checkpoint;
mod entry_hash;
mod head;
mod verify;

pub use append::{AuditRecord, REPORTER_ACTOR};
pub use checkpoint::Checkpoint;
pub use entry_hash::{HASH_LEN, checkpoint_message, details_hash, entry_hash};
pub use verify::{AuditFault, AuditVerdict, verify};
