//! `/api/v1`: the JSON API. Every console screen has its endpoint here; staff
//! authenticate with the bearer token from `POST /api/v1/auth/login`, reporters
//! with the one from `POST /api/v1/whistleblower/session`.

pub mod account_error;
pub mod auth;
pub mod case_documents;
mod case_views;
pub mod cases;
mod incoming_body;
pub mod json_body;
mod message_json;
pub mod openapi;
mod report_json;
pub mod reports;
pub mod units;
pub mod user_view;
pub mod users;
pub mod whistleblower;
