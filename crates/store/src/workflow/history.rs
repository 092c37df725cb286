//! Reading a case's history: redacted (no key needed) or whole (with the case key).

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::case_file::CaseEvent;
use khien_vault::symmetric::{DataKey, open};
use sqlx::Row;

use super::WorkflowError;
use crate::accounts::{UnitId, UserId};
use crate::intake::case_labels;
use crate::intake::{CaseId, CaseSummary};
use crate::timestamp::parse_timestamp;
use crate::{Connection, Store, StoreError};

/// One entry of a case file as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    /// Its place: 0 for the receipt (the `cases` row), then 1, 2, …
    pub seq: i64,
    /// The event: whole when read with the case key, otherwise redacted.
    pub event: CaseEvent,
    /// The unit that recorded it.
    pub unit_id: UnitId,
    /// The staff member who recorded it (`None`: the reporter, on the web).
    pub actor: Option<UserId>,
    /// When it was recorded (the receipt: as the case row says).
    pub recorded_at: DateTime<Utc>,
}

/// The receipt, rebuilt from the case row. Its unit is the case's unit until an
/// event says it was forwarded ([`stored_events`] corrects it then).
pub(crate) fn receipt_event(case: &CaseSummary) -> StoredEvent {
    StoredEvent {
        seq: 0,
        event: CaseEvent::Received {
            on: case.received_on,
            kind: case.kind,
            channel: case.channel,
            anonymous: case.anonymous,
            received_on: case.received_on,
        },
        unit_id: case.unit_id.clone(),
        actor: case.created_by.clone(),
        recorded_at: case.received_at,
    }
}

/// Rows of `case_events`, in order, with either column decoded.
pub(crate) async fn stored_events(
    connection: &mut Connection,
    case: &CaseSummary,
    case_key: Option<&DataKey>,
) -> Result<Vec<StoredEvent>, WorkflowError> {
    let rows = sqlx::query(
        "SELECT seq, unit_id, actor_user_id, recorded_at, public_event, ciphertext \
         FROM case_events WHERE case_id = $1 ORDER BY seq",
    )
    .bind(case.id.as_str())
    .fetch_all(&mut *connection)
    .await?;
    let mut events = vec![receipt_event(case)];
    for row in rows {
        let seq: i64 = row.try_get("seq")?;
        let json = match case_key {
            Some(key) => {
                let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
                let plain = open(key, &ciphertext, &case_labels::event(&case.id, seq))
                    .map_err(|_| WorkflowError::WrongCaseKey)?;
                String::from_utf8(plain.to_vec())
                    .map_err(|_| StoreError::Corrupt("case_events.ciphertext".into()))?
            }
            None => row.try_get("public_event")?,
        };
        let event: CaseEvent = serde_json::from_str(&json)
            .map_err(|_| StoreError::Corrupt(format!("case_events {} #{seq}", case.id)))?;
        let recorded_at: String = row.try_get("recorded_at")?;
        events.push(StoredEvent {
            seq,
            event,
            unit_id: UnitId::from_column(row.try_get("unit_id")?),
            actor: row
                .try_get::<Option<String>, _>("actor_user_id")?
                .map(UserId::from_column),
            recorded_at: parse_timestamp(&recorded_at)?,
        });
    }
    // The receipt was with the unit that forwarded the case first.
    if let Some(first_sender) = events
        .iter()
        .find(|stored| matches!(stored.event, CaseEvent::Forwarded { .. }))
        .map(|stored| stored.unit_id.clone())
    {
        events[0].unit_id = first_sender;
    }
    Ok(events)
}

impl Store {
    /// A case's history with free text hidden: what anyone allowed to see the case
    /// exists may see (dates, kinds, units), no key needed.
    pub async fn case_history_redacted(
        &self,
        case_id: &CaseId,
    ) -> Result<(CaseSummary, Vec<StoredEvent>), WorkflowError> {
        let case = self
            .case_summary(case_id)
            .await?
            .ok_or(WorkflowError::NotFound)?;
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let events = stored_events(&mut connection, &case, None).await?;
        Ok((case, events))
    }

    /// A case's whole history, decrypted with the case key.
    pub async fn case_history(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredEvent>, WorkflowError> {
        let case = self
            .case_summary(case_id)
            .await?
            .ok_or(WorkflowError::NotFound)?;
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        stored_events(&mut connection, &case, Some(case_key)).await
    }

    /// The cases a unit forwarded elsewhere, newest first, with the date: the
    /// sending unit's trail (LTC Art. 24(2)).
    pub async fn cases_forwarded_by(
        &self,
        unit_id: &UnitId,
        limit: u32,
    ) -> Result<Vec<(CaseId, NaiveDate)>, StoreError> {
        let rows = sqlx::query(
            "SELECT case_id, effective_on FROM case_events WHERE unit_id = $1 \
             AND kind = 'forwarded' ORDER BY effective_on DESC, case_id LIMIT $2",
        )
        .bind(unit_id.as_str())
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let on: String = row.try_get("effective_on")?;
                Ok((
                    CaseId::from_column(row.try_get("case_id")?),
                    NaiveDate::parse_from_str(&on, "%Y-%m-%d")
                        .map_err(|_| StoreError::Corrupt("case_events.effective_on".into()))?,
                ))
            })
            .collect()
    }
}
