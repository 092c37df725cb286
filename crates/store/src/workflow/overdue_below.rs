//! Overdue cases across an oversight scope (Ban Nội chính, a superior head): every
//! case of the viewer's unit, the units below it and the units of its jurisdiction
//! ([`crate::oversight`]) whose next statutory date has passed, the longest overdue
//! first, a page at a time, and how many each unit has.
//!
//! Keyset pagination on `(next_due, id)` over the `cases_next_due` index (migration
//! 0015): a page walks the index from the oldest due date and keeps the cases of
//! the subtree, so its cost does not grow with the depth of the page. Only the
//! clock columns are read: no key, no content.

use chrono::NaiveDate;
use sqlx::Row;

use crate::accounts::UnitId;
use crate::intake::case_summary::SUMMARY_COLUMNS;
use crate::intake::{CaseId, CaseSummary};
use crate::oversight::OVERSIGHT_SCOPE;
use crate::{Store, StoreError};

/// Where the next page of overdue cases starts: the last case of the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueCursor {
    next_due: NaiveDate,
    id: CaseId,
}

impl OverdueCursor {
    /// A URL-safe token for a `?after=` parameter.
    pub fn to_token(&self) -> String {
        format!("{}.{}", self.next_due, self.id)
    }

    /// Reads a token back; `None` if it was not made by [`OverdueCursor::to_token`].
    pub fn from_token(token: &str) -> Option<Self> {
        let (due, id) = token.split_once('.')?;
        Some(Self {
            next_due: due.parse().ok()?,
            id: CaseId::parse(id)?,
        })
    }
}

/// One page of overdue cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverduePage {
    /// The longest overdue first.
    pub cases: Vec<CaseSummary>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<OverdueCursor>,
}

impl Store {
    /// Up to `limit` (1–200) overdue cases of the oversight scope of `unit` (its
    /// subtree and its jurisdiction), as of `today`, after `after`.
    pub async fn overdue_below(
        &self,
        unit: &UnitId,
        today: NaiveDate,
        after: Option<&OverdueCursor>,
        limit: u32,
    ) -> Result<OverduePage, StoreError> {
        let limit = limit.clamp(1, 200);
        let page_condition = match after {
            None => "",
            Some(_) => " AND (next_due, id) > ($3, $4)",
        };
        let limit_at = if after.is_some() { 5 } else { 3 };
        // `unit_id || ''` keeps the planner off the per-unit indexes: with them SQLite
        // read every overdue case of the subtree and sorted them (49 ms for 14 000 of
        // 100 000 cases); walking `cases_next_due`, which holds `unit_id`, gives the
        // page in order from the index alone (1 ms).
        let sql = format!(
            "{OVERSIGHT_SCOPE} SELECT {SUMMARY_COLUMNS} FROM cases \
             WHERE next_due IS NOT NULL AND next_due < $2{page_condition} \
             AND unit_id || '' IN (SELECT id FROM below) ORDER BY next_due, id LIMIT ${limit_at}"
        );
        let mut query = sqlx::query(&sql)
            .bind(unit.as_str())
            .bind(today.to_string());
        if let Some(cursor) = after {
            query = query
                .bind(cursor.next_due.to_string())
                .bind(cursor.id.as_str());
        }
        // One row more than asked tells whether there is a next page.
        let rows = query
            .bind(i64::from(limit) + 1)
            .fetch_all(self.reader())
            .await?;
        let more = rows.len() > limit as usize;
        let mut cases = Vec::with_capacity(limit as usize);
        for row in rows.iter().take(limit as usize) {
            cases.push(CaseSummary::from_row(row)?);
        }
        let next = match (more, cases.last()) {
            (true, Some(last)) => last.next_due.map(|(_, due)| OverdueCursor {
                next_due: due,
                id: last.id.clone(),
            }),
            _ => None,
        };
        Ok(OverduePage { cases, next })
    }

    /// How many overdue cases each unit of the oversight scope of `unit` has, as of `today` (units
    /// with none are left out).
    pub async fn overdue_counts_below(
        &self,
        unit: &UnitId,
        today: NaiveDate,
    ) -> Result<Vec<(UnitId, i64)>, StoreError> {
        let sql = format!(
            "{OVERSIGHT_SCOPE} SELECT unit_id, COUNT(*) AS n FROM cases \
             WHERE next_due IS NOT NULL AND next_due < $2 \
             AND unit_id IN (SELECT id FROM below) GROUP BY unit_id ORDER BY unit_id"
        );
        sqlx::query(&sql)
            .bind(unit.as_str())
            .bind(today.to_string())
            .fetch_all(self.reader())
            .await?
            .iter()
            .map(|row| {
                Ok((
                    UnitId::from_column(row.try_get("unit_id")?),
                    row.try_get("n")?,
                ))
            })
            .collect()
    }
}
