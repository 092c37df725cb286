//! Reading a multipart body as it arrives: text fields into memory (bounded), each
//! file straight through the stream cipher into a temporary blob, so memory stays
//! flat whatever the file's size and no plaintext byte of a file touches the disk.

use axum::extract::Multipart;
use axum::extract::multipart::Field;
use khien_domain::intake::{AttachmentError, ReportFieldError};
use khien_store::blobs::{BlobError, BlobWriter, StagedBlob};
use khien_store::intake::CaseId;
use khien_vault::symmetric::DataKey;

use super::form_fields::FormFields;
use crate::{AppError, AppState};

/// Largest text field accepted (a report's content is at most 20 000 characters).
const MAX_FIELD_BYTES: usize = 128 * 1024;
/// Largest total of text fields.
const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// What a multipart body held.
pub struct Upload {
    /// Text fields.
    pub fields: FormFields,
    /// The API's `report` part (JSON), if sent.
    pub report_json: Option<String>,
    /// Files received and encrypted, waiting for their transaction.
    pub files: Vec<StagedBlob>,
    /// Files refused, each named `files[i]`.
    pub file_errors: Vec<ReportFieldError>,
}

fn malformed(error: impl std::fmt::Display) -> AppError {
    AppError::BadRequest {
        field: None,
        message: format!("dữ liệu gửi lên không hợp lệ / malformed multipart body: {error}"),
    }
}

/// Reads every part. Files (parts named `files`) are encrypted under `case_key`
/// for case `case_id` as they arrive.
pub async fn read_upload(
    multipart: &mut Multipart,
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<Upload, AppError> {
    let mut upload = Upload {
        fields: FormFields::default(),
        report_json: None,
        files: Vec::new(),
        file_errors: Vec::new(),
    };
    let mut text_bytes = 0usize;
    let mut file_index = 0usize;
    while let Some(mut field) = multipart.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            if file_name.is_empty() {
                // An empty file input still sends a part: nothing was chosen.
                drain(&mut field).await?;
                continue;
            }
            let slot = format!("files[{file_index}]");
            file_index += 1;
            if upload.files.len() >= state.attachment_limits.max_files {
                let error = AttachmentError::TooMany {
                    max: state.attachment_limits.max_files,
                };
                upload.file_errors.push(error.to_field_error(&slot));
                drain(&mut field).await?;
                continue;
            }
            match receive_file(&mut field, state, case_id, case_key, &file_name).await? {
                Ok(staged) => upload.files.push(staged),
                Err(error) => upload.file_errors.push(error.to_field_error(&slot)),
            }
            continue;
        }
        let mut value = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(malformed)? {
            value.extend_from_slice(&chunk);
            text_bytes += chunk.len();
            if value.len() > MAX_FIELD_BYTES || text_bytes > MAX_TEXT_BYTES {
                return Err(AppError::BadRequest {
                    field: None,
                    message: format!("trường quá dài / field too long: {name}"),
                });
            }
        }
        let value = String::from_utf8(value).map_err(|_| AppError::BadRequest {
            field: None,
            message: format!("trường không phải văn bản UTF-8 / field is not UTF-8 text: {name}"),
        })?;
        if name == "report" {
            upload.report_json = Some(value);
        } else {
            upload.fields.push(name, value);
        }
    }
    Ok(upload)
}

/// Streams one file into a blob. The outer error is the request's (malformed body,
/// disk failure); the inner one is the file's (refused, named on the form).
async fn receive_file(
    field: &mut Field<'_>,
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
    file_name: &str,
) -> Result<Result<StagedBlob, AttachmentError>, AppError> {
    let mut writer = match BlobWriter::create(
        &state.blobs,
        case_id,
        case_key,
        file_name,
        &state.attachment_limits,
    )
    .await
    {
        Ok(writer) => writer,
        Err(BlobError::Rejected(error)) => {
            drain(field).await?;
            return Ok(Err(error));
        }
        Err(other) => return Err(AppError::internal(other)),
    };
    while let Some(chunk) = field.chunk().await.map_err(malformed)? {
        match writer.write_chunk(&chunk).await {
            Ok(()) => {}
            Err(BlobError::Rejected(error)) => {
                drop(writer);
                drain(field).await?;
                return Ok(Err(error));
            }
            Err(other) => return Err(AppError::internal(other)),
        }
    }
    match writer.finish().await {
        Ok(staged) => Ok(Ok(staged)),
        Err(BlobError::Rejected(error)) => Ok(Err(error)),
        Err(other) => Err(AppError::internal(other)),
    }
}

/// Reads and discards the rest of a part.
async fn drain(field: &mut Field<'_>) -> Result<(), AppError> {
    while field.chunk().await.map_err(malformed)?.is_some() {}
    Ok(())
}
