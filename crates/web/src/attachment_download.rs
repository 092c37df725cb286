//! Sending a decrypted attachment to someone allowed to read it, chunk by chunk:
//! the file is decrypted on a blocking thread into a bounded channel that feeds
//! the response body, so memory stays flat whatever the file's size.

use std::io::Write;

use axum::body::Body;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use khien_store::intake::{AttachmentId, CaseId, decrypt_attachment_to};
use khien_vault::symmetric::DataKey;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::intake_form::intake_failure;
use crate::{AppError, AppState};

/// Chunks in flight between the decrypting thread and the connection.
const CHANNEL_DEPTH: usize = 4;

/// A `Write` that hands each buffer to the response body.
struct ChannelWriter {
    sender: mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl Write for ChannelWriter {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.sender
            .blocking_send(Ok(Bytes::copy_from_slice(buffer)))
            .map_err(|_| std::io::Error::other("the client went away"))?;
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Streams attachment `attachment_id` of `case_id`, decrypted with `case_key`.
/// The caller has already checked that the requester may read the case.
pub async fn send_attachment(
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
    attachment_id: &AttachmentId,
) -> Result<Response, AppError> {
    let info = state
        .store
        .attachments(case_id, case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .find(|info| &info.id == attachment_id)
        .ok_or(AppError::NotFound)?;
    let blob = state
        .store
        .attachment_blob(case_id, attachment_id)
        .await
        .map_err(intake_failure)?;
    let (sender, receiver) = mpsc::channel(CHANNEL_DEPTH);
    let blobs = state.blobs.clone();
    let key = DataKey::from_bytes(case_key.expose_secret());
    tokio::task::spawn_blocking(move || {
        let failure_sender = sender.clone();
        let writer = ChannelWriter { sender };
        if let Err(error) = decrypt_attachment_to(&blobs, &blob, &key, writer) {
            // The body ends with an error, so the client sees a broken download
            // rather than a silently truncated file.
            tracing::error!(error = %error, "attachment could not be decrypted");
            let _ = failure_sender.blocking_send(Err(std::io::Error::other("decryption failed")));
        }
    });
    let mut response = (
        StatusCode::OK,
        Body::from_stream(ReceiverStream::new(receiver)),
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(info.media_type.mime()),
    );
    let encoded = utf8_percent_encode(info.name.as_str(), NON_ALPHANUMERIC).to_string();
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"attachment.{}\"; filename*=UTF-8''{encoded}",
        info.name.extension()
    )) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
