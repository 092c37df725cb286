//! What staff send to issue a document (`POST /api/v1/cases/{id}/documents`, or the
//! console's form): its type and the facts the case's events do not hold.
//!
//! Everything else comes from the case: the report (the accused, the date received,
//! its subject), the event (the date signed, grounds, criteria, measures, amounts),
//! the fold (deadlines) and the unit (name, code, superior, head's title).

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::DocumentType;
use crate::AppError;

/// The request. Lists are one entry per line of the document.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// The form: `acceptance_decision`, `non_acceptance_notice`, `forwarding_letter`,
    /// `extension_decision`, `conclusion`.
    #[serde(rename = "type")]
    pub doc_type: String,
    /// The event the document carries out; default: the latest of its kind.
    pub event_seq: Option<i64>,

    /// Who signs: full name (required), title (default: the unit head's title).
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    /// Signing for the head: `kt` (deputy), `q` (acting), `tl`, `tuq`.
    pub signing_for: Option<String>,
    /// The resolver as the decision's authority line names them; default: the
    /// head's title and the unit's name.
    pub resolver_title: Option<String>,
    /// "Nơi nhận"; each form has a default.
    pub recipients: Option<Vec<String>>,
    /// Bases after the Law on Denunciation and Decree 31, without "Căn cứ".
    pub further_bases: Option<Vec<String>>,
    /// "Theo đề nghị của …".
    pub proposal: Option<String>,

    /// How the document addresses the person the report accuses: `ong`, `ba`, or
    /// `organisation` when the name is a body's.
    pub accused_honorific: Option<String>,
    /// How the document names the accused, replacing what the report says (needed
    /// when the report names several, or none).
    pub accused: Option<String>,
    /// What the petition alleges, in a sentence; default: the report's subject.
    pub summary: Option<String>,

    /// Acceptance decision and conclusion: the contents, one per line; default: the
    /// report's subject.
    pub contents: Option<Vec<String>>,
    /// Acceptance decision: who verifies ("Phòng Nghiệp vụ 1", or for a person
    /// "Lê Văn Cường, Thanh tra viên chính" with `verifier_honorific`).
    pub verifier: Option<String>,
    pub verifier_honorific: Option<String>,
    /// Decisions: who carries them out.
    pub implementers: Option<Vec<String>>,

    /// Non-acceptance notice: the denouncer, when their identity is not open to the
    /// caller; `addressee_honorific` is always needed.
    pub addressee_name: Option<String>,
    pub addressee_address: Option<String>,
    pub addressee_honorific: Option<String>,
    /// Non-acceptance notice: the unmet conditions of LTC Art. 29(1):
    /// `formalities_not_met`, `no_civil_capacity`, `no_identifiable_violation`,
    /// `complaint_resolver_without_evidence`.
    pub grounds: Option<Vec<String>>,
    /// What the petition lacks (for `formalities_not_met`); default: the grounds
    /// recorded with the decision.
    pub missing: Option<String>,

    /// Forwarding letter: the receiving unit's code; the case is forwarded in the
    /// same request.
    pub to_unit: Option<String>,
    /// Forwarding letter: instead of `to_unit`, an agency outside the tree by name; the
    /// letter goes on paper and the case is forwarded outside Khiên.
    pub to_agency: Option<String>,
    /// Forwarding letter: the date signed (default today, never later).
    pub decided_on: Option<NaiveDate>,
    /// Forwarding letter: the body addressed; default: the receiving unit's name.
    pub competent_body: Option<String>,
    /// Forwarding letter: why the matter is the addressee's, with its legal basis.
    pub reason: Option<String>,
    /// Forwarding letter: the drafting unit's symbol in the number ("05/TTT-VP").
    pub drafting_unit: Option<String>,

    /// Conclusion: the verification report it rests on.
    pub verification_report: Option<String>,
    /// Conclusion: what the sum to recover is.
    pub recovery_description: Option<String>,
    /// Conclusion: the investigation agency the file goes to, if any.
    pub criminal_referral: Option<String>,
}

