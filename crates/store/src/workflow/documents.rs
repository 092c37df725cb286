//! Official documents of a case (NĐ31 forms): numbered, rendered, sealed and
//! registered in one transaction.
//!
//! A document's number is the issuing unit's running count of one series of
//! documents in one calendar year (Decree 30 Art. 15): `document_counters` holds the
//! last number per unit, year and series, and is incremented by an upsert in the same
//! transaction that stores the document. If anything fails (the form refuses its
//! facts, the database fails) the transaction rolls back and the number is not
//! consumed; the `UNIQUE (unit_id, year, doc_type, serial)` of `case_documents`
//! makes a repeated number impossible even if a counter were reset by hand.
//!
//! The DOCX is sealed under the case key (documents are encrypted at rest like the
//! rest of the case); the number, type and unit stay in clear, as in the paper
//! register. The audit chain records ids, type and number, never content.

use std::fmt;

use chrono::{DateTime, Utc};
use khien_vault::case_keys::open_case_key_as_unit;
use khien_vault::random::random_bytes;
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::WorkflowError;
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::intake::{CaseId, IntakeError, case_labels, read_report};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// The id of an issued document: 16 random bytes as lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentId(String);

impl DocumentId {
    /// Wraps an id from a URL. Only lowercase hex of 16 bytes is an id.
    pub fn parse(text: &str) -> Option<Self> {
        (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Self(text.to_owned()))
    }

    fn new() -> Self {
        Self(hex::encode(random_bytes::<16>()))
    }

    /// The id as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A document to issue. `render` receives the number taken from the counter and
/// returns the DOCX; it runs inside the transaction, so a refusal consumes nothing.
pub struct NewDocument<'a, F> {
    /// The case.
    pub case_id: &'a CaseId,
    /// The event the document carries out (the acceptance, the extension, …).
    pub event_seq: i64,
    /// The numbering series: documents of one series share one count per unit and
    /// year ("decision" for every Quyết định, "notice", "letter", "conclusion").
    pub doc_type: &'a str,
    /// The issuing unit, whose counter is used.
    pub unit_id: &'a UnitId,
    /// The year of the document's date: the count restarts each 1 January.
    pub year: i32,
    /// What the number's text carries after the count: "QĐ-TTT" makes "05/QĐ-TTT". A
    /// party body's symbol has the slash inside ("BC/BNCTU") and the count is then joined
    /// with a hyphen: "12-BC/BNCTU".
    pub symbol: &'a str,
    /// Makes the DOCX with the count it is given.
    pub render: F,
    /// The case key (the document is sealed under it).
    pub case_key: &'a DataKey,
    /// Who issues it.
    pub actor: &'a UserId,
    /// Now.
    pub now: DateTime<Utc>,
}

/// An issued document as the register shows it (no content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub id: DocumentId,
    pub case_id: CaseId,
    /// The event it carries out, and that event's kind (`accepted`, …).
    pub event_seq: Option<i64>,
    pub event_kind: Option<String>,
    /// The issuing unit.
    pub unit_id: UnitId,
    /// The numbering series.
    pub doc_type: String,
    pub year: i32,
    /// The count within the unit's series for the year, from 1.
    pub serial: u32,
    /// The number as printed: "05/QĐ-TTT".
    pub number: String,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

