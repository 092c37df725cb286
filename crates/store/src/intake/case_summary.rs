//! What staff and the reporter may see of a case without any key: its public
//! facts. Nothing here is secret (no content, no identity).

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::case_file::{DeadlineKind, Stage};
use khien_domain::intake::{Channel, PublicStatus, ReportKind, TrackingNumber};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::CaseId;
use crate::accounts::{UnitId, UserId};
use crate::timestamp::parse_timestamp;
use crate::{Store, StoreError};

/// A case's public facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    /// The case.
    pub id: CaseId,
    /// Its tracking number.
    pub tracking_number: TrackingNumber,
    /// The unit handling it.
    pub unit_id: UnitId,
    /// Tố cáo, phản ánh or kiến nghị.
    pub kind: ReportKind,
    /// How it arrived.
    pub channel: Channel,
    /// Whether the reporter stayed anonymous (LTC Art. 25 information).
    pub anonymous: bool,
    /// Whether protection was requested at submission.
    pub wants_protection: bool,
    /// The date of receipt.
    pub received_on: NaiveDate,
    /// When it was stored (a reporter's own submission: to the hour).
    pub received_at: DateTime<Utc>,
    /// The officer who recorded it (staff channels).
    pub created_by: Option<UserId>,
    /// The status shown to the reporter.
    pub status: PublicStatus,
    /// Where the case stands (kept from the fold of its events).
    pub stage: Stage,
    /// Whether its resolution clock is stopped.
    pub suspended: bool,
    /// The earliest running deadline, if the clock has been computed.
    pub next_due: Option<(DeadlineKind, NaiveDate)>,
    /// The assigned handler.
    pub assignee: Option<UserId>,
}

/// The columns [`CaseSummary::from_row`] reads, for queries on `cases`.
pub(crate) const SUMMARY_COLUMNS: &str = "id, tracking_number, unit_id, kind, channel, anonymous, \
     wants_protection, received_on, received_at, created_by, stage, suspended, next_due, \
     next_due_kind, assignee_id";

impl CaseSummary {
    pub(crate) fn from_row(row: &AnyRow) -> Result<Self, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("cases.{what}"));
        let tracking: String = row.try_get("tracking_number")?;
        let kind: String = row.try_get("kind")?;
        let channel: String = row.try_get("channel")?;
        let received_on: String = row.try_get("received_on")?;
        let received_at: String = row.try_get("received_at")?;
        Ok(CaseSummary {
            id: CaseId::from_column(row.try_get("id")?),
            tracking_number: TrackingNumber::parse(&tracking)
                .ok_or_else(|| corrupt("tracking_number"))?,
            unit_id: UnitId::from_column(row.try_get("unit_id")?),
            kind: ReportKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
            channel: Channel::parse(&channel).ok_or_else(|| corrupt("channel"))?,
            anonymous: row.try_get::<i64, _>("anonymous")? != 0,
            wants_protection: row.try_get::<i64, _>("wants_protection")? != 0,
            received_on: NaiveDate::parse_from_str(&received_on, "%Y-%m-%d")
                .map_err(|_| corrupt("received_on"))?,
            received_at: parse_timestamp(&received_at)?,
            created_by: row
                .try_get::<Option<String>, _>("created_by")?
                .map(UserId::from_column),
            status: PublicStatus::Received,
            stage: Stage::parse(&row.try_get::<String, _>("stage")?)
                .ok_or_else(|| corrupt("stage"))?,
            suspended: row.try_get::<i64, _>("suspended")? != 0,
            next_due: match (
                row.try_get::<Option<String>, _>("next_due_kind")?,
                row.try_get::<Option<String>, _>("next_due")?,
            ) {
                (Some(kind), Some(due)) => Some((
                    DeadlineKind::parse(&kind).ok_or_else(|| corrupt("next_due_kind"))?,
                    NaiveDate::parse_from_str(&due, "%Y-%m-%d").map_err(|_| corrupt("next_due"))?,
                )),
                _ => None,
            },
            assignee: row
                .try_get::<Option<String>, _>("assignee_id")?
                .map(UserId::from_column),
        })
    }
}

impl Store {
    /// A case's public facts, if it exists.
    pub async fn case_summary(&self, case_id: &CaseId) -> Result<Option<CaseSummary>, StoreError> {
        sqlx::query(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM cases WHERE id = $1"
        ))
        .bind(case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .map(|row| CaseSummary::from_row(&row))
        .transpose()
    }
}

/// A case's public facts read on `connection` (inside a write transaction).
pub(crate) async fn summary_on(
    connection: &mut crate::Connection,
    case_id: &CaseId,
) -> Result<Option<CaseSummary>, StoreError> {
    sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM cases WHERE id = $1"
    ))
    .bind(case_id.as_str())
    .fetch_optional(&mut *connection)
    .await?
    .map(|row| CaseSummary::from_row(&row))
    .transpose()
}
