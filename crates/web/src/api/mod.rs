//! `/api/v1`: the JSON API. Every console screen has its endpoint here; staff
//! authenticate with the bearer token from `POST /api/v1/auth/login`, reporters
//! with the one from `POST /api/v1/whistleblower/session`.

pub mod account_error;
pub mod alerts;
pub mod auth;
pub mod case_documents;
pub mod case_routing;
mod case_views;
pub mod cases;
pub mod false_reports;
pub mod hr_actions;
pub mod identity_custody;
pub mod identity_requests;
mod incoming_body;
pub mod json_body;
mod message_json;
pub mod notifications;
pub mod openapi;
pub mod protection;
pub mod published;
mod report_json;
pub mod reports;
pub mod retaliation;
pub mod rewards;
pub mod staff_identity;
pub mod units;
pub mod user_view;
pub mod users;
pub mod whistleblower;
pub mod whistleblower_check_ins;
