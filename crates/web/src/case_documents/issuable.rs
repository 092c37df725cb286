//! Which documents a case can issue now, and the event each carries out.
//!
//! Each form follows one kind of event: the acceptance decision follows `accepted`,
//! and so on (see [`DocumentType::event_kind`]); once the event is in the file the
//! document can be issued, and issued again (a corrected version takes the next
//! number). The forwarding letter is the exception: the sending unit loses the case
//! when it forwards it, so the letter is issued in the same request as the forwarding
//! and is offered while the law allows forwarding.

use khien_domain::case_file::{CaseState, FoldContext};
use khien_store::workflow::StoredEvent;

use super::DocumentType;
use crate::AppError;
use crate::case_workflow::available_actions;

/// The types the case can issue now, in the order of the procedure.
pub fn issuable_types(
    history: &[StoredEvent],
    state: &CaseState,
    context: &FoldContext<'_>,
) -> Vec<DocumentType> {
    DocumentType::ALL
        .into_iter()
        .filter(|kind| match kind {
            DocumentType::ForwardingLetter => {
                available_actions(state, context).contains(&"forward")
            }
            other => history
                .iter()
                .any(|stored| stored.event.name() == other.event_kind()),
        })
        .collect()
}

/// The event a document of `kind` carries out: the one at `seq`, or the latest of
/// its kind. A case that has none cannot issue it yet (409).
pub fn event_for(
    history: &[StoredEvent],
    kind: DocumentType,
    seq: Option<i64>,
) -> Result<&StoredEvent, AppError> {
    let wanted = kind.event_kind();
    match seq {
        Some(seq) => history
            .iter()
            .find(|stored| stored.seq == seq && stored.event.name() == wanted)
            .ok_or_else(|| AppError::BadRequest {
                field: Some("event_seq"),
                message: format!(
                    "bước {seq} của hồ sơ không phải là bước văn bản này thực hiện ({wanted}) / \
                     step {seq} of the case is not the step this document carries out ({wanted})"
                ),
            }),
        None => history
            .iter()
            .rev()
            .find(|stored| stored.event.name() == wanted)
            .ok_or_else(|| not_yet(kind)),
    }
}

/// Why a document cannot be issued at this stage.
pub fn not_yet(kind: DocumentType) -> AppError {
    let (vi, en) = match kind {
        DocumentType::AcceptanceDecision => (
            "hồ sơ chưa có quyết định thụ lý",
            "the case has no acceptance yet",
        ),
        DocumentType::NonAcceptanceNotice => (
            "hồ sơ chưa có quyết định không thụ lý",
            "the case was not refused",
        ),
        DocumentType::ForwardingLetter => (
            "không thể chuyển đơn ở giai đoạn này (chuyển đơn một lần, trước khi thụ lý — Điều \
             24 khoản 2 Luật Tố cáo)",
            "the case cannot be forwarded now (once, before acceptance — LTC Art. 24(2))",
        ),
        DocumentType::ExtensionDecision => (
            "hồ sơ chưa có quyết định gia hạn",
            "the case has not been extended",
        ),
        DocumentType::Conclusion => ("hồ sơ chưa có kết luận", "the case has not been concluded"),
    };
    AppError::Conflict {
        field: Some("type"),
        message: format!(
            "chưa thể phát hành {}: {vi} / the {} cannot be issued yet: {en}",
            kind.label_vi().to_lowercase(),
            kind.label_en().to_lowercase()
        ),
    }
}
