//! DOCX output opened and checked: text, number, font, layout, secrecy.

mod docx_reader;
mod fixtures;

mod acceptance_decision;
mod conclusion;
mod extension_decision;
mod forwarding_letter;
mod layout;
mod non_acceptance_notice;
mod periodic_report;
mod written_files;
