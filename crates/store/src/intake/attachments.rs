//! A case's files: listing them, adding more later, and reading one back.

use std::io::Write;

use chrono::{DateTime, Utc};
use khien_domain::intake::{AttachmentLimits, AttachmentName, MediaType};
use khien_vault::stream::decrypt_reader_to_writer;
use khien_vault::symmetric::{DataKey, open};
use serde_json::json;
use sqlx::Row;

use super::attachment_meta::AttachmentMeta;
use super::case_reading::read_report;
use super::coarse_time::to_the_hour;
use super::submit::{check_files, commit_with_blobs, insert_attachment};
use super::{AttachmentId, Author, CaseId, IntakeError, MessageId, case_labels};
use crate::audit::AuditRecord;
use crate::blobs::{BlobError, BlobStore, StagedBlob};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A file of a case, its name and type decrypted. No `Debug`: the name can identify.
pub struct AttachmentInfo {
    /// The attachment.
    pub id: AttachmentId,
    /// The message it came with; `None` for the report's own files.
    pub message_id: Option<MessageId>,
    /// Who added it.
    pub author: Author,
    /// Its cleaned name.
    pub name: AttachmentName,
    /// Its checked type.
    pub media_type: MediaType,
    /// Its size in bytes.
    pub size: u64,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// Where one attachment's ciphertext is: what [`decrypt_attachment_to`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentBlob {
    case_id: CaseId,
    attachment_id: AttachmentId,
    blob_id: String,
    size: u64,
}

impl AttachmentBlob {
    /// The plaintext size, for a `Content-Length` header.
    pub fn size(&self) -> u64 {
        self.size
    }
}

impl Store {
    /// Adds files to a case without a message (the reporter adding evidence,
    /// staff adding a scan). Audited as `case.attachment_added`.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_attachments(
        &self,
        case_id: &CaseId,
        author: &Author,
        case_key: &DataKey,
        files: Vec<StagedBlob>,
        limits: &AttachmentLimits,
        blobs: &BlobStore,
        now: DateTime<Utc>,
    ) -> Result<Vec<AttachmentId>, IntakeError> {
        check_files(case_id, &files, limits)?;
        let stamp = format_timestamp(match author {
            Author::Reporter => to_the_hour(now),
            Author::Staff(_) => now,
        });
        let mut tx = self.begin().await?;
        read_report(tx.connection(), case_id, case_key).await?;
        for blob in &files {
            insert_attachment(&mut tx, blob, None, author, &stamp).await?;
        }
        let ids: Vec<AttachmentId> = files
            .iter()
            .map(|blob| blob.attachment_id.clone())
            .collect();
        tx.audit(AuditRecord {
            actor: &author.audit_actor(),
            action: "case.attachment_added",
            object: &format!("case:{case_id}"),
            details: json!({
                "attachments": ids.iter().map(AttachmentId::as_str).collect::<Vec<_>>(),
            }),
        })
        .await?;
        commit_with_blobs(self, tx, blobs, files).await?;
        Ok(ids)
    }

    /// Every file of a case, oldest first, names and types decrypted.
    pub async fn attachments(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<AttachmentInfo>, IntakeError> {
        let rows = sqlx::query(
            "SELECT id, message_id, author_kind, author_user_id, size, meta_ciphertext, created_at \
             FROM attachments WHERE case_id = $1 ORDER BY created_at, id",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|row| {
                let id = AttachmentId::from_column(row.try_get("id")?);
                let ciphertext: Vec<u8> = row.try_get("meta_ciphertext")?;
                let meta = open(
                    case_key,
                    &ciphertext,
                    &case_labels::attachment_meta(case_id, &id),
                )?;
                let (name, media_type) = AttachmentMeta::from_json(&meta)?;
                let kind: String = row.try_get("author_kind")?;
                let created_at: String = row.try_get("created_at")?;
                Ok(AttachmentInfo {
                    message_id: row
                        .try_get::<Option<String>, _>("message_id")?
                        .map(MessageId::from_column),
                    author: Author::from_columns(&kind, row.try_get("author_user_id")?)?,
                    name,
                    media_type,
                    size: u64::try_from(row.try_get::<i64, _>("size")?)
                        .map_err(|_| StoreError::Corrupt("attachments.size".into()))?,
                    created_at: parse_timestamp(&created_at)?,
                    id,
                })
            })
            .collect()
    }

    /// Finds one attachment of one case (an id from another case is not found).
    pub async fn attachment_blob(
        &self,
        case_id: &CaseId,
        attachment_id: &AttachmentId,
    ) -> Result<AttachmentBlob, IntakeError> {
        let row =
            sqlx::query("SELECT blob_id, size FROM attachments WHERE id = $1 AND case_id = $2")
                .bind(attachment_id.as_str())
                .bind(case_id.as_str())
                .fetch_optional(self.reader())
                .await?
                .ok_or(IntakeError::NotFound)?;
        Ok(AttachmentBlob {
            case_id: case_id.clone(),
            attachment_id: attachment_id.clone(),
            blob_id: row.try_get("blob_id")?,
            size: u64::try_from(row.try_get::<i64, _>("size")?)
                .map_err(|_| StoreError::Corrupt("attachments.size".into()))?,
        })
    }
}

/// Decrypts an attachment into `out`, one 64 KiB chunk in memory at a time,
/// and returns the number of bytes written. Synchronous file I/O: run it on the
/// blocking pool (for an HTTP response, write into a channel that feeds the body).
///
/// Plaintext is released chunk by chunk and the stream is proven complete only
/// at the end: on `Err`, whatever was written must be discarded (abort the
/// response rather than finish it).
pub fn decrypt_attachment_to<W: Write>(
    blobs: &BlobStore,
    blob: &AttachmentBlob,
    case_key: &DataKey,
    out: W,
) -> Result<u64, IntakeError> {
    let file = std::fs::File::open(blobs.blob_path(&blob.blob_id)).map_err(BlobError::from)?;
    let reader = std::io::BufReader::new(file);
    decrypt_reader_to_writer(
        case_key,
        &case_labels::attachment_stream(&blob.case_id, &blob.attachment_id),
        reader,
        out,
    )
    .map_err(|error| match error {
        khien_vault::stream::StreamError::Io(error) => IntakeError::Blob(BlobError::Io(error)),
        khien_vault::stream::StreamError::Vault(error) => IntakeError::Vault(error),
        other => IntakeError::Blob(BlobError::Io(std::io::Error::other(other.to_string()))),
    })
}