/// Why a document was not issued. Nothing was stored and no number was used.
#[derive(Debug, thiserror::Error)]
pub enum IssueError<E> {
    /// No such case, or no such event in it.
    #[error("not found")]
    NotFound,
    /// The key given does not open this case.
    #[error("the key does not open this case")]
    WrongCaseKey,
    /// The unit's series for the year has no number left.
    #[error("the counter is exhausted")]
    Exhausted,
    /// The form refused its facts.
    #[error("the document could not be rendered: {0}")]
    Render(E),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl<E> From<sqlx::Error> for IssueError<E> {
    fn from(error: sqlx::Error) -> Self {
        IssueError::Store(error.into())
    }
}

const INFO_COLUMNS: &str = "d.id, d.case_id, d.event_seq, e.kind AS event_kind, d.unit_id, \
    d.doc_type, d.year, d.serial, d.number, d.created_by, d.created_at";
const INFO_FROM: &str = "FROM case_documents d LEFT JOIN case_events e \
    ON e.case_id = d.case_id AND e.seq = d.event_seq";

impl Store {
    /// Numbers, renders, seals and registers a document, all in one transaction.
    pub async fn issue_document<F, E>(
        &self,
        new: NewDocument<'_, F>,
    ) -> Result<DocumentInfo, IssueError<E>>
    where
        F: FnOnce(u32) -> Result<Vec<u8>, E>,
    {
        let NewDocument {
            case_id,
            event_seq,
            doc_type,
            unit_id,
            year,
            symbol,
            render,
            case_key,
            actor,
            now,
        } = new;
        let mut tx = self.begin().await?;
        // The key must open the report before anything is sealed with it.
        read_report(tx.connection(), case_id, case_key)
            .await
            .map_err(|error| match error {
                IntakeError::NotFound => IssueError::NotFound,
                IntakeError::WrongCaseKey => IssueError::WrongCaseKey,
                IntakeError::Store(error) => IssueError::Store(error),
                other => IssueError::Store(StoreError::Corrupt(other.to_string())),
            })?;
        let event = sqlx::query("SELECT kind FROM case_events WHERE case_id = $1 AND seq = $2")
            .bind(case_id.as_str())
            .bind(event_seq)
            .fetch_optional(tx.connection())
            .await?
            .ok_or(IssueError::NotFound)?;
        let event_kind: String = event.try_get("kind")?;

        // Insert-or-increment: the row lock (PostgreSQL) or the single writer
        // (SQLite) makes concurrent issuers take one number each.
        let last: i64 = sqlx::query(
            "INSERT INTO document_counters (unit_id, year, doc_type, last_number) \
             VALUES ($1, $2, $3, 1) \
             ON CONFLICT (unit_id, year, doc_type) \
             DO UPDATE SET last_number = document_counters.last_number + 1 \
             RETURNING last_number",
        )
        .bind(unit_id.as_str())
        .bind(i64::from(year))
        .bind(doc_type)
        .fetch_one(tx.connection())
        .await?
        .try_get("last_number")?;
        let serial = u32::try_from(last).map_err(|_| IssueError::Exhausted)?;
        let number = if symbol.contains('/') {
            format!("{serial:02}-{symbol}")
        } else {
            format!("{serial:02}/{symbol}")
        };

        let docx = render(serial).map_err(IssueError::Render)?;
        let created_at = format_timestamp(now);
        let id = DocumentId::new();
        let ciphertext = seal(
            case_key,
            &docx,
            &case_labels::document(case_id, id.as_str()),
        );
        sqlx::query(
            "INSERT INTO case_documents (id, case_id, event_seq, unit_id, doc_type, year, \
             serial, number, created_by, created_at, ciphertext) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id.as_str())
        .bind(case_id.as_str())
        .bind(event_seq)
        .bind(unit_id.as_str())
        .bind(doc_type)
        .bind(i64::from(year))
        .bind(last)
        .bind(&number)
        .bind(actor.as_str())
        .bind(&created_at)
        .bind(ciphertext)
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{actor}"),
            action: "case.document_issued",
            object: &format!("case:{case_id}"),
            details: json!({
                "document": id.as_str(),
                "type": doc_type,
                "number": number,
                "event_seq": event_seq,
                "unit": unit_id.as_str(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(DocumentInfo {
            id,
            case_id: case_id.clone(),
            event_seq: Some(event_seq),
            event_kind: Some(event_kind),
            unit_id: unit_id.clone(),
            doc_type: doc_type.to_owned(),
            year,
            serial,
            number,
            created_by: Some(actor.clone()),
            // As stored, so that it equals what the register reads back.
            created_at: parse_timestamp(&created_at)?,
        })
    }

    /// The documents issued for a case, oldest first. No key needed: the register
    /// is in clear, the content is not.
    pub async fn case_documents(&self, case_id: &CaseId) -> Result<Vec<DocumentInfo>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {INFO_COLUMNS} {INFO_FROM} WHERE d.case_id = $1 \
             ORDER BY d.created_at, d.doc_type, d.serial"
        ))
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(document_info).collect()
    }

    /// One document of a case, decrypted with the case key.
    pub async fn document_docx(
        &self,
        case_id: &CaseId,
        document_id: &DocumentId,
        case_key: &DataKey,
    ) -> Result<Vec<u8>, WorkflowError> {
        let row =
            sqlx::query("SELECT ciphertext FROM case_documents WHERE id = $1 AND case_id = $2")
                .bind(document_id.as_str())
                .bind(case_id.as_str())
                .fetch_optional(self.reader())
                .await?
                .ok_or(WorkflowError::NotFound)?;
        let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
        let docx = open(
            case_key,
            &ciphertext,
            &case_labels::document(case_id, document_id.as_str()),
        )
        .map_err(|_| WorkflowError::WrongCaseKey)?;
        Ok(docx.to_vec())
    }

    /// The documents `unit_id` issued for a case, oldest first: what a unit that
    /// forwarded the case still sees of it.
    pub async fn documents_issued_by(
        &self,
        case_id: &CaseId,
        unit_id: &UnitId,
    ) -> Result<Vec<DocumentInfo>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {INFO_COLUMNS} {INFO_FROM} WHERE d.case_id = $1 AND d.unit_id = $2 \
             ORDER BY d.created_at, d.doc_type, d.serial"
        ))
        .bind(case_id.as_str())
        .bind(unit_id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(document_info).collect()
    }

