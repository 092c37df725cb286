//! Intake: a report as a whistleblower or an intake officer types it, checked
//! field by field, and the rules for the files that come with it.
//!
//! Everything here is pure. [`NewReport::parse`] turns a [`ReportDraft`] (the
//! raw strings, kept for re-display) into a validated [`NewReport`], or into
//! [`FieldErrors`] that name **every** bad field at once, each with a Vietnamese
//! and an English message, so a form can be corrected in one pass.
//!
//! Types that hold what a reporter wrote or who they are ([`ReportDraft`],
//! [`NewReport`], [`ReportContent`], [`ReporterIdentity`], …) have no `Debug`
//! and are wiped from memory when dropped: they must never reach a log line.
//!
//! An anonymous report is not a formal denunciation (LTC Art. 25): see
//! [`Handling`].
//!
//! Wording: a report that gives no name is **"nặc danh"** on every screen and in
//! every document. LTC Art. 25 describes it as information "không rõ họ tên, địa
//! chỉ", and "nặc danh" is the term official guidance uses for it. "Ẩn danh" reads
//! as hiding one's identity while being named, which is what the sealed identity of
//! a *named* reporter is, so the templates do not use it for anonymous reports
//! (a test in `crates/web/tests/skeleton.rs` greps the templates for it). Where
//! the sealed identity of a named reporter is meant, the screens say "danh tính
//! được niêm phong" / "che danh tính".

mod accused;
mod attachment_error;
mod attachment_name;
mod channel;
mod field_errors;
mod free_text;
mod handling;
pub mod limits;
mod media_type;
mod message_body;
mod new_report;
mod public_status;
mod report_draft;
mod report_kind;
mod reporter_identity;
mod tracking_number;

pub use accused::Accused;
pub use attachment_error::{AttachmentError, AttachmentLimits};
pub use attachment_name::AttachmentName;
pub use channel::Channel;
pub use field_errors::{FieldErrors, ReportFieldError};
pub use handling::Handling;
pub use media_type::{MediaType, SNIFF_LEN, sniff_media_type};
pub use message_body::MessageBody;
pub use new_report::{NewReport, ReportContent};
pub use public_status::PublicStatus;
pub use report_draft::{AccusedDraft, IdentityDraft, ReportDraft};
pub use report_kind::ReportKind;
pub use reporter_identity::{ReporterIdentities, ReporterIdentity};
pub use tracking_number::TrackingNumber;
