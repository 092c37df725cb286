//! A message body from the API: JSON `{"body": …}`, or multipart with a `body`
//! field and `files`.

use khien_domain::intake::MessageBody;
use khien_store::blobs::StagedBlob;
use khien_store::intake::CaseId;
use khien_vault::symmetric::DataKey;
use serde::Deserialize;

use super::incoming_body::{IncomingBody, parse_json};
use crate::intake_form::read_upload;
use crate::{AppError, AppState};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageJson {
    body: String,
}

/// Reads and checks a message and its files for a case.
pub async fn receive_message(
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
    incoming: IncomingBody,
) -> Result<(MessageBody, Vec<StagedBlob>), AppError> {
    let (text, files, file_errors) = match incoming {
        IncomingBody::Json(bytes) => {
            let message: MessageJson = parse_json(&bytes)?;
            (message.body, Vec::new(), Vec::new())
        }
        IncomingBody::Multipart(mut multipart) => {
            let upload = read_upload(&mut multipart, state, case_id, case_key).await?;
            (
                upload.fields.get("body").to_owned(),
                upload.files,
                upload.file_errors,
            )
        }
    };
    if !file_errors.is_empty() {
        return Err(AppError::InvalidReport(file_errors));
    }
    let body = MessageBody::parse(&text)
        .map_err(|errors| AppError::InvalidReport(errors.iter().cloned().collect()))?;
    Ok((body, files))
}
