//! Adverse decisions recorded by HR officers, and what the officer may see of
//! their own records (never whether one matched).

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::protection::NationalIdNumber;
use khien_domain::tripwire::HrActionKind;
use khien_vault::server_secret::ServerSecret;
use serde_json::json;
use sqlx::Row;

use super::protected_ids::{format_date, national_id_index};
use super::{HrActionId, TripwireError};
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// An adverse decision to record. No `Debug`: it holds an ID number.
pub struct HrActionRecord<'a> {
    /// The person's ID number (only its blind index is stored).
    pub id_number: &'a NationalIdNumber,
    /// What was decided.
    pub action: HrActionKind,
    /// The employing unit.
    pub unit_id: &'a UnitId,
    /// The date of the decision.
    pub decided_on: NaiveDate,
    /// The officer's note: kept only if the decision matches a protected
    /// person, sealed to the alerted unit's key.
    pub note: Option<&'a str>,
    /// The HR officer.
    pub recorded_by: &'a UserId,
}

/// A decision as the officer who recorded it sees it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedHrAction {
    /// Its id.
    pub id: HrActionId,
    /// What was decided.
    pub action: HrActionKind,
    /// The employing unit's code.
    pub unit_code: String,
    /// The employing unit's name.
    pub unit_name: String,
    /// The date of the decision.
    pub decided_on: NaiveDate,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

impl Store {
    /// Records an adverse decision, audited as `hr_action.recorded` by the
    /// officer, and in the same transaction raises an alert for every case in
    /// which a person with this ID number is protected on the decision's date
    /// (see [`crate::tripwire`]). Returns only the decision's id: whether
    /// anything matched is not told to the caller, whose answer to the HR
    /// officer must not depend on it.
    pub async fn record_hr_action(
        &self,
        secret: &ServerSecret,
        record: &HrActionRecord<'_>,
        now: DateTime<Utc>,
    ) -> Result<HrActionId, TripwireError> {
        let id = HrActionId::new();
        let index = national_id_index(secret, record.id_number);
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO hr_actions (id, blind_index, action, unit_id, decided_on, \
             recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(index.to_vec())
        .bind(record.action.as_str())
        .bind(record.unit_id.as_str())
        .bind(format_date(record.decided_on))
        .bind(record.recorded_by.as_str())
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?;
        // The officer's own entry has the same shape whether or not anything
        // matches; a match is recorded apart, by `system`, on the alert.
        tx.audit(AuditRecord {
            actor: &format!("user:{}", record.recorded_by),
            action: "hr_action.recorded",
            object: &format!("hr_action:{id}"),
            details: json!({
                "action": record.action.as_str(),
                "unit": record.unit_id.as_str(),
                "decided_on": format_date(record.decided_on),
            }),
        })
        .await?;
        tx.raise_hr_action_alerts(&id, &index, record.decided_on, record.note, now)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The decisions an officer recorded, newest first, at most `limit` (1–200).
    pub async fn hr_actions_recorded_by(
        &self,
        user_id: &UserId,
        limit: u32,
    ) -> Result<Vec<RecordedHrAction>, StoreError> {
        let rows = sqlx::query(
            "SELECT h.id, h.action, h.decided_on, h.recorded_at, u.code, u.name \
             FROM hr_actions h JOIN units u ON u.id = h.unit_id \
             WHERE h.recorded_by = $1 ORDER BY h.recorded_at DESC, h.id DESC LIMIT $2",
        )
        .bind(user_id.as_str())
        .bind(i64::from(limit.clamp(1, 200)))
        .fetch_all(self.reader())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let action: String = row.try_get("action")?;
            let decided_on: String = row.try_get("decided_on")?;
            let recorded_at: String = row.try_get("recorded_at")?;
            out.push(RecordedHrAction {
                id: HrActionId::from_column(row.try_get("id")?),
                action: HrActionKind::parse(&action)
                    .ok_or_else(|| StoreError::Corrupt(format!("hr_actions.action {action:?}")))?,
                unit_code: row.try_get("code")?,
                unit_name: row.try_get("name")?,
                decided_on: parse_date(&decided_on, "hr_actions.decided_on")?,
                recorded_at: parse_timestamp(&recorded_at)?,
            });
        }
        Ok(out)
    }
}

/// Reads a date column.
pub(crate) fn parse_date(text: &str, what: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("{what} {text:?}")))
}
