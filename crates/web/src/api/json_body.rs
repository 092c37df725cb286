//! `ApiJson<T>`: a JSON body whose every problem is answered with a message that
//! names what is wrong (the field, the line and column, or the content type).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::AppError;

/// A parsed JSON request body.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::UnsupportedMediaType),
            Err(JsonRejection::JsonDataError(error)) => Err(AppError::BadRequest {
                field: None,
                message: format!(
                    "dữ liệu JSON sai / invalid JSON data: {}",
                    error.body_text()
                ),
            }),
            Err(JsonRejection::JsonSyntaxError(error)) => Err(AppError::BadRequest {
                field: None,
                message: format!("JSON sai cú pháp / malformed JSON: {}", error.body_text()),
            }),
            Err(other) => Err(AppError::BadRequest {
                field: None,
                message: other.body_text(),
            }),
        }
    }
}
