//! CSRF protection for forms used without a session (the reporter's forms, staff
//! login and recovery): a random token in a `SameSite=Strict` cookie and the same
//! token in the form ("double submit"). The cookie identifies nobody: it is random,
//! per browser session, and only ever compared with the form it came with.

use axum::http::HeaderMap;
use khien_vault::random::random_bytes;

use crate::cookie_value::cookie_value;
use crate::staff_session::tokens_match;

const FORM_COOKIE: &str = "khien_form";

/// A new token and the `Set-Cookie` value that carries it.
pub fn issue() -> (String, String) {
    let token = hex::encode(random_bytes::<24>());
    let cookie = format!("{FORM_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict");
    (token, cookie)
}

/// Whether the form's token matches the cookie's.
pub fn matches(headers: &HeaderMap, form_token: &str) -> bool {
    cookie_value(headers, FORM_COOKIE).is_some_and(|cookie_token| {
        !cookie_token.is_empty() && tokens_match(cookie_token, form_token)
    })
}
