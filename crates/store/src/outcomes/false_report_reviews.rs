//! Reviews of reports found false: opened when such a conclusion is recorded,
//! then decided (deliberate or not) and, only if deliberate, handling recommended
//! (khien_domain::outcomes::FalseReportReview). Each step says who and when.
//! No step touches protection.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::case_file::Finding;
use khien_domain::outcomes::{FalseReportReview, HandlingBasis, HandlingKind};
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::case_key_check::check_case_key;
use super::publications::{finding_column, finding_from_code};
use super::{FalseReportReviewId, OutcomesError, labels};
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Connection, Store, StoreError};

/// A review as stored, notes opened when the case key was given. No `Debug`:
/// notes may name people.
pub struct StoredFalseReportReview {
    /// Its id.
    pub id: FalseReportReviewId,
    /// The case.
    pub case_id: CaseId,
    /// The Concluded event's place in the file.
    pub conclusion_seq: i64,
    /// The conclusion's finding.
    pub finding: Finding,
    /// The conclusion's date.
    pub concluded_on: NaiveDate,
    /// When the review opened.
    pub opened_at: DateTime<Utc>,
    /// What has been decided.
    pub review: FalseReportReview,
    /// Who decided on deliberateness, and when.
    pub decided: Option<(UserId, DateTime<Utc>)>,
    /// Their note.
    pub decision_note: Option<String>,
    /// Who recommended handling, and when.
    pub handling_recommended: Option<(UserId, DateTime<Utc>)>,
    /// Their note.
    pub handling_note: Option<String>,
}

const COLUMNS: &str = "id, case_id, conclusion_seq, finding, concluded_on, opened_at, \
     deliberate, decided_by, decided_at, decision_note, handling, legal_basis, handling_by, \
     handling_at, handling_note";

fn who_when(
    row: &AnyRow,
    by: &str,
    at: &str,
) -> Result<Option<(UserId, DateTime<Utc>)>, StoreError> {
    match (
        row.try_get::<Option<String>, _>(by)?,
        row.try_get::<Option<String>, _>(at)?,
    ) {
        (Some(user), Some(at)) => Ok(Some((UserId::from_column(user), parse_timestamp(&at)?))),
        _ => Ok(None),
    }
}

fn review_from_row(
    row: &AnyRow,
    case_key: Option<&DataKey>,
) -> Result<StoredFalseReportReview, OutcomesError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("false_report_reviews.{what}"));
    let id: String = row.try_get("id")?;
    let case_id = CaseId::from_column(row.try_get("case_id")?);
    let handling = match (
        row.try_get::<Option<String>, _>("handling")?,
        row.try_get::<Option<String>, _>("legal_basis")?,
    ) {
        (Some(kind), Some(basis)) => Some((
            HandlingKind::parse(&kind).ok_or_else(|| corrupt("handling"))?,
            HandlingBasis::parse(&basis).ok_or_else(|| corrupt("legal_basis"))?,
        )),
        _ => None,
    };
    let note = |column: &str, which: &str| -> Result<Option<String>, OutcomesError> {
        let (Some(key), Some(ciphertext)) = (case_key, row.try_get::<Option<Vec<u8>>, _>(column)?)
        else {
            return Ok(None);
        };
        let plain = open(key, &ciphertext, &labels::review_note(&case_id, &id, which))
            .map_err(|_| OutcomesError::WrongCaseKey)?;
        Ok(Some(
            String::from_utf8(plain.to_vec()).map_err(|_| corrupt(column))?,
        ))
    };
    let concluded_on: String = row.try_get("concluded_on")?;
    let opened_at: String = row.try_get("opened_at")?;
    Ok(StoredFalseReportReview {
        decision_note: note("decision_note", "decision")?,
        handling_note: note("handling_note", "handling")?,
        id: FalseReportReviewId::from_column(id.clone()),
        case_id: case_id.clone(),
        conclusion_seq: row.try_get("conclusion_seq")?,
        finding: finding_from_code(&row.try_get::<String, _>("finding")?)?,
        concluded_on: NaiveDate::parse_from_str(&concluded_on, "%Y-%m-%d")
            .map_err(|_| corrupt("concluded_on"))?,
        opened_at: parse_timestamp(&opened_at)?,
        review: FalseReportReview {
            deliberate: row
                .try_get::<Option<i64>, _>("deliberate")?
                .map(|flag| flag != 0),
            handling,
        },
        decided: who_when(row, "decided_by", "decided_at")?,
        handling_recommended: who_when(row, "handling_by", "handling_at")?,
    })
}

