//! The "Văn bản / Documents" part of the console's case page: a form for each
//! document the case can issue now, and the documents issued so far.

use khien_domain::accounts::Role;
use khien_store::intake::CaseId;

use crate::case_documents::{DocumentType, file_name, issuable_types, type_of};
use crate::case_workflow::clock_context;
use crate::console::case_file_read::CaseFileRead;
use crate::language::Language;
use crate::staff_session::Staff;
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

/// A form for one document.
pub struct DocumentForm {
    /// The type's code (`acceptance_decision`).
    pub code: &'static str,
    pub label: &'static str,
    /// The date the document will bear: the event's, or today for a letter that
    /// forwards the case now.
    pub dated: String,
}

/// One issued document.
pub struct IssuedRow {
    pub id: String,
    pub label: String,
    pub number: String,
    pub issued_at: String,
    pub file_name: String,
}

/// Everything the section shows.
pub struct DocumentsView {
    pub forms: Vec<DocumentForm>,
    pub issued: Vec<IssuedRow>,
    /// The unit head's title: the signer's title unless they sign for the head.
    pub head_title: String,
    pub today: String,
    /// Why the last form sent was refused, and what it held (shown again).
    pub error: Option<String>,
    pub error_type: String,
    pub submitted: Vec<(String, String)>,
}

impl DocumentsView {
    /// The value a field of form `code` had when it was refused, for showing it again;
    /// otherwise `default`.
    pub fn value<'a>(&'a self, code: &str, field: &str, default: &'a str) -> &'a str {
        if self.error_type != code {
            return default;
        }
        self.submitted
            .iter()
            .find(|(name, _)| name == field)
            .map_or(default, |(_, value)| value.as_str())
    }

    /// Whether a checkbox or option of form `code` was chosen when it was refused.
    pub fn chosen(&self, code: &str, field: &str, value: &str) -> bool {
        self.error_type == code
            && self
                .submitted
                .iter()
                .any(|(name, given)| name == field && given == value)
    }

    /// Shows a refusal of the form `fields` held.
    pub fn refused(mut self, message: String, fields: Vec<(String, String)>) -> Self {
        self.error_type = fields
            .iter()
            .find(|(name, _)| name == "type")
            .map(|(_, value)| value.clone())
            .unwrap_or_default();
        self.error = Some(message);
        self.submitted = fields;
        self
    }
}

/// Builds the section for a case opened with its key.
pub async fn documents_view(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    case_id: &CaseId,
    file: &CaseFileRead,
) -> Result<DocumentsView, AppError> {
    let context = clock_context(state);
    let (history, folded) = (&file.history, &file.folded);
    let issues = [Role::Intake, Role::Handler, Role::Head]
        .iter()
        .any(|role| staff.has_role(*role));
    let forms = if issues {
        issuable_types(history, &folded.state, &context.fold())
            .into_iter()
            .map(|kind| DocumentForm {
                code: kind.code(),
                label: lang.pick(kind.label_vi(), kind.label_en()),
                dated: history
                    .iter()
                    .rev()
                    .find(|stored| {
                        kind != DocumentType::ForwardingLetter
                            && stored.event.name() == kind.event_kind()
                    })
                    .map_or(context.today, |stored| stored.event.effective_on())
                    .format("%d/%m/%Y")
                    .to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let issued = state
        .store
        .case_documents(case_id)
        .await?
        .iter()
        .map(|info| IssuedRow {
            id: info.id.to_string(),
            label: type_of(info)
                .map(|kind| lang.pick(kind.label_vi(), kind.label_en()).to_owned())
                .unwrap_or_else(|| info.doc_type.clone()),
            number: info.number.clone(),
            issued_at: format_in_vietnam(info.created_at),
            file_name: file_name(info),
        })
        .collect();
    let head_title = state
        .store
        .unit_by_id(&folded.summary.unit_id)
        .await?
        .and_then(|unit| unit.head_position)
        .map(|position| position.as_str().to_owned())
        .unwrap_or_default();
    Ok(DocumentsView {
        forms,
        issued,
        head_title,
        today: context.today.to_string(),
        error: None,
        error_type: String::new(),
        submitted: Vec::new(),
    })
}
