//! The staff console: server-rendered pages behind a login with password and TOTP.

pub mod admin_units;
pub mod admin_users;
mod form_cookie;
pub mod home;
pub mod login;
mod page_error;
pub mod password;
pub mod recover;
