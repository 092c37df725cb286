//! Reports submitted by unit heads: the figures frozen at submission and the unit's
//! narrative. One per unit and period; a later one is a new revision with a reason,
//! and the earlier revisions stay.

use chrono::{DateTime, Utc};
use khien_domain::reporting::{Indicators, Narrative, ReportPeriod, RevisionReason};
use khien_vault::random::random_bytes;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::ReportingError;
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// The id of a submission (one revision).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReportSubmissionId(String);

impl ReportSubmissionId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A report to record.
pub struct NewReportSubmission<'a> {
    pub unit_id: &'a UnitId,
    pub period: ReportPeriod,
    /// The figures as computed at this moment.
    pub indicators: Indicators,
    pub narrative: &'a Narrative,
    /// Required when the unit already submitted for the period.
    pub reason: Option<&'a RevisionReason>,
    pub submitted_by: &'a UserId,
    pub now: DateTime<Utc>,
}

/// One revision of a unit's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSubmission {
    pub id: ReportSubmissionId,
    pub unit_id: UnitId,
    pub period: ReportPeriod,
    /// 1 for the first submission, then 2, 3, …
    pub revision: i64,
    pub indicators: Indicators,
    pub narrative: String,
    pub reason: Option<String>,
    pub submitted_by: UserId,
    pub submitted_at: DateTime<Utc>,
}

const COLUMNS: &str =
    "id, unit_id, period, revision, indicators, narrative, reason, submitted_by, submitted_at";

fn from_row(row: &AnyRow) -> Result<ReportSubmission, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("report_submissions.{what}"));
    let period: String = row.try_get("period")?;
    let indicators: String = row.try_get("indicators")?;
    let submitted_at: String = row.try_get("submitted_at")?;
    Ok(ReportSubmission {
        id: ReportSubmissionId(row.try_get("id")?),
        unit_id: UnitId::from_column(row.try_get("unit_id")?),
        period: period.parse().map_err(|_| corrupt("period"))?,
        revision: row.try_get("revision")?,
        indicators: serde_json::from_str(&indicators).map_err(|_| corrupt("indicators"))?,
        narrative: row.try_get("narrative")?,
        reason: row.try_get("reason")?,
        submitted_by: UserId::from_column(row.try_get("submitted_by")?),
        submitted_at: parse_timestamp(&submitted_at)?,
    })
}

impl Store {
    /// Records a unit's report for a period. The first needs no reason; each later one
    /// is a new revision and needs one ([`ReportingError::ReasonRequired`]). Audited
    /// with ids, period and revision only: never the narrative.
    pub async fn submit_unit_report(
        &self,
        new: NewReportSubmission<'_>,
    ) -> Result<ReportSubmission, ReportingError> {
        let mut tx = self.begin().await?;
        let previous: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(revision) FROM report_submissions WHERE unit_id = $1 AND period = $2",
        )
        .bind(new.unit_id.as_str())
        .bind(new.period.code())
        .fetch_one(tx.connection())
        .await?;
        if let (Some(revision), None) = (previous, new.reason) {
            return Err(ReportingError::ReasonRequired { revision });
        }
        let submission = ReportSubmission {
            id: ReportSubmissionId(hex::encode(random_bytes::<16>())),
            unit_id: new.unit_id.clone(),
            period: new.period,
            revision: previous.unwrap_or(0) + 1,
            indicators: new.indicators,
            narrative: new.narrative.as_str().to_owned(),
            // A reason on a first submission replaces nothing.
            reason: previous
                .and(new.reason)
                .map(|reason| reason.as_str().to_owned()),
            submitted_by: new.submitted_by.clone(),
            // As stored (to the microsecond), so that what is returned is what is read.
            submitted_at: parse_timestamp(&format_timestamp(new.now))?,
        };
        let indicators = serde_json::to_string(&submission.indicators)
            .map_err(|error| StoreError::Corrupt(format!("indicators: {error}")))?;
        sqlx::query(&format!(
            "INSERT INTO report_submissions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        ))
        .bind(submission.id.as_str())
        .bind(submission.unit_id.as_str())
        .bind(submission.period.code())
        .bind(submission.revision)
        .bind(indicators)
        .bind(submission.narrative.as_str())
        .bind(submission.reason.clone())
        .bind(submission.submitted_by.as_str())
        .bind(format_timestamp(submission.submitted_at))
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{}", submission.submitted_by),
            action: "report.submitted",
            object: &format!("unit:{}", submission.unit_id),
            details: json!({
                "submission": submission.id.as_str(),
                "period": submission.period.code(),
                "revision": submission.revision,
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(submission)
    }

    /// The latest revision of each of `units`' reports for `period` (units that have
    /// not submitted are absent).
    pub async fn latest_submissions(
        &self,
        units: &[UnitId],
        period: ReportPeriod,
    ) -> Result<Vec<ReportSubmission>, ReportingError> {
        let mut latest: Vec<ReportSubmission> = Vec::new();
        for chunk in units.chunks(500) {
            let list = (2..chunk.len() + 2)
                .map(|n| format!("${n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "SELECT {COLUMNS} FROM report_submissions WHERE period = $1 AND unit_id IN \
                 ({list}) ORDER BY unit_id, revision"
            );
            let mut query = sqlx::query(&sql).bind(period.code());
            for unit in chunk {
                query = query.bind(unit.as_str());
            }
            for row in query.fetch_all(self.reader()).await? {
                let submission = from_row(&row)?;
                match latest.last_mut() {
                    Some(last) if last.unit_id == submission.unit_id => *last = submission,
                    _ => latest.push(submission),
                }
            }
        }
        Ok(latest)
    }

    /// Every revision of one unit's report for `period`, oldest first.
    pub async fn submission_revisions(
        &self,
        unit_id: &UnitId,
        period: ReportPeriod,
    ) -> Result<Vec<ReportSubmission>, ReportingError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM report_submissions WHERE unit_id = $1 AND period = $2 \
             ORDER BY revision"
        ))
        .bind(unit_id.as_str())
        .bind(period.code())
        .fetch_all(self.reader())
        .await?;
        Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
    }
}
