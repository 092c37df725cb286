//! A unit's inbox: its cases, newest first, a page at a time.
//!
//! Keyset pagination on `(received_at, id)` with the `cases_unit_inbox` index:
//! each page costs the same however deep, unlike OFFSET, which DESIGN §8
//! needs for a million cases.

use sqlx::Row;

use super::CaseSummary;
use super::case_summary::SUMMARY_COLUMNS;
use crate::accounts::UnitId;
use crate::workflow::InboxFilter;
use crate::{Store, StoreError};

/// Where the next page starts: the last case of the previous page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxCursor {
    received_at: String,
    id: String,
}

impl InboxCursor {
    /// An opaque, URL-safe token for a `?after=` parameter.
    pub fn to_token(&self) -> String {
        format!("{}.{}", hex::encode(&self.received_at), self.id)
    }

    /// Reads a token back; `None` if it was not made by [`InboxCursor::to_token`].
    pub fn from_token(token: &str) -> Option<Self> {
        let (time, id) = token.split_once('.')?;
        let time = String::from_utf8(hex::decode(time).ok()?).ok()?;
        crate::timestamp::parse_timestamp(&time).ok()?;
        super::CaseId::parse(id)?;
        Some(Self {
            received_at: time,
            id: id.to_owned(),
        })
    }
}

/// One page of an inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxPage {
    /// Newest first.
    pub cases: Vec<CaseSummary>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<InboxCursor>,
}

impl Store {
    /// Up to `limit` (1–200) of the unit's cases that pass `filter`, newest first,
    /// after `after`.
    pub async fn unit_inbox(
        &self,
        unit: &UnitId,
        filter: &InboxFilter,
        after: Option<&InboxCursor>,
        limit: u32,
    ) -> Result<InboxPage, StoreError> {
        let limit = limit.clamp(1, 200);
        // One row more than asked tells whether there is a next page.
        let fetch = i64::from(limit) + 1;
        let (filters, values) = filter.conditions(2);
        let next = 2 + values.len();
        let (page_condition, limit_at) = match after {
            None => (String::new(), next),
            Some(_) => (
                format!(
                    " AND (received_at < ${next} OR (received_at = ${next} AND id < ${}))",
                    next + 1
                ),
                next + 2,
            ),
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM cases WHERE unit_id = $1{filters}{page_condition} \
             ORDER BY received_at DESC, id DESC LIMIT ${limit_at}"
        );
        let mut query = sqlx::query(&sql).bind(unit.as_str());
        for value in &values {
            query = query.bind(value.as_str());
        }
        if let Some(cursor) = after {
            query = query
                .bind(cursor.received_at.as_str())
                .bind(cursor.id.as_str());
        }
        let rows = query.bind(fetch).fetch_all(self.reader()).await?;
        let more = rows.len() > limit as usize;
        let mut cases = Vec::with_capacity(limit as usize);
        let mut next = None;
        for row in rows.iter().take(limit as usize) {
            cases.push(CaseSummary::from_row(row)?);
            next = Some(InboxCursor {
                received_at: row.try_get("received_at")?,
                id: row.try_get("id")?,
            });
        }
        Ok(InboxPage {
            cases,
            next: if more { next } else { None },
        })
    }

    /// How many of the unit's cases pass `filter`.
    pub async fn count_inbox(
        &self,
        unit: &UnitId,
        filter: &InboxFilter,
    ) -> Result<i64, StoreError> {
        let (filters, values) = filter.conditions(2);
        let sql = format!("SELECT COUNT(*) AS n FROM cases WHERE unit_id = $1{filters}");
        let mut query = sqlx::query(&sql).bind(unit.as_str());
        for value in &values {
            query = query.bind(value.as_str());
        }
        Ok(query.fetch_one(self.reader()).await?.try_get("n")?)
    }
}
