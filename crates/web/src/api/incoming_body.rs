//! Endpoints that take either a JSON body or `multipart/form-data` (JSON in a
//! part, files beside it) look at the content type once, here.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;

use crate::{AppError, AppState};

/// Largest JSON body accepted (a report's content is at most 20 000 characters).
const JSON_LIMIT: usize = 512 * 1024;

/// The body, by kind.
pub enum IncomingBody {
    /// `application/json`.
    Json(Bytes),
    /// `multipart/form-data`.
    Multipart(Multipart),
}

impl FromRequest<AppState> for IncomingBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, AppError> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if content_type.starts_with("multipart/form-data") {
            let multipart = Multipart::from_request(request, state)
                .await
                .map_err(|rejection| AppError::BadRequest {
                    field: None,
                    message: rejection.body_text(),
                })?;
            Ok(IncomingBody::Multipart(multipart))
        } else if content_type.starts_with("application/json") {
            let bytes = axum::body::to_bytes(request.into_body(), JSON_LIMIT)
                .await
                .map_err(|_| AppError::BadRequest {
                    field: None,
                    message: "nội dung quá lớn / body too large".into(),
                })?;
            Ok(IncomingBody::Json(bytes))
        } else {
            Err(AppError::UnsupportedMediaType)
        }
    }
}

/// Parses JSON, naming the field and position of any mistake.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(bytes).map_err(|error| AppError::BadRequest {
        field: None,
        message: format!("dữ liệu JSON sai / invalid JSON: {error}"),
    })
}
