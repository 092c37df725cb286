//! Official documents along the case workflow (NĐ31 forms as DOCX): which a case can
//! issue now, their facts from the case and a small form, numbering and storage, and
//! who may download them.

mod document_type;
mod documents_access;
mod drafts;
mod issuable;
mod issue;
mod letterhead_facts;
mod request;

pub use document_type::DocumentType;
pub use documents_access::{document_download, file_name, visible_documents};
pub use issuable::issuable_types;
pub use issue::{issue_document, type_of};
pub use request::DocumentRequest;