    /// A document decrypted for the unit that issued it, through the seal of the
    /// case key to that unit, which forwarding leaves in place: the sending unit
    /// can print again the letter it signed after the case has moved on. Only
    /// documents of `unit_id` open this way.
    pub async fn issued_document_docx(
        &self,
        case_id: &CaseId,
        document_id: &DocumentId,
        unit_id: &UnitId,
        unit_secret: &SecretKey,
    ) -> Result<Vec<u8>, WorkflowError> {
        let row = sqlx::query(
            "SELECT d.ciphertext, s.sealed FROM case_documents d \
             JOIN case_key_seals s ON s.case_id = d.case_id AND s.holder_kind = 'unit' \
             AND s.holder_id = d.unit_id \
             WHERE d.id = $1 AND d.case_id = $2 AND d.unit_id = $3",
        )
        .bind(document_id.as_str())
        .bind(case_id.as_str())
        .bind(unit_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .ok_or(WorkflowError::NotFound)?;
        let sealed: Vec<u8> = row.try_get("sealed")?;
        let case_key =
            open_case_key_as_unit(case_id.as_str(), unit_id.as_str(), unit_secret, &sealed)
                .map_err(|_| WorkflowError::WrongCaseKey)?;
        let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
        let docx = open(
            &case_key,
            &ciphertext,
            &case_labels::document(case_id, document_id.as_str()),
        )
        .map_err(|_| WorkflowError::WrongCaseKey)?;
        Ok(docx.to_vec())
    }
}

fn document_info(row: &AnyRow) -> Result<DocumentInfo, StoreError> {
    let serial: i64 = row.try_get("serial")?;
    let year: i64 = row.try_get("year")?;
    let created_at: String = row.try_get("created_at")?;
    Ok(DocumentInfo {
        id: DocumentId(row.try_get("id")?),
        case_id: CaseId::from_column(row.try_get("case_id")?),
        event_seq: row.try_get("event_seq")?,
        event_kind: row.try_get("event_kind")?,
        unit_id: UnitId::from_column(row.try_get("unit_id")?),
        doc_type: row.try_get("doc_type")?,
        year: i32::try_from(year).map_err(|_| StoreError::Corrupt("case_documents.year".into()))?,
        serial: u32::try_from(serial)
            .map_err(|_| StoreError::Corrupt("case_documents.serial".into()))?,
        number: row.try_get("number")?,
        created_by: row
            .try_get::<Option<String>, _>("created_by")?
            .map(UserId::from_column),
        created_at: parse_timestamp(&created_at)?,
    })
}
