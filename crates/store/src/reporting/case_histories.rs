//! The redacted histories of every case a set of units reports on, read in batches:
//! one query for the cases, one per few hundred cases for their events (one row per
//! case).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use khien_domain::case_file::CaseEvent;
use khien_domain::intake::{Channel, ReportKind};
use sqlx::Row;

use super::ReportingError;
use crate::accounts::UnitId;
use crate::{Store, StoreError};

/// Units per query (each is bound twice) and cases per events query: far below
/// either backend's limit on bound parameters.
const UNITS_PER_QUERY: usize = 200;
const CASES_PER_QUERY: usize = 500;

/// One case with what the report needs of it.
pub(crate) struct CaseHistory {
    pub case_id: String,
    /// The unit holding the case now.
    pub unit_id: UnitId,
    /// The unit that forwarded it here, if it was forwarded.
    pub forwarded_by: Option<UnitId>,
    /// The receipt, then every event, redacted.
    pub events: Vec<CaseEvent>,
}

/// `$first, $first+1, …` for `count` parameters.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The cases `units` hold or forwarded, received on or before `received_by`.
    pub(crate) async fn report_histories(
        &self,
        units: &[UnitId],
        received_by: NaiveDate,
    ) -> Result<Vec<CaseHistory>, ReportingError> {
        let mut cases: Vec<CaseHistory> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let corrupt = |what: &str| StoreError::Corrupt(format!("cases.{what}"));
        for chunk in units.chunks(UNITS_PER_QUERY) {
            let sql = format!(
                "SELECT id, unit_id, kind, channel, anonymous, received_on FROM cases \
                 WHERE received_on <= $1 AND (unit_id IN ({}) OR id IN (SELECT case_id \
                 FROM case_events WHERE kind = 'forwarded' AND unit_id IN ({}))) ORDER BY id",
                placeholders(2, chunk.len()),
                placeholders(2 + chunk.len(), chunk.len()),
            );
            let mut query = sqlx::query(&sql).bind(received_by.to_string());
            for unit in chunk.iter().chain(chunk) {
                query = query.bind(unit.as_str());
            }
            for row in query.fetch_all(self.reader()).await? {
                let id: String = row.try_get("id")?;
                // A case held by one chunk's unit and forwarded by another's.
                if !seen.insert(id.clone()) {
                    continue;
                }
                let kind: String = row.try_get("kind")?;
                let channel: String = row.try_get("channel")?;
                let received_on: String = row.try_get("received_on")?;
                let received_on = NaiveDate::parse_from_str(&received_on, "%Y-%m-%d")
                    .map_err(|_| corrupt("received_on"))?;
                cases.push(CaseHistory {
                    case_id: id,
                    unit_id: UnitId::from_column(row.try_get("unit_id")?),
                    forwarded_by: None,
                    events: vec![CaseEvent::Received {
                        on: received_on,
                        kind: ReportKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
                        channel: Channel::parse(&channel).ok_or_else(|| corrupt("channel"))?,
                        anonymous: row.try_get::<i64, _>("anonymous")? != 0,
                        received_on,
                    }],
                });
            }
        }
        let index: HashMap<String, usize> = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.case_id.clone(), i))
            .collect();
        let ids: Vec<String> = cases.iter().map(|c| c.case_id.clone()).collect();
        // One row per case with its events joined by a record separator (JSON never
        // holds a raw control character): handing rows one by one from the SQLite
        // worker thread cost more than the query and the folds together, 550 000
        // event rows for 100 000 cases. A case is forwarded at most once (LTC Art.
        // 24(2)), so the forwarding unit is the one `forwarded` row's.
        let joined = match self.backend() {
            crate::Backend::Sqlite => "group_concat(public_event, char(30) ORDER BY seq)",
            crate::Backend::Postgres => "string_agg(public_event, chr(30) ORDER BY seq)",
        };
        for chunk in ids.chunks(CASES_PER_QUERY) {
            let sql = format!(
                "SELECT case_id, {joined} AS events, \
                 MAX(CASE WHEN kind = 'forwarded' THEN unit_id END) AS forwarded_by \
                 FROM case_events WHERE case_id IN ({}) GROUP BY case_id",
                placeholders(1, chunk.len())
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id.as_str());
            }
            for row in query.fetch_all(self.reader()).await? {
                let case_id: String = row.try_get("case_id")?;
                let Some(&at) = index.get(&case_id) else {
                    continue;
                };
                let joined: String = row.try_get("events")?;
                let case = &mut cases[at];
                for json in joined.split('\u{1e}') {
                    let event: CaseEvent = serde_json::from_str(json)
                        .map_err(|_| StoreError::Corrupt(format!("case_events of {case_id}")))?;
                    case.events.push(event);
                }
                if let Some(unit) = row.try_get::<Option<String>, _>("forwarded_by")? {
                    case.forwarded_by = Some(UnitId::from_column(unit));
                }
            }
        }
        Ok(cases)
    }
}
