//! Intake: storing a new report, encrypted, and everything that follows on the
//! same pipeline until the workflow takes over — the unit's inbox, the
//! reporter's return with their receipt, messages both ways, more files.
//!
//! # What is stored, and under which key
//!
//! | table | in clear | encrypted |
//! |---|---|---|
//! | `cases` | id, tracking number, unit, kind, channel, anonymous flag, protection flag, dates, HMAC of the receipt, KDF salt | report JSON (subject, content, when/where, accused) under the case key |
//! | `case_key_seals` | holder | the case key, sealed to the unit key and under the reporter's key |
//! | `case_identities` | k and n | identity JSON (all signatories) under the identity key |
//! | `identity_seals` | holder, share id | the identity key: reporter, intake key (until acceptance), one Shamir share per custodian |
//! | `case_messages` | author kind, staff author, order, time | the body under the case key |
//! | `attachments` | size, blob id, author | name and media type under the case key; the file is a STREAM blob under the case key |
//!
//! The keys and who holds them are `khien_vault::case_keys`; every ciphertext
//! is bound to its case and place by associated data (`case_labels`).
//!
//! # Anonymity
//!
//! A reporter's own actions (web submission, message, file) are stored with
//! times rounded down to the hour. Audit entries name the reporter only as
//! `reporter` and hold ids and counts, never content, names or identity.
//!
//! # Custodians
//!
//! The identity key is split k-of-n among the enabled users with the
//! `custodian` role in the handling unit, k = min(2, n). With one custodian,
//! k = 1 (that custodian alone can open it, like the intake key); with none,
//! `case_identities.share_count = 0` records that no shares exist, and after the
//! acceptance decision only the reporter can open the identity. The unit may
//! set another k (`crate::disclosure`); when there are fewer custodians than
//! wanted, k is lowered to their number and the wanted k is recorded
//! (`case_identities.threshold_wanted`). Custodians added later get shares of
//! older cases only by a re-share that k current holders make
//! (`crate::disclosure`, `khien_vault::reshare`).

mod attachment_meta;
mod attachments;
mod author;
pub(crate) mod case_labels;
mod case_reading;
pub(crate) mod case_summary;
pub(crate) mod coarse_time;
mod ids;
mod inbox;
mod intake_error;
mod intake_unit;
mod messages;
mod pending_case;
mod reporter_access;
mod submit;

pub(crate) use attachment_meta::AttachmentMeta;
pub use attachments::{AttachmentBlob, AttachmentInfo, decrypt_attachment_to};
pub use author::Author;
pub(crate) use case_reading::{destroy_intake_seals_in, read_report};
pub use case_summary::CaseSummary;
pub use ids::{AttachmentId, CaseId, IdentityRequestId, MessageId, NotificationId};
pub use inbox::{InboxCursor, InboxPage};
pub use intake_error::IntakeError;
pub use messages::Message;
pub use pending_case::PendingCase;
pub(crate) use reporter_access::open_identity_document;
pub use reporter_access::{ReporterAccess, ReporterCaseSeal, unlock_as_reporter};
pub use submit::{Submission, SubmittedCase};
