//! A case's protection as JSON: whole for staff, and the reporter's part
//! (their measures, never a staff member's name).

use khien_domain::protection::{
    AppliedMeasures, CheckInAnswer, DecisionOutcome, ProtectionDeadline,
};
use khien_store::protection::{StoredCheckIn, StoredDecision, StoredEnd};
use serde_json::{Value, json};

use super::case_protection::{CaseProtection, RequestView};
use crate::language::Language;

fn labels(vi: &str, en: &str) -> Value {
    json!({ "vi": vi, "en": en })
}

fn status_labels(view: &RequestView) -> Value {
    labels(&view.status(Language::Vi), &view.status(Language::En))
}

/// A deadline row.
pub fn deadline_json(deadline: &ProtectionDeadline) -> Value {
    json!({
        "step": deadline.step.as_str(),
        "step_label": labels(deadline.step.label_vi(), deadline.step.label_en()),
        "body": deadline.body.as_str(),
        "starts_on": deadline.starts_on.to_string(),
        "due": deadline.due.map(|due| due.to_string()),
        // No day count in the law: "promptly" (kịp thời), or in an emergency "immediately".
        "promptly": deadline.due.is_none(),
        "immediately": deadline.immediately,
        "days_left": deadline.days_left,
        "overdue": deadline.is_overdue(),
        "basis": deadline.basis,
        "basis_vi": deadline.basis_vi,
        "verified": deadline.verified,
        "open": deadline.open,
        "done_on": deadline.done_on.map(|on| on.to_string()),
    })
}

fn measures_json(measures: &AppliedMeasures) -> Value {
    json!({
        "measures": measures.measures.iter().map(|m| json!({
            "code": m.as_str(),
            "label": labels(m.label_vi(), m.label_en()),
            "group": labels(m.group().label_vi(), m.group().label_en()),
        })).collect::<Vec<_>>(),
        "other_measures": measures.other,
        "implemented_by": measures.implemented_by,
        "starts_on": measures.starts_on.to_string(),
        "check_in_every_days": measures.check_in_every_days,
    })
}

fn end_json(end: &StoredEnd, with_staff: bool) -> Value {
    let mut value = json!({
        "reason": end.reason.as_str(),
        "reason_label": labels(end.reason.label_vi(), end.reason.label_en()),
        "ended_on": end.ended_on.to_string(),
    });
    if with_staff {
        value["note"] = json!(end.note);
        value["by"] = json!(end.by);
        value["at"] = json!(end.at.to_rfc3339());
    }
    value
}

/// A decision as staff see it.
pub fn decision_json(decision: &StoredDecision) -> Value {
    let d = &decision.decision;
    let mut value = json!({
        "id": decision.id.as_str(),
        "outcome": d.outcome.code(),
        "body": d.body.as_str(),
        "body_label": labels(d.body.label_vi(), d.body.label_en()),
        "decided_on": d.decided_on.to_string(),
        "decided_by": decision.decided_by,
        "recorded_at": decision.recorded_at.to_rfc3339(),
        "ended": decision.ended.as_ref().map(|end| end_json(end, true)),
    });
    match &d.outcome {
        DecisionOutcome::Measures(measures) => {
            if let (Some(object), Value::Object(more)) =
                (value.as_object_mut(), measures_json(measures))
            {
                object.extend(more);
            }
        }
        DecisionOutcome::Refusal { reasons } => value["reasons"] = json!(reasons),
    }
    value
}

fn answer_json(answer: CheckInAnswer) -> Value {
    labels(answer.label_vi(), answer.label_en())
}

/// A check-in answer.
pub fn check_in_json(check_in: &StoredCheckIn) -> Value {
    json!({
        "id": check_in.id.as_str(),
        "period": check_in.period,
        "answer": check_in.answer.as_str(),
        "answer_label": answer_json(check_in.answer),
        "answered_at": check_in.answered_at.to_rfc3339(),
        "note": check_in.note,
    })
}

