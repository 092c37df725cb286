//! Staff sessions: server-side, renewed at every login, with an idle and an
//! absolute timeout. The HTML console carries the token in a cookie
//! (`HttpOnly; Secure; SameSite=Strict`, plus a CSRF token in every form); the JSON
//! API carries it as a bearer token. Each surface accepts only its own carrier, so
//! the API needs no CSRF token and a cookie can never drive the API.

mod csrf;
mod extractor;
mod lifecycle;
mod role_gate;
mod token;

pub use csrf::{CsrfForm, tokens_match};
pub use extractor::{Carrier, Staff};
pub use lifecycle::{
    ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, SESSION_COOKIE, StartedSession, clear_session_cookie,
    end_session, session_cookie, start_session,
};
pub use role_gate::{AdminOnly, RoleRequirement, WithRole};
pub use token::SessionToken;
