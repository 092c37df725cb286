//! Starting and ending a session.

use chrono::{Duration, Utc};
use khien_store::StoreError;
use khien_store::accounts::{LoggedIn, NewSession};
use khien_vault::random::random_bytes;
use khien_vault::symmetric;
use zeroize::Zeroizing;

use super::token::SessionToken;
use crate::AppState;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// A session ends this long after login, however busy.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// The console's session cookie.
pub const SESSION_COOKIE: &str = "khien_session";

/// A new session, to hand to the client.
pub struct StartedSession {
    /// The token (cookie value or bearer token).
    pub token: SessionToken,
    /// The CSRF token of the console's forms.
    pub csrf_token: String,
}

/// The associated data that binds a sealed private key to its session.
pub(super) fn sealed_key_context(id_hash: &[u8; 32]) -> Vec<u8> {
    let mut context = b"khien-session-private-key-v1".to_vec();
    context.extend_from_slice(id_hash);
    context
}

/// Opens a session for a user who has just proved password and TOTP. A fresh token
/// every time: a session is never carried over from before the login. Any key grants
/// waiting for this user's keys are completed now, while the private key is at hand.
pub async fn start_session(
    state: &AppState,
    logged_in: &LoggedIn,
) -> Result<StartedSession, StoreError> {
    let token = SessionToken::generate();
    let id_hash = token.id_hash();
    let private_key = logged_in.private_key.to_bytes();
    let sealed_private_key =
        symmetric::seal(token.key(), &private_key[..], &sealed_key_context(&id_hash));
    let csrf_token = hex::encode(random_bytes::<32>());
    let now = Utc::now();
    state
        .store
        .create_session(&NewSession {
            id_hash,
            user_id: logged_in.user.id.clone(),
            absolute_expires_at: now + ABSOLUTE_TIMEOUT,
            sealed_private_key,
            csrf_token: csrf_token.clone(),
            now,
        })
        .await?;
    if let Err(error) = state
        .store
        .fulfil_pending_grants(&logged_in.user.id, &logged_in.private_key)
        .await
    {
        // The login stands; the grants stay pending for the next holder's login.
        tracing::warn!(error = %error, "could not complete pending key grants");
    }
    Ok(StartedSession { token, csrf_token })
}

/// Ends a session (logout).
pub async fn end_session(state: &AppState, token: &SessionToken) -> Result<(), StoreError> {
    state.store.delete_session(&token.id_hash()).await
}

/// The `Set-Cookie` value that carries a session to the browser. No `Max-Age`: the
/// cookie dies with the browser, and the server enforces the timeouts itself.
pub fn session_cookie(token: &SessionToken) -> Zeroizing<String> {
    Zeroizing::new(format!(
        "{SESSION_COOKIE}={}; Path=/; HttpOnly; Secure; SameSite=Strict",
        token.to_text().as_str()
    ))
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}