/// The case's latest review, locked for the transaction on PostgreSQL.
async fn latest_for_update(
    connection: &mut Connection,
    case_id: &CaseId,
) -> Result<StoredFalseReportReview, OutcomesError> {
    sqlx::query(
        "UPDATE false_report_reviews SET id = id WHERE case_id = $1 AND conclusion_seq = \
         (SELECT MAX(conclusion_seq) FROM false_report_reviews WHERE case_id = $1)",
    )
    .bind(case_id.as_str())
    .execute(&mut *connection)
    .await?;
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM false_report_reviews WHERE case_id = $1 \
         ORDER BY conclusion_seq DESC LIMIT 1"
    ))
    .bind(case_id.as_str())
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(OutcomesError::NotFound)?;
    review_from_row(&row, None)
}

fn sealed_note(
    case_key: &DataKey,
    case_id: &CaseId,
    review: &FalseReportReviewId,
    which: &str,
    note: Option<&str>,
) -> Option<Vec<u8>> {
    note.map(|text| {
        seal(
            case_key,
            text.as_bytes(),
            &labels::review_note(case_id, review.as_str(), which),
        )
    })
}

impl Store {
    /// Opens the review of a conclusion found false or flagged; again for the same
    /// conclusion: nothing changes. Returns whether it was new. Audited as
    /// `case.false_report_review_opened`.
    pub async fn open_false_report_review(
        &self,
        actor: &str,
        case_id: &CaseId,
        conclusion_seq: i64,
        finding: Finding,
        concluded_on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let exists = sqlx::query(
            "SELECT id FROM false_report_reviews WHERE case_id = $1 AND conclusion_seq = $2",
        )
        .bind(case_id.as_str())
        .bind(conclusion_seq)
        .fetch_optional(tx.connection())
        .await?
        .is_some();
        if exists {
            return Ok(false);
        }
        let id = FalseReportReviewId::new();
        sqlx::query(
            "INSERT INTO false_report_reviews (id, case_id, conclusion_seq, finding, \
             concluded_on, opened_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(case_id.as_str())
        .bind(conclusion_seq)
        .bind(finding_column(finding))
        .bind(concluded_on.to_string())
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor,
            action: "case.false_report_review_opened",
            object: &format!("case:{case_id}"),
            details: json!({ "review": id.as_str(), "conclusion_seq": conclusion_seq }),
        })
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A case's reviews, oldest first; notes opened when `case_key` is given.
    pub async fn false_report_reviews(
        &self,
        case_id: &CaseId,
        case_key: Option<&DataKey>,
    ) -> Result<Vec<StoredFalseReportReview>, OutcomesError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM false_report_reviews WHERE case_id = $1 ORDER BY conclusion_seq"
        ))
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| review_from_row(row, case_key))
        .collect()
    }

    /// Decides whether the case's latest false report was deliberate. Audited as
    /// `case.false_report_decided` (no note).
    pub async fn decide_false_report(
        &self,
        actor: &UserId,
        case_id: &CaseId,
        deliberate: bool,
        note: Option<&str>,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<(), OutcomesError> {
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let current = latest_for_update(tx.connection(), case_id).await?;
        current.review.decide(deliberate)?;
        sqlx::query(
            "UPDATE false_report_reviews SET deliberate = $1, decided_by = $2, decided_at = $3, \
             decision_note = $4 WHERE id = $5",
        )
        .bind(i64::from(deliberate))
        .bind(actor.as_str())
        .bind(format_timestamp(now))
        .bind(sealed_note(
            case_key,
            case_id,
            &current.id,
            "decision",
            note,
        ))
        .bind(current.id.as_str())
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{actor}"),
            action: "case.false_report_decided",
            object: &format!("case:{case_id}"),
            details: json!({ "review": current.id.as_str(), "deliberate": deliberate }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Recommends handling the denouncer of the case's latest false report: only
    /// after a deliberate finding (the domain refuses otherwise). Audited as
    /// `case.false_report_handling_recommended` (no note).
    #[allow(clippy::too_many_arguments)]
    pub async fn recommend_false_report_handling(
        &self,
        actor: &UserId,
        case_id: &CaseId,
        kind: HandlingKind,
        basis: HandlingBasis,
        note: Option<&str>,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<(), OutcomesError> {
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let current = latest_for_update(tx.connection(), case_id).await?;
        current.review.recommend(kind, basis)?;
        sqlx::query(
            "UPDATE false_report_reviews SET handling = $1, legal_basis = $2, handling_by = $3, \
             handling_at = $4, handling_note = $5 WHERE id = $6",
        )
        .bind(kind.as_str())
        .bind(basis.as_str())
        .bind(actor.as_str())
        .bind(format_timestamp(now))
        .bind(sealed_note(
            case_key,
            case_id,
            &current.id,
            "handling",
            note,
        ))
        .bind(current.id.as_str())
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{actor}"),
            action: "case.false_report_handling_recommended",
            object: &format!("case:{case_id}"),
            details: json!({
                "review": current.id.as_str(),
                "handling": kind.as_str(),
                "legal_basis": basis.as_str(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
