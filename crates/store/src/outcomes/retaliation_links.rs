//! Retaliation reports as linked cases: the link row written in the same
//! transaction as the new case, and the reads that follow it both ways.

use chrono::{DateTime, Utc};
use khien_domain::intake::TrackingNumber;
use serde_json::json;
use sqlx::Row;

use super::OutcomesError;
use crate::accounts::UnitId;
use crate::audit::AuditRecord;
use crate::blobs::BlobStore;
use crate::intake::case_summary::SUMMARY_COLUMNS;
use crate::intake::{CaseId, CaseSummary, IntakeError, Submission, SubmittedCase};
use crate::timestamp::parse_timestamp;
use crate::{Store, StoreError, WriteTx};

/// Who reported the retaliation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetaliationSource {
    /// The reporter of the original case, from their follow-up page.
    Reporter,
    /// A colleague, without a receipt, from the public form.
    Colleague,
}

impl RetaliationSource {
    /// The code in storage and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reporter => "reporter",
            Self::Colleague => "colleague",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "reporter" => Some(Self::Reporter),
            "colleague" => Some(Self::Colleague),
            _ => None,
        }
    }
}

/// The link of a new retaliation case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRetaliationLink {
    /// The case the retaliation is about, if known.
    pub original_case_id: Option<CaseId>,
    /// The unit accused of retaliating.
    pub accused_unit_id: UnitId,
    /// The party inspection committee that sees the case.
    pub inspection_unit_id: Option<UnitId>,
    /// Who reported it.
    pub source: RetaliationSource,
    /// Whether the denouncer is named: the reporter of a named original case is,
    /// though their identity stays sealed in that case (it is not copied). The new
    /// case then follows the LTC procedure and deadlines, not Art. 25.
    pub denouncer_named: bool,
}

/// A stored link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetaliationLink {
    /// The retaliation case.
    pub case_id: CaseId,
    /// The case it is about.
    pub original_case_id: Option<CaseId>,
    /// The unit accused of retaliating.
    pub accused_unit_id: UnitId,
    /// The party inspection committee that sees it.
    pub inspection_unit_id: Option<UnitId>,
    /// Who reported it.
    pub source: RetaliationSource,
    /// When (to the hour).
    pub created_at: DateTime<Utc>,
}

/// How a linked case relates to the case it is listed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRelation {
    /// The linked case is a report of retaliation about this one.
    RetaliationReport,
    /// The linked case is the one this retaliation report is about.
    OriginalCase,
}

impl LinkRelation {
    /// The code in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RetaliationReport => "retaliation_report",
            Self::OriginalCase => "original_case",
        }
    }
}

/// A case linked to another, by its public facts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedCase {
    /// How it relates.
    pub relation: LinkRelation,
    /// Its public facts.
    pub summary: CaseSummary,
}

/// A retaliation case as a unit's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetaliationCaseRow {
    /// Its public facts.
    pub summary: CaseSummary,
    /// Its link.
    pub link: RetaliationLink,
}

const LINK_COLUMNS: &str =
    "case_id, original_case_id, accused_unit_id, inspection_unit_id, source, created_at";

fn link_from_row(row: &sqlx::any::AnyRow) -> Result<RetaliationLink, StoreError> {
    let source: String = row.try_get("source")?;
    let created_at: String = row.try_get("created_at")?;
    Ok(RetaliationLink {
        case_id: CaseId::from_column(row.try_get("case_id")?),
        original_case_id: row
            .try_get::<Option<String>, _>("original_case_id")?
            .map(CaseId::from_column),
        accused_unit_id: UnitId::from_column(row.try_get("accused_unit_id")?),
        inspection_unit_id: row
            .try_get::<Option<String>, _>("inspection_unit_id")?
            .map(UnitId::from_column),
        source: RetaliationSource::parse(&source)
            .ok_or_else(|| StoreError::Corrupt("retaliation_links.source".into()))?,
        created_at: parse_timestamp(&created_at)?,
    })
}

/// Writes the link of a case being submitted, in its transaction, and audits it
/// (`case.retaliation_linked`: ids and units only).
pub(crate) async fn insert_retaliation_link(
    tx: &mut WriteTx,
    actor: &str,
    case_id: &CaseId,
    link: &NewRetaliationLink,
    stamp: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO retaliation_links (case_id, original_case_id, accused_unit_id, \
         inspection_unit_id, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case_id.as_str())
    .bind(
        link.original_case_id
            .as_ref()
            .map(|id| id.as_str().to_owned()),
    )
    .bind(link.accused_unit_id.as_str())
    .bind(
        link.inspection_unit_id
            .as_ref()
            .map(|id| id.as_str().to_owned()),
    )
    .bind(link.source.as_str())
    .bind(stamp)
    .execute(tx.connection())
    .await?;
    tx.audit(AuditRecord {
        actor,
        action: "case.retaliation_linked",
        object: &format!("case:{case_id}"),
        details: json!({
            "original_case": link.original_case_id.as_ref().map(CaseId::as_str),
            "accused_unit": link.accused_unit_id.as_str(),
            "inspection_unit": link.inspection_unit_id.as_ref().map(UnitId::as_str),
            "source": link.source.as_str(),
        }),
    })
    .await?;
    Ok(())
}