/// One request, whole, for staff.
pub fn request_view_json(view: &RequestView) -> Value {
    let stored = &view.stored;
    json!({
        "id": stored.id,
        "created_at": stored.created_at.to_rfc3339(),
        "received_on": stored.received_on.to_string(),
        "urgent": stored.urgent,
        "channel": stored.channel.as_str(),
        "channel_label": labels(stored.channel.label_vi(), stored.channel.label_en()),
        "recorded_by": stored.recorded_by,
        "written_confirmation": {
            "needed": stored.channel.needs_written_confirmation(),
            "confirmed_on": stored.confirmed_in_writing_on.map(|on| on.to_string()),
        },
        "persons": stored.request.persons.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        "interests": stored.request.interests.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        "situation": stored.request.situation,
        "id_numbers_for": stored.request.id_numbers.iter().map(|n| n.person.as_str()).collect::<Vec<_>>(),
        "assessment": {
            "corruption_or_waste": stored.assessment.corruption_or_waste,
            "complex": stored.assessment.complex,
        },
        "routing": view.routed.iter().map(|routed| json!({
            "body": routed.body.as_str(),
            "label": labels(routed.body.label_vi(), routed.body.label_en()),
            "interests": routed.interests.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
            "if_within_own_management": routed.if_within_own_management.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "deadlines": view.deadlines.iter().map(deadline_json).collect::<Vec<_>>(),
        "status": view.status_code(),
        "status_label": status_labels(view),
        "decision": view.decision.as_ref().map(decision_json),
        "check_ins": view.check_ins.iter().map(check_in_json).collect::<Vec<_>>(),
        "open_check_in": view.open_check_in.map(|period| json!({
            "period": period.index,
            "opens_on": period.opens_on.to_string(),
        })),
    })
}

/// A case's protection, whole, for staff.
pub fn case_protection_json(protection: &CaseProtection) -> Value {
    json!({
        "requests": protection.requests.iter().map(request_view_json).collect::<Vec<_>>(),
    })
}

/// The reporter's measures: what, who carries them out, since when, and
/// whether they still run. No staff member is named.
pub fn reporter_measures_json(protection: &CaseProtection) -> Value {
    json!(
        protection
            .requests
            .iter()
            .filter_map(|view| {
                let decision = view.decision.as_ref()?;
                let measures = decision.decision.measures()?;
                let mut value = measures_json(measures);
                value["request"] = json!(view.stored.id);
                value["decided_on"] = json!(decision.decision.decided_on.to_string());
                value["status"] = json!(view.status_code());
                value["status_label"] = status_labels(view);
                value["ended"] = json!(decision.ended.as_ref().map(|end| end_json(end, false)));
                Some(value)
            })
            .collect::<Vec<_>>()
    )
}

/// The questions open for the reporter: "are you safe?", per running measures.
pub fn reporter_open_check_ins_json(protection: &CaseProtection) -> Value {
    json!(
        protection
            .requests
            .iter()
            .filter_map(|view| view.open_check_in.map(|period| json!({
                "request": view.stored.id,
                "period": period.index,
                "opens_on": period.opens_on.to_string(),
                "question": labels("Bạn có an toàn không?", "Are you safe?"),
                "answers": CheckInAnswer::ALL.iter().map(|a| json!({
                    "code": a.as_str(),
                    "label": answer_json(*a),
                })).collect::<Vec<_>>(),
            })))
            .collect::<Vec<_>>()
    )
}

/// The reporter's own requests' status, and a refusal's reasons (the written
/// refusal is addressed to them, LTC Art. 52), by request id.
pub fn reporter_request_status(view: &RequestView) -> (Value, Option<String>) {
    let reasons = view
        .decision
        .as_ref()
        .and_then(|d| match &d.decision.outcome {
            DecisionOutcome::Refusal { reasons } => Some(reasons.clone()),
            DecisionOutcome::Measures(_) => None,
        });
    (status_labels(view), reasons)
}
