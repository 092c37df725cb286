//! `Reporter`: the extractor for the reporter's pages and API, from the ticket
//! issued when they typed their receipt (see `khien_vault::reporter_ticket`). The
//! pages carry it in a cookie, the API as a bearer token; nothing is stored.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use khien_store::intake::CaseId;
use khien_vault::reporter_ticket::open_ticket;
use khien_vault::symmetric::DataKey;

use crate::cookie_value::cookie_value;
use crate::{AppError, AppState};

/// The reporter's cookie.
pub const REPORTER_COOKIE: &str = "khien_reporter";
/// How long a ticket lasts after the receipt was typed.
pub const TICKET_LIFETIME: chrono::Duration = chrono::Duration::hours(1);

/// A reporter who has shown their receipt.
pub struct Reporter {
    /// Their case.
    pub case_id: CaseId,
    /// Its key.
    pub case_key: DataKey,
}

/// No valid ticket: the API says 401, pages go back to the receipt form.
pub enum NoTicket {
    /// For `/api/…`.
    Api,
    /// For pages.
    Page,
}

impl IntoResponse for NoTicket {
    fn into_response(self) -> Response {
        match self {
            NoTicket::Api => AppError::Unauthorized.into_response(),
            NoTicket::Page => Redirect::to("/follow-up").into_response(),
        }
    }
}

/// The `Set-Cookie` value carrying a ticket.
pub fn ticket_cookie(ticket: &str) -> String {
    format!("{REPORTER_COOKIE}={ticket}; Path=/follow-up; HttpOnly; Secure; SameSite=Strict")
}

/// The `Set-Cookie` value removing it.
pub fn clear_ticket_cookie() -> String {
    format!("{REPORTER_COOKIE}=; Path=/follow-up; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

impl FromRequestParts<AppState> for Reporter {
    type Rejection = NoTicket;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, NoTicket> {
        let is_api = parts.uri.path().starts_with("/api/");
        let missing = if is_api {
            NoTicket::Api
        } else {
            NoTicket::Page
        };
        let text = if is_api {
            parts
                .headers
                .get(AUTHORIZATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.strip_prefix("Bearer "))
                .map(str::to_owned)
        } else {
            cookie_value(&parts.headers, REPORTER_COOKIE).map(str::to_owned)
        };
        let Some(text) = text else {
            return Err(missing);
        };
        let Ok(ticket) = open_ticket(&state.server_secret, &text, Utc::now().timestamp()) else {
            return Err(missing);
        };
        let Some(case_id) = CaseId::parse(&ticket.case_id) else {
            return Err(missing);
        };
        Ok(Reporter {
            case_id,
            case_key: ticket.case_key,
        })
    }
}
