//! Reading a report form (the portal's, the intake officer's, or the API's
//! multipart body): text fields into a draft, files straight into encrypted blobs.

mod form_fields;
mod form_page;
mod multipart_upload;
mod offline_units;
mod report_draft;
mod submission;

pub use form_page::{FormEcho, form_page, unit_choices};
pub use multipart_upload::read_upload;
pub use report_draft::draft_from_fields;
pub use submission::{SubmitFailure, Submitted, intake_failure, submit, submit_linked};
