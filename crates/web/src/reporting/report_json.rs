//! Figures and submissions as the API shows them.

use khien_domain::reporting::{INDICATOR_LINES, Indicators};
use serde_json::{Map, Value, json};

use super::submission_status::UnitSubmission;
use khien_store::accounts::Unit;

/// Every line of the table by its key, totals included.
pub fn indicators_json(indicators: &Indicators) -> Value {
    let mut map = Map::new();
    for line in INDICATOR_LINES {
        map.insert(line.key.into(), (line.value)(indicators).into());
    }
    map.insert("balances".into(), indicators.balances().into());
    Value::Object(map)
}

pub fn unit_json(unit: &Unit) -> Value {
    json!({ "code": unit.code.as_str(), "name": unit.name.as_str() })
}

/// A unit's status and, when submitted, its report. The submitter is named by id
/// only.
pub fn submission_json(row: &UnitSubmission) -> Value {
    json!({
        "unit": unit_json(&row.unit),
        "status": row.status.as_str(),
        "status_label": { "vi": row.status.label_vi(), "en": row.status.label_en() },
        "submission": row.submission.as_ref().map(|s| json!({
            "id": s.id.as_str(),
            "revision": s.revision,
            "submitted_at": s.submitted_at.to_rfc3339(),
            "submitted_by": s.submitted_by.as_str(),
            "reason": s.reason,
            "narrative": s.narrative,
            "indicators": indicators_json(&s.indicators),
        })),
    })
}
