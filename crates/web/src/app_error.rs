//! Errors as users see them.
//!
//! A user's mistake names what is wrong. An internal failure shows only an incident
//! id; the cause chain goes to the log under the same id, so an administrator can
//! find it and the user learns nothing about the inside of the server.

use std::error::Error as StdError;
use std::fmt::Write as _;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is wrong; the message says what, naming the field if there is one.
    #[error("{message}")]
    BadRequest {
        /// The field at fault, if any.
        field: Option<&'static str>,
        /// A message for the user.
        message: String,
    },
    /// A report (or message) with mistakes, each naming its field; nothing stored.
    #[error("invalid report")]
    InvalidReport(Vec<khien_domain::intake::ReportFieldError>),
    /// The thing asked for does not exist, or the caller may not know it exists.
    #[error("not found")]
    NotFound,
    /// No valid session.
    #[error("unauthorized")]
    Unauthorized,
    /// Logged in, but without the role this needs.
    #[error("forbidden")]
    Forbidden,
    /// The member holds a case role but the unit's key has not been granted to
    /// them yet: another member of the unit must log in once.
    #[error("key access pending")]
    KeyPending,
    /// No unit can receive reports yet (no member holds an intake unit's keys).
    #[error("not ready to receive reports")]
    NotReady,
    /// The body is not of a type this endpoint takes.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The request would duplicate something that exists.
    #[error("{message}")]
    Conflict {
        /// The field at fault.
        field: Option<&'static str>,
        /// A message for the user.
        message: String,
    },
    /// Too many attempts; try again later.
    #[error("too many attempts")]
    TooManyRequests {
        /// Seconds until another attempt is considered.
        retry_after_seconds: u64,
    },
    /// Something failed inside the server.
    #[error("internal error")]
    Internal(#[source] Box<dyn StdError + Send + Sync>),
}

impl AppError {
    /// Wraps an internal failure.
    pub fn internal(error: impl StdError + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(error))
    }
}

impl From<khien_store::StoreError> for AppError {
    fn from(error: khien_store::StoreError) -> Self {
        match error {
            khien_store::StoreError::NotFound => AppError::NotFound,
            other => AppError::internal(other),
        }
    }
}

/// What a reporter is told when no unit can receive reports yet.
pub const NOT_READY_MESSAGE: &str = "Khiên chưa sẵn sàng nhận báo cáo: đơn vị tiếp nhận chưa có cán bộ. \
     Báo cáo của bạn chưa được lưu; hãy thử lại sau hoặc liên hệ đường dây nóng. / Khiên cannot \
     receive reports yet: the intake unit has no staff. Your report was not stored; try again \
     later or call the hotline.";

/// What a member waiting for the unit's key is told.
pub const KEY_PENDING_MESSAGE: &str = "Khóa của đơn vị chưa được cấp cho bạn: cần một cán bộ khác \
     của đơn vị đăng nhập một lần để cấp. / The unit's key has not been granted to you yet: \
     another member of the unit must log in once to grant it.";

/// A short random id that ties the user's error page to the log line.
pub fn new_incident_id() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    hex::encode(bytes)
}

/// Logs an internal failure's cause chain under its incident id.
pub fn log_internal(incident: &str, error: &(dyn StdError + 'static)) {
    tracing::error!(incident = %incident, cause = %cause_chain(error), "internal error");
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } | AppError::InvalidReport(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::KeyPending => StatusCode::FORBIDDEN,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::NotReady => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The error and all its causes, one per line, for the log.
fn cause_chain(error: &(dyn StdError + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let _ = write!(text, ": {cause}");
        source = cause.source();
    }
    text
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::BadRequest { field, message } => (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": message, "field": field })),
            )
                .into_response(),
            AppError::InvalidReport(errors) => (
                StatusCode::BAD_REQUEST,
                Json(json!({
                    "error": errors
                        .first()
                        .map(|e| format!("{}: {} / {}", e.field, e.message_vi, e.message_en))
                        .unwrap_or_default(),
                    "field": errors.first().map(|e| e.field.clone()),
                    "errors": errors
                        .iter()
                        .map(|e| json!({"field": e.field, "message_vi": e.message_vi, "message_en": e.message_en}))
                        .collect::<Vec<_>>(),
                })),
            )
                .into_response(),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                Json(json!({ "error": "không tìm thấy / not found" })),
            )
                .into_response(),
            AppError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                Json(json!({ "error": "cần đăng nhập / login required" })),
            )
                .into_response(),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                Json(json!({ "error": "không có quyền / not permitted for your role" })),
            )
                .into_response(),
            AppError::KeyPending => (
                StatusCode::FORBIDDEN,
                Json(json!({ "error": KEY_PENDING_MESSAGE })),
            )
                .into_response(),
            AppError::NotReady => (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "error": NOT_READY_MESSAGE })),
            )
                .into_response(),
            AppError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Json(json!({ "error": "sai kiểu nội dung / wrong content type" })),
            )
                .into_response(),
            AppError::Conflict { field, message } => (
                StatusCode::CONFLICT,
                Json(json!({ "error": message, "field": field })),
            )
                .into_response(),
            AppError::TooManyRequests {
                retry_after_seconds,
            } => (
                StatusCode::TOO_MANY_REQUESTS,
                [(axum::http::header::RETRY_AFTER, retry_after_seconds.to_string())],
                Json(json!({
                    "error": "quá nhiều lần thử, hãy thử lại sau / too many attempts, try again later",
                    "retry_after_seconds": retry_after_seconds,
                })),
            )
                .into_response(),
            AppError::Internal(error) => {
                let incident = new_incident_id();
                log_internal(&incident, error.as_ref());
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(json!({
                        "error": "Lỗi hệ thống / internal error",
                        "incident": incident,
                    })),
                )
                    .into_response()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn the_cause_chain_names_every_cause() {
        let error = Outer(std::io::Error::other("disk full"));
        assert_eq!(cause_chain(&error), "outer: disk full");
    }

    #[test]
    fn incident_ids_differ() {
        assert_ne!(new_incident_id(), new_incident_id());
        assert_eq!(new_incident_id().len(), 12);
    }
}
