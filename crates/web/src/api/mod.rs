//! `/api/v1`: the JSON API. Every console screen has its endpoint here; staff
//! authenticate with the bearer token from `POST /api/v1/auth/login`.

pub mod account_error;
pub mod auth;
pub mod json_body;
pub mod openapi;
pub mod units;
pub mod user_view;
pub mod users;
