//! One file per form; each takes a typed struct of its facts and returns DOCX bytes.

pub mod acceptance_decision;
pub mod conclusion;
pub mod extension_decision;
pub mod forwarding_letter;
pub mod non_acceptance_notice;
pub mod periodic_report;
