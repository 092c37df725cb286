//! Cases as the API shows them, to staff and to the reporter.

use khien_store::intake::{AttachmentInfo, Author, CaseSummary, Message};
use serde_json::{Value, json};

use crate::AppState;
use crate::next_step::next_statutory_step;

/// What is public about a case, with its stage and next statutory step (from the
/// clock columns; the case page adds the whole list of deadlines).
pub fn summary_json(state: &AppState, case: &CaseSummary) -> Value {
    let step = next_statutory_step(state, case);
    json!({
        "id": case.id.to_string(),
        "tracking_number": case.tracking_number.as_str(),
        "kind": case.kind.as_str(),
        "channel": case.channel.as_str(),
        "anonymous": case.anonymous,
        "wants_protection": case.wants_protection,
        "received_on": case.received_on.to_string(),
        "state": case.stage.code(),
        "stage": {"vi": case.stage.label_vi(), "en": case.stage.label_en()},
        "suspended": case.suspended,
        "assignee": case.assignee.as_ref().map(|a| a.as_str()),
        "status": {"vi": case.status.label_vi(), "en": case.status.label_en()},
        "next_step": {"vi": step.text_vi, "en": step.text_en, "due": step.due.map(|d| d.to_string())},
        "next_due": case.next_due.map(|(kind, due)| json!({"kind": kind.code(), "due": due.to_string()})),
    })
}

/// A file's description (no content).
pub fn attachment_json(info: &AttachmentInfo) -> Value {
    json!({
        "id": info.id.to_string(),
        "name": info.name.as_str(),
        "media_type": info.media_type.mime(),
        "size": info.size,
    })
}

/// A message; the reporter sees staff as "staff", never a name.
pub fn message_json(message: &Message) -> Value {
    json!({
        "id": message.id.to_string(),
        "author": match message.author { Author::Reporter => "reporter", Author::Staff(_) => "staff" },
        "created_at": message.created_at.to_rfc3339(),
        "body": message.body,
        "attachments": message.attachments.iter().map(attachment_json).collect::<Vec<_>>(),
    })
}
