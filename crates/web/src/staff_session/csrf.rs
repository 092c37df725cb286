//! Console forms: a logged-in staff member and a form whose `csrf_token` matches
//! the session's. The session cookie is `SameSite=Strict` already; the token is the
//! second lock on the door.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use super::extractor::Staff;
use super::role_gate::Denied;
use crate::{AppError, AppState};

/// Largest console form accepted (forms with files go elsewhere).
const FORM_LIMIT: usize = 64 * 1024;

/// A staff member and their submitted form of type `T`.
pub struct CsrfForm<T> {
    /// Who submitted it.
    pub staff: Staff,
    /// The form's fields.
    pub form: T,
}

#[derive(Deserialize)]
struct TokenField {
    #[serde(default)]
    csrf_token: String,
}

/// Constant-time comparison of two tokens.
pub fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = axum::response::Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let (mut parts, body) = request.into_parts();
        let staff = Staff::from_request_parts(&mut parts, state)
            .await
            .map_err(|no_session| Denied::NoSession(no_session).into_response())?;
        let is_form = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::UnsupportedMediaType.into_response());
        }
        let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.map_err(|_| {
            AppError::BadRequest {
                field: None,
                message: "biểu mẫu quá lớn / form too large".into(),
            }
            .into_response()
        })?;
        let token: TokenField = serde_html_form::from_bytes(&bytes).map_err(|_| {
            AppError::BadRequest {
                field: Some("csrf_token"),
                message: "biểu mẫu không hợp lệ / malformed form".into(),
            }
            .into_response()
        })?;
        if !tokens_match(&token.csrf_token, &staff.csrf_token) {
            return Err(AppError::BadRequest {
                field: Some("csrf_token"),
                message: "phiên biểu mẫu đã hết hạn, hãy tải lại trang / \
                          the form has expired, reload the page"
                    .into(),
            }
            .into_response());
        }
        let form = serde_html_form::from_bytes(&bytes).map_err(|error| {
            AppError::BadRequest {
                field: None,
                message: format!("biểu mẫu không hợp lệ / malformed form: {error}"),
            }
            .into_response()
        })?;
        Ok(CsrfForm { staff, form })
    }
}

#[cfg(test)]
mod tests {
    use super::tokens_match;

    #[test]
    fn tokens_match_only_when_equal() {
        assert!(tokens_match("abc", "abc"));
        assert!(!tokens_match("abc", "abd"));
        assert!(!tokens_match("abc", "ab"));
        assert!(!tokens_match("", "a"));
    }
}
