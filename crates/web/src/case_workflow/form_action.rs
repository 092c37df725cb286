//! A console form (`application/x-www-form-urlencoded`) read as a case action.
//!
//! Forms carry the same fields as the JSON API, flattened: checkboxes for the
//! acceptance conditions (`conditions.capacity=on`), repeated fields for lists
//! (`criteria=…&criteria=…`), one measure per line, and empty fields for "not given".

use serde_json::{Map, Value, json};

use super::action::CaseAction;
use crate::AppError;

/// Fields that hold a list.
const LISTS: [&str; 2] = ["criteria", "verifiers"];
/// Checkbox fields (absent = false).
const FLAGS: [&str; 1] = ["false_report_flag"];
/// Numbers.
const NUMBERS: [&str; 3] = ["amount_to_recover_vnd", "persons_to_discipline", "days"];
/// The four conditions of acceptance, as checkboxes.
const CONDITIONS: [&str; 4] = [
    "formalities_met",
    "capacity",
    "competent",
    "identifies_violation",
];

/// Reads the form's fields (the CSRF token already checked and removed).
pub fn action_from_form(fields: &[(String, String)]) -> Result<CaseAction, AppError> {
    let mut object = Map::new();
    for (name, value) in fields {
        let value = value.trim();
        if let Some(condition) = name.strip_prefix("conditions.") {
            let conditions = object.entry("conditions").or_insert_with(|| json!({}));
            conditions[condition] = json!(!value.is_empty());
        } else if LISTS.contains(&name.as_str()) {
            if !value.is_empty() {
                let list = object.entry(name.clone()).or_insert_with(|| json!([]));
                if let Value::Array(items) = list {
                    items.push(json!(value));
                }
            }
        } else if name == "measures" {
            let lines: Vec<&str> = value
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            object.insert(name.clone(), json!(lines));
        } else if FLAGS.contains(&name.as_str()) {
            object.insert(name.clone(), json!(!value.is_empty()));
        } else if NUMBERS.contains(&name.as_str()) {
            if !value.is_empty() {
                let digits: String = value
                    .chars()
                    .filter(|c| !matches!(c, '.' | ',' | ' '))
                    .collect();
                let number: u64 = digits.parse().map_err(|_| AppError::BadRequest {
                    field: None,
                    message: format!("{name}: cần một số / a number is needed"),
                })?;
                object.insert(name.clone(), json!(number));
            }
        } else if name == "ground" {
            let ground = match value {
                "withdrawal" => json!({"type": "withdrawal", "exception_applies": null}),
                other => json!({"type": other}),
            };
            object.insert(name.clone(), ground);
        } else if !value.is_empty() {
            object.insert(name.clone(), json!(value));
        }
    }
    if object.get("action").and_then(Value::as_str) == Some("accept") {
        let conditions = object.entry("conditions").or_insert_with(|| json!({}));
        for condition in CONDITIONS {
            if conditions.get(condition).is_none() {
                conditions[condition] = json!(false);
            }
        }
    }
    if object.get("action").and_then(Value::as_str) == Some("extend")
        && !object.contains_key("criteria")
    {
        object.insert("criteria".into(), json!([]));
    }
    if object.get("action").and_then(Value::as_str) == Some("assign_verifiers")
        && !object.contains_key("verifiers")
    {
        object.insert("verifiers".into(), json!([]));
    }
    CaseAction::from_json(Value::Object(object))
}
