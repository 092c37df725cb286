//! `Staff`: the extractor that says a handler needs a logged-in staff member.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use khien_domain::accounts::Role;
use khien_store::accounts::User;
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric;

use super::lifecycle::{IDLE_TIMEOUT, SESSION_COOKIE, sealed_key_context};
use super::token::SessionToken;
use crate::cookie_value::cookie_value;
use crate::{AppError, AppState};

/// How the request carried its session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier {
    /// The console's cookie.
    Cookie,
    /// An API bearer token.
    Bearer,
}

/// A logged-in, enabled staff member whose session is live.
pub struct Staff {
    /// The user, as of this request.
    pub user: User,
    /// How the session came.
    pub carrier: Carrier,
    /// The CSRF token of the session's forms.
    pub csrf_token: String,
    token: SessionToken,
    sealed_private_key: Vec<u8>,
}

impl Staff {
    /// Whether the user holds a role.
    pub fn has_role(&self, role: Role) -> bool {
        self.user.roles.contains(&role)
    }

    /// The session's token (for logout).
    pub fn token(&self) -> &SessionToken {
        &self.token
    }

    /// The user's private key, unsealed with the key only the client carries.
    pub fn private_key(&self) -> Result<SecretKey, AppError> {
        let bytes = symmetric::open(
            self.token.key(),
            &self.sealed_private_key,
            &sealed_key_context(&self.token.id_hash()),
        )
        .map_err(AppError::internal)?;
        let bytes: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| AppError::internal(std::io::Error::other("session key length")))?;
        Ok(SecretKey::from_bytes(&bytes))
    }

    /// `user:<id>`, the actor of audit entries.
    pub fn actor(&self) -> String {
        format!("user:{}", self.user.id)
    }
}

/// Why there is no staff member: the API says 401, the console sends to the login page.
pub enum NoSession {
    /// For `/api/…`.
    Api,
    /// For console pages.
    Console,
    /// The store failed.
    Failed(AppError),
}

impl IntoResponse for NoSession {
    fn into_response(self) -> Response {
        match self {
            NoSession::Api => AppError::Unauthorized.into_response(),
            NoSession::Console => Redirect::to("/staff/login").into_response(),
            NoSession::Failed(error) => error.into_response(),
        }
    }
}

/// Sessions are marked as seen at most this often, to spare the database a write
/// on every request.
const TOUCH_EVERY: chrono::Duration = chrono::Duration::seconds(60);

impl FromRequestParts<AppState> for Staff {
    type Rejection = NoSession;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, NoSession> {
        let is_api = parts.uri.path().starts_with("/api/");
        let missing = || {
            if is_api {
                NoSession::Api
            } else {
                NoSession::Console
            }
        };
        let (token, carrier) = if is_api {
            (bearer_token(parts), Carrier::Bearer)
        } else {
            (cookie_token(parts), Carrier::Cookie)
        };
        let token = token.ok_or_else(missing)?;
        let id_hash = token.id_hash();
        let store = &state.store;
        let failed = |error| NoSession::Failed(AppError::from(error));
        let session = store
            .find_session(&id_hash)
            .await
            .map_err(failed)?
            .ok_or_else(missing)?;
        let now = Utc::now();
        if now >= session.absolute_expires_at || now - session.last_seen_at >= IDLE_TIMEOUT {
            store.delete_session(&id_hash).await.map_err(failed)?;
            return Err(missing());
        }
        let user = store
            .user_by_id(&session.user_id)
            .await
            .map_err(failed)?
            .ok_or_else(missing)?;
        if user.disabled {
            store.delete_session(&id_hash).await.map_err(failed)?;
            return Err(missing());
        }
        if now - session.last_seen_at >= TOUCH_EVERY {
            store.touch_session(&id_hash, now).await.map_err(failed)?;
        }
        Ok(Staff {
            user,
            carrier,
            csrf_token: session.csrf_token.clone(),
            token,
            sealed_private_key: session.sealed_private_key.clone(),
        })
    }
}

fn bearer_token(parts: &Parts) -> Option<SessionToken> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ")?;
    SessionToken::parse(token)
}

fn cookie_token(parts: &Parts) -> Option<SessionToken> {
    cookie_value(&parts.headers, SESSION_COOKIE).and_then(SessionToken::parse)
}
