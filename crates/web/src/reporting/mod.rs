//! Periodic reports: each unit's figures for a period, the reports unit heads submit,
//! who has submitted before the deadline, and the consolidated report the oversight
//! unit (Ban Nội chính) sends on, as DOCX. The API and the console share this.

mod report_access;
mod report_document;
mod report_json;
mod report_period_param;
mod submission_status;
mod submit;
mod unit_figures;

pub mod api;
pub mod console;

pub use report_access::reads_reports;
