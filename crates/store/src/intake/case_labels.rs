//! The associated data that binds each ciphertext of a case to its place.
//!
//! A ciphertext copied into another case's row, or from one field to another,
//! fails to open instead of showing the wrong text. Key seals have their own
//! labels in `khien_vault::case_keys`.

use super::{AttachmentId, CaseId, MessageId};

/// The report document (subject, content, when/where, accused).
pub(crate) fn report(case_id: &CaseId) -> Vec<u8> {
    format!("khien/case/{case_id}/report").into_bytes()
}

/// The identity document.
pub(crate) fn identity(case_id: &CaseId) -> Vec<u8> {
    format!("khien/case/{case_id}/identity").into_bytes()
}

/// One message's body.
pub(crate) fn message(case_id: &CaseId, message_id: &MessageId) -> Vec<u8> {
    format!("khien/case/{case_id}/message/{message_id}").into_bytes()
}

/// One attachment's encrypted stream.
pub(crate) fn attachment_stream(case_id: &CaseId, attachment_id: &AttachmentId) -> Vec<u8> {
    format!("khien/case/{case_id}/attachment/{attachment_id}").into_bytes()
}

/// One attachment's name and media type.
pub(crate) fn attachment_meta(case_id: &CaseId, attachment_id: &AttachmentId) -> Vec<u8> {
    format!("khien/case/{case_id}/attachment/{attachment_id}/meta").into_bytes()
}

/// One event of the case file, by its place in the history.
pub(crate) fn event(case_id: &CaseId, seq: i64) -> Vec<u8> {
    format!("khien/case/{case_id}/event/{seq}").into_bytes()
}
