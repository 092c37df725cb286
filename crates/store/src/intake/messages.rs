//! Messages between the reporter and staff, each encrypted under the case key.

use chrono::{DateTime, Utc};
use khien_domain::intake::{AttachmentLimits, MessageBody};
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;

use super::attachments::AttachmentInfo;
use super::case_reading::read_report;
use super::coarse_time::to_the_hour;
use super::submit::{check_files, commit_with_blobs, insert_attachment};
use super::{Author, CaseId, IntakeError, MessageId, case_labels};
use crate::audit::AuditRecord;
use crate::blobs::{BlobStore, StagedBlob};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A decrypted message. No `Debug`.
pub struct Message {
    /// The message.
    pub id: MessageId,
    /// Who wrote it.
    pub author: Author,
    /// When (a reporter's message: to the hour).
    pub created_at: DateTime<Utc>,
    /// The text.
    pub body: String,
    /// Files sent with it.
    pub attachments: Vec<AttachmentInfo>,
}

impl Store {
    /// Adds a message (and its files) to a case, audited as `case.message_added`.
    /// Refuses a key that is not the case's ([`IntakeError::WrongCaseKey`]),
    /// so nothing unreadable is ever written. The caller limits how many files
    /// arrive (as the upload streams in); files staged for another case are refused.
    // The signature is the one published to the web layer in API.md.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_message(
        &self,
        case_id: &CaseId,
        author: &Author,
        body: &MessageBody,
        case_key: &DataKey,
        attachments: Vec<StagedBlob>,
        blobs: &BlobStore,
        now: DateTime<Utc>,
    ) -> Result<MessageId, IntakeError> {
        check_files(
            case_id,
            &attachments,
            &AttachmentLimits {
                max_files: usize::MAX,
                ..AttachmentLimits::default()
            },
        )?;
        let message_id = MessageId::new();
        let ciphertext = seal(
            case_key,
            body.as_str().as_bytes(),
            &case_labels::message(case_id, &message_id),
        );
        let created_at = match author {
            Author::Reporter => to_the_hour(now),
            Author::Staff(_) => now,
        };
        let stamp = format_timestamp(created_at);

        let mut tx = self.begin().await?;
        read_report(tx.connection(), case_id, case_key).await?;
        let seq: i64 = sqlx::query(
            "SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM case_messages WHERE case_id = $1",
        )
        .bind(case_id.as_str())
        .fetch_one(tx.connection())
        .await?
        .try_get("next")?;
        sqlx::query(
            "INSERT INTO case_messages (id, case_id, seq, author_kind, author_user_id, created_at, \
             ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(message_id.as_str())
        .bind(case_id.as_str())
        .bind(seq)
        .bind(author.kind())
        .bind(author.user_id().map(str::to_owned))
        .bind(&stamp)
        .bind(ciphertext)
        .execute(tx.connection())
        .await?;
        for blob in &attachments {
            insert_attachment(&mut tx, blob, Some(message_id.as_str()), author, &stamp).await?;
        }
        tx.audit(AuditRecord {
            actor: &author.audit_actor(),
            action: "case.message_added",
            object: &format!("case:{case_id}"),
            details: json!({
                "message": message_id.as_str(),
                "author": author.kind(),
                "attachments": attachments.len(),
            }),
        })
        .await?;
        commit_with_blobs(self, tx, blobs, attachments).await?;
        Ok(message_id)
    }

    /// A case's messages, oldest first, decrypted, each with its files.
    pub async fn messages(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<Message>, IntakeError> {
        let rows = sqlx::query(
            "SELECT id, author_kind, author_user_id, created_at, ciphertext FROM case_messages \
             WHERE case_id = $1 ORDER BY seq",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let mut files = self.attachments(case_id, case_key).await?;
        let mut messages = Vec::with_capacity(rows.len());
        for row in rows {
            let id = MessageId::from_column(row.try_get("id")?);
            let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
            let body = open(case_key, &ciphertext, &case_labels::message(case_id, &id))?;
            let body = String::from_utf8(body.to_vec())
                .map_err(|_| StoreError::Corrupt("message body is not UTF-8".into()))?;
            let kind: String = row.try_get("author_kind")?;
            let created_at: String = row.try_get("created_at")?;
            let (mine, rest): (Vec<_>, Vec<_>) = files
                .into_iter()
                .partition(|file| file.message_id.as_ref() == Some(&id));
            files = rest;
            messages.push(Message {
                author: Author::from_columns(&kind, row.try_get("author_user_id")?)?,
                created_at: parse_timestamp(&created_at)?,
                body,
                attachments: mine,
                id,
            });
        }
        Ok(messages)
    }
}