impl Store {
    /// Stores a retaliation report as a new case with its link, in one
    /// transaction: the same as [`Store::submit_report`] otherwise.
    pub async fn submit_retaliation_case(
        &self,
        submission: Submission<'_>,
        blobs: &BlobStore,
        link: &NewRetaliationLink,
    ) -> Result<SubmittedCase, IntakeError> {
        self.submit_with_link(submission, blobs, Some(link)).await
    }

    /// The case with this public tracking number, if any: a colleague reporting
    /// retaliation may know it (it is on the receipt and the public page).
    pub async fn case_by_tracking_number(
        &self,
        tracking_number: &TrackingNumber,
    ) -> Result<Option<CaseSummary>, StoreError> {
        sqlx::query(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM cases WHERE tracking_number = $1"
        ))
        .bind(tracking_number.as_str())
        .fetch_optional(self.reader())
        .await?
        .map(|row| CaseSummary::from_row(&row))
        .transpose()
    }

    /// The link of a retaliation case, if the case is one.
    pub async fn retaliation_link(
        &self,
        case_id: &CaseId,
    ) -> Result<Option<RetaliationLink>, StoreError> {
        sqlx::query(&format!(
            "SELECT {LINK_COLUMNS} FROM retaliation_links WHERE case_id = $1"
        ))
        .bind(case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .map(|row| link_from_row(&row))
        .transpose()
    }

    /// The cases linked to this one, both ways: the retaliation reports about it,
    /// and the case it is a retaliation report about. Oldest first.
    pub async fn linked_cases(&self, case_id: &CaseId) -> Result<Vec<LinkedCase>, StoreError> {
        let columns = SUMMARY_COLUMNS
            .split(", ")
            .map(|column| format!("c.{column}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {columns}, 'report' AS relation FROM retaliation_links l \
             JOIN cases c ON c.id = l.case_id WHERE l.original_case_id = $1 \
             UNION ALL \
             SELECT {columns}, 'against' AS relation FROM retaliation_links l \
             JOIN cases c ON c.id = l.original_case_id WHERE l.case_id = $1 \
             ORDER BY received_at, id"
        ))
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let relation: String = row.try_get("relation")?;
                Ok(LinkedCase {
                    relation: if relation == "report" {
                        LinkRelation::RetaliationReport
                    } else {
                        LinkRelation::OriginalCase
                    },
                    summary: CaseSummary::from_row(row)?,
                })
            })
            .collect()
    }

    /// Whether `unit` is the party inspection committee that sees this
    /// retaliation case.
    pub async fn inspects_retaliation_case(
        &self,
        case_id: &CaseId,
        unit: &UnitId,
    ) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "SELECT case_id FROM retaliation_links WHERE case_id = $1 AND inspection_unit_id = $2",
        )
        .bind(case_id.as_str())
        .bind(unit.as_str())
        .fetch_optional(self.reader())
        .await?
        .is_some())
    }

    /// The retaliation cases a unit handles or inspects, newest first (at most 500).
    pub async fn retaliation_cases_for_unit(
        &self,
        unit: &UnitId,
    ) -> Result<Vec<RetaliationCaseRow>, StoreError> {
        let columns = SUMMARY_COLUMNS
            .split(", ")
            .map(|column| format!("c.{column}"))
            .collect::<Vec<_>>()
            .join(", ");
        let link_columns = LINK_COLUMNS
            .split(", ")
            .map(|column| format!("l.{column}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {columns}, {link_columns} FROM retaliation_links l \
             JOIN cases c ON c.id = l.case_id \
             WHERE c.unit_id = $1 OR l.inspection_unit_id = $1 \
             ORDER BY c.received_at DESC, c.id LIMIT 500"
        ))
        .bind(unit.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RetaliationCaseRow {
                    summary: CaseSummary::from_row(row)?,
                    link: link_from_row(row)?,
                })
            })
            .collect()
    }

    /// Records the unit staff named as the one accused of retaliating, with the
    /// inspection committee that follows from it. Audited as
    /// `case.retaliation_accused_named`.
    pub async fn name_accused_unit(
        &self,
        actor: &str,
        case_id: &CaseId,
        accused: &UnitId,
        inspection: Option<&UnitId>,
    ) -> Result<(), OutcomesError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE retaliation_links SET accused_unit_id = $1, inspection_unit_id = $2 \
             WHERE case_id = $3",
        )
        .bind(accused.as_str())
        .bind(inspection.map(|unit| unit.as_str().to_owned()))
        .bind(case_id.as_str())
        .execute(tx.connection())
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(OutcomesError::NotFound);
        }
        tx.audit(AuditRecord {
            actor,
            action: "case.retaliation_accused_named",
            object: &format!("case:{case_id}"),
            details: json!({
                "accused_unit": accused.as_str(),
                "inspection_unit": inspection.map(UnitId::as_str),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
