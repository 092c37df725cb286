//! The staff console: server-rendered pages behind a login with password and TOTP.

pub mod admin_units;
pub mod admin_users;
pub mod alerts;
pub mod case_actions;
pub mod case_documents;
mod case_documents_view;
mod case_file_read;
pub mod case_identity;
pub mod case_outcomes;
pub mod case_protection_page;
mod case_protection_section;
mod case_workflow_view;
pub mod cases;
mod emergency_alarms;
pub mod home;
pub mod hr_actions;
pub mod id_number;
pub mod identity_requests;
pub mod intake;
pub mod login;
pub(crate) mod nav_links;
pub mod page_error;
pub mod password;
pub mod protection_board;
pub mod protection_forms;
pub mod recover;
pub mod retaliation_cases;
