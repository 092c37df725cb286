//! Conclusions as posted on the portal (LTC Art. 40; NĐ31 Art. 6): copied out of
//! the case at publication so the public page reads them without a key.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::case_file::Finding;
use serde_json::json;
use sqlx::Row;

use crate::accounts::UnitId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

/// A conclusion to post. Only what the conclusion states: never who reported or
/// what the report said.
pub struct NewPublication<'a> {
    /// The case.
    pub case_id: &'a CaseId,
    /// The Published event's place in the file.
    pub published_seq: i64,
    /// The unit that concluded it.
    pub unit_id: &'a UnitId,
    /// The finding.
    pub finding: Finding,
    /// The measures the conclusion orders.
    pub measures: &'a [String],
    /// Money to recover, in đồng.
    pub amount_to_recover_vnd: u64,
    /// Persons to discipline.
    pub persons_to_discipline: u32,
    /// The conclusion's date.
    pub concluded_on: NaiveDate,
    /// First day posted.
    pub published_from: NaiveDate,
    /// Last day posted.
    pub published_until: NaiveDate,
}

/// A conclusion as the public page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedConclusion {
    /// The case.
    pub case_id: CaseId,
    /// Its public tracking number.
    pub tracking_number: String,
    /// The unit's code.
    pub unit_code: String,
    /// The unit's name.
    pub unit_name: String,
    /// Whether the case is a report of retaliation.
    pub retaliation: bool,
    /// The finding.
    pub finding: Finding,
    /// The measures.
    pub measures: Vec<String>,
    /// Money to recover, in đồng.
    pub amount_to_recover_vnd: u64,
    /// Persons to discipline.
    pub persons_to_discipline: u32,
    /// The conclusion's date.
    pub concluded_on: NaiveDate,
    /// First day posted.
    pub published_from: NaiveDate,
    /// Last day posted.
    pub published_until: NaiveDate,
}

pub(crate) fn finding_column(finding: Finding) -> &'static str {
    match finding {
        Finding::Correct => "correct",
        Finding::PartlyCorrect => "partly_correct",
        Finding::False => "false",
    }
}

pub(crate) fn finding_from_code(code: &str) -> Result<Finding, StoreError> {
    match code {
        "correct" => Ok(Finding::Correct),
        "partly_correct" => Ok(Finding::PartlyCorrect),
        "false" => Ok(Finding::False),
        _ => Err(StoreError::Corrupt(format!("finding {code:?}"))),
    }
}

fn date(text: &str, column: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("published_conclusions.{column}")))
}

impl Store {
    /// Posts a conclusion; again for the same publication: nothing changes.
    /// Returns whether it was new. Audited as `case.conclusion_posted`.
    pub async fn record_publication(
        &self,
        actor: &str,
        publication: &NewPublication<'_>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let exists = sqlx::query(
            "SELECT case_id FROM published_conclusions WHERE case_id = $1 AND published_seq = $2",
        )
        .bind(publication.case_id.as_str())
        .bind(publication.published_seq)
        .fetch_optional(tx.connection())
        .await?
        .is_some();
        if exists {
            return Ok(false);
        }
        let measures = serde_json::to_string(publication.measures)
            .map_err(|_| StoreError::Corrupt("measures do not serialise".into()))?;
        sqlx::query(
            "INSERT INTO published_conclusions (case_id, published_seq, unit_id, finding, \
             measures, amount_to_recover_vnd, persons_to_discipline, concluded_on, \
             published_from, published_until, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(publication.case_id.as_str())
        .bind(publication.published_seq)
        .bind(publication.unit_id.as_str())
        .bind(finding_column(publication.finding))
        .bind(measures)
        .bind(i64::try_from(publication.amount_to_recover_vnd).unwrap_or(i64::MAX))
        .bind(i64::from(publication.persons_to_discipline))
        .bind(publication.concluded_on.to_string())
        .bind(publication.published_from.to_string())
        .bind(publication.published_until.to_string())
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor,
            action: "case.conclusion_posted",
            object: &format!("case:{}", publication.case_id),
            details: json!({
                "published_seq": publication.published_seq,
                "from": publication.published_from.to_string(),
                "until": publication.published_until.to_string(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The conclusions posted by `today` (publication begun), newest first, at most
    /// `limit` (1–500); only retaliation cases' when `retaliation_only`.
    pub async fn published_conclusions(
        &self,
        today: NaiveDate,
        retaliation_only: bool,
        limit: u32,
    ) -> Result<Vec<PublishedConclusion>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.case_id, c.tracking_number, u.code AS unit_code, u.name AS unit_name, \
             CASE WHEN l.case_id IS NULL THEN 0 ELSE 1 END AS retaliation, p.finding, \
             p.measures, p.amount_to_recover_vnd, p.persons_to_discipline, p.concluded_on, \
             p.published_from, p.published_until \
             FROM published_conclusions p \
             JOIN cases c ON c.id = p.case_id \
             JOIN units u ON u.id = p.unit_id \
             LEFT JOIN retaliation_links l ON l.case_id = p.case_id \
             WHERE p.published_from <= $1 AND ($2 = 0 OR l.case_id IS NOT NULL) \
             ORDER BY p.published_from DESC, p.case_id, p.published_seq LIMIT $3",
        )
        .bind(today.to_string())
        .bind(i64::from(retaliation_only))
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let measures: String = row.try_get("measures")?;
                Ok(PublishedConclusion {
                    case_id: CaseId::from_column(row.try_get("case_id")?),
                    tracking_number: row.try_get("tracking_number")?,
                    unit_code: row.try_get("unit_code")?,
                    unit_name: row.try_get("unit_name")?,
                    retaliation: row.try_get::<i64, _>("retaliation")? != 0,
                    finding: finding_from_code(&row.try_get::<String, _>("finding")?)?,
                    measures: serde_json::from_str(&measures).map_err(|_| {
                        StoreError::Corrupt("published_conclusions.measures".into())
                    })?,
                    amount_to_recover_vnd: u64::try_from(
                        row.try_get::<i64, _>("amount_to_recover_vnd")?,
                    )
                    .unwrap_or(0),
                    persons_to_discipline: u32::try_from(
                        row.try_get::<i64, _>("persons_to_discipline")?,
                    )
                    .unwrap_or(0),
                    concluded_on: date(&row.try_get::<String, _>("concluded_on")?, "concluded_on")?,
                    published_from: date(
                        &row.try_get::<String, _>("published_from")?,
                        "published_from",
                    )?,
                    published_until: date(
                        &row.try_get::<String, _>("published_until")?,
                        "published_until",
                    )?,
                })
            })
            .collect()
    }
}