/// Fields that hold one entry per line (a textarea) or repeated fields (checkboxes).
const LISTS: [&str; 5] = [
    "recipients",
    "further_bases",
    "contents",
    "implementers",
    "grounds",
];

impl DocumentRequest {
    /// The form it asks for.
    pub fn document_type(&self) -> Result<DocumentType, AppError> {
        DocumentType::parse(&self.doc_type).ok_or_else(|| AppError::BadRequest {
            field: Some("type"),
            message: format!(
                "loại văn bản không hợp lệ / unknown document type {:?} (types: {})",
                self.doc_type,
                DocumentType::ALL.map(DocumentType::code).join(", ")
            ),
        })
    }

    /// Reads a request from JSON, naming what is wrong.
    pub fn from_json(value: Value) -> Result<DocumentRequest, AppError> {
        serde_json::from_value(value).map_err(|error| AppError::BadRequest {
            field: Some("type"),
            message: format!("yêu cầu không hợp lệ / invalid request: {error}"),
        })
    }

    /// Reads a console form (the CSRF token already checked and removed): empty
    /// fields are "not given", textareas give one entry per line.
    pub fn from_form(fields: &[(String, String)]) -> Result<DocumentRequest, AppError> {
        let mut object = Map::new();
        for (name, value) in fields {
            let value = value.trim();
            if LISTS.contains(&name.as_str()) {
                let list = object.entry(name.clone()).or_insert_with(|| json!([]));
                if let Value::Array(items) = list {
                    items.extend(
                        value
                            .lines()
                            .map(str::trim)
                            .filter(|line| !line.is_empty())
                            .map(|line| json!(line)),
                    );
                }
            } else if name == "event_seq" {
                if let Ok(seq) = value.parse::<i64>() {
                    object.insert(name.clone(), json!(seq));
                }
            } else if !value.is_empty() {
                object.insert(name.clone(), json!(value));
            }
        }
        DocumentRequest::from_json(Value::Object(object))
    }
}

/// The non-empty, trimmed lines of an optional list.
pub(super) fn lines(list: &Option<Vec<String>>) -> Vec<String> {
    list.iter()
        .flatten()
        .flat_map(|entry| entry.lines())
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An optional text, trimmed, `None` when empty.
pub(super) fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, value: &str) -> (String, String) {
        (name.to_owned(), value.to_owned())
    }

    #[test]
    fn a_form_becomes_a_request_with_lists_by_line() {
        let request = DocumentRequest::from_form(&[
            field("type", "acceptance_decision"),
            field("signer_name", " Nguyễn Văn An "),
            field("signer_title", ""),
            field("contents", "Nội dung 1\r\n\r\nNội dung 2\n"),
            field("grounds", "no_civil_capacity"),
            field("grounds", "no_identifiable_violation"),
            field("event_seq", "3"),
        ])
        .unwrap();
        assert_eq!(
            request.document_type().unwrap(),
            DocumentType::AcceptanceDecision
        );
        assert_eq!(text(&request.signer_name).as_deref(), Some("Nguyễn Văn An"));
        assert_eq!(request.signer_title, None);
        assert_eq!(lines(&request.contents), ["Nội dung 1", "Nội dung 2"]);
        assert_eq!(lines(&request.grounds).len(), 2);
        assert_eq!(request.event_seq, Some(3));
    }

    #[test]
    fn unknown_types_and_fields_are_named() {
        let request = DocumentRequest::from_json(json!({"type": "memo"})).unwrap();
        let error = request.document_type().unwrap_err();
        assert!(error.to_string().contains("acceptance_decision"), "{error}");
        let error =
            DocumentRequest::from_json(json!({"type": "conclusion", "colour": 1})).unwrap_err();
        assert!(error.to_string().contains("colour"), "{error}");
    }
}
