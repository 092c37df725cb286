//! Adding a message to a case: the one place the web side calls the store for it,
//! whether the reporter or a staff member writes.

use chrono::Utc;
use khien_domain::intake::MessageBody;
use khien_store::blobs::StagedBlob;
use khien_store::intake::{Author, CaseId, MessageId};
use khien_vault::symmetric::DataKey;

use crate::intake_form::intake_failure;
use crate::{AppError, AppState};

/// Stores a message and its files under the case key.
pub async fn post_message(
    state: &AppState,
    case_id: &CaseId,
    author: Author,
    body: &MessageBody,
    case_key: &DataKey,
    files: Vec<StagedBlob>,
) -> Result<MessageId, AppError> {
    state
        .store
        .add_message(
            case_id,
            &author,
            body,
            case_key,
            files,
            &state.blobs,
            Utc::now(),
        )
        .await
        .map_err(intake_failure)
}
