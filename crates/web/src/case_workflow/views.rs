//! A case's deadlines and history as JSON.

use khien_domain::case_file::Deadline;
use khien_store::workflow::StoredEvent;
use serde_json::{Value, json};

/// One deadline, with its step in both languages.
pub fn deadline_json(deadline: &Deadline) -> Value {
    json!({
        "kind": deadline.kind.code(),
        "vi": deadline.kind.label_vi(),
        "en": deadline.kind.label_en(),
        "starts_on": deadline.starts_on.to_string(),
        "due": deadline.due.to_string(),
        "days_left": deadline.days_left,
        "open": deadline.open,
        "overdue": deadline.is_overdue(),
        "done_on": deadline.done_on.map(|d| d.to_string()),
        "met": deadline.met(),
        "paused": deadline.paused,
        "basis": deadline.basis,
        "basis_vi": deadline.basis_vi,
        "verified": deadline.verified,
    })
}

/// One entry of the history: the event's own fields (its `kind` tag included), its
/// place, and who recorded it.
pub fn event_json(stored: &StoredEvent) -> Value {
    let mut value = serde_json::to_value(&stored.event).unwrap_or_else(|_| json!({}));
    value["seq"] = json!(stored.seq);
    value["recorded_by_unit"] = json!(stored.unit_id.as_str());
    value["recorded_by"] = json!(stored.actor.as_ref().map(|a| a.as_str()));
    value["recorded_at"] = json!(stored.recorded_at.to_rfc3339());
    value
}

/// A whole history.
pub fn events_json(events: &[StoredEvent]) -> Value {
    Value::Array(events.iter().map(event_json).collect())
}
