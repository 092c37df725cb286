//! What a protection officer does with an alert: acknowledge it, and record
//! the review of the decision it is about (Circular 03/2020/TT-BNV).

use chrono::{DateTime, Utc};
use khien_domain::tripwire::AlertReview;
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::seal;
use serde_json::json;
use sqlx::Row;

use super::alerts::case_key_for_unit;
use super::{AlertId, TripwireError, labels};
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError, WriteTx};

/// A protection officer acting on their unit's alerts.
pub struct AlertOfficer<'a> {
    /// The officer.
    pub user_id: &'a UserId,
    /// Their unit: only its alerts are within reach.
    pub unit_id: &'a UnitId,
    /// The unit's private key, if the officer holds it yet (a review's note
    /// needs it, to be sealed under the case key).
    pub unit_secret: Option<&'a SecretKey>,
}

impl AlertOfficer<'_> {
    fn actor(&self) -> String {
        format!("user:{}", self.user_id)
    }
}

impl WriteTx {
    /// The case of one of the unit's alerts; [`TripwireError::NotFound`] if it
    /// is not the unit's.
    async fn alert_case(
        &mut self,
        unit_id: &UnitId,
        alert_id: &AlertId,
    ) -> Result<CaseId, TripwireError> {
        let case_id: String =
            sqlx::query("SELECT case_id FROM alerts WHERE id = $1 AND unit_id = $2")
                .bind(alert_id.as_str())
                .bind(unit_id.as_str())
                .fetch_optional(&mut *self.tx)
                .await?
                .ok_or(TripwireError::NotFound)?
                .try_get("case_id")?;
        CaseId::parse(&case_id).ok_or_else(|| StoreError::Corrupt("alerts.case_id".into()).into())
    }

    /// Marks the alert acknowledged by `user_id` unless it already is;
    /// returns whether it changed (and was audited as `alert.acknowledged`).
    async fn acknowledge(
        &mut self,
        actor: &str,
        alert_id: &AlertId,
        user_id: &UserId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let changed = sqlx::query(
            "UPDATE alerts SET acknowledged_by = $1, acknowledged_at = $2 \
             WHERE id = $3 AND acknowledged_at IS NULL",
        )
        .bind(user_id.as_str())
        .bind(format_timestamp(now))
        .bind(alert_id.as_str())
        .execute(&mut *self.tx)
        .await?
        .rows_affected()
            > 0;
        if changed {
            self.audit(AuditRecord {
                actor,
                action: "alert.acknowledged",
                object: &format!("alert:{alert_id}"),
                details: json!({}),
            })
            .await?;
        }
        Ok(changed)
    }
}

impl Store {
    /// Acknowledges one of the officer's unit's alerts. Acknowledging it
    /// again changes nothing (the first acknowledgement stands).
    pub async fn acknowledge_alert(
        &self,
        officer: &AlertOfficer<'_>,
        alert_id: &AlertId,
        now: DateTime<Utc>,
    ) -> Result<(), TripwireError> {
        let mut tx = self.begin().await?;
        tx.alert_case(officer.unit_id, alert_id).await?;
        tx.acknowledge(&officer.actor(), alert_id, officer.user_id, now)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the review of one of the officer's unit's alerts, audited as
    /// `alert.reviewed` with the outcome's code; the note goes under the case
    /// key, opened with the unit's key. Reviewing also acknowledges. An alert
    /// is reviewed once ([`TripwireError::AlreadyReviewed`] after that).
    pub async fn review_alert(
        &self,
        officer: &AlertOfficer<'_>,
        alert_id: &AlertId,
        review: &AlertReview,
        now: DateTime<Utc>,
    ) -> Result<(), TripwireError> {
        let actor = officer.actor();
        let mut tx = self.begin().await?;
        let case_id = tx.alert_case(officer.unit_id, alert_id).await?;
        let note_ciphertext = match &review.note {
            None => None,
            Some(note) => {
                let secret = officer.unit_secret.ok_or(TripwireError::KeyUnavailable)?;
                let case_key =
                    case_key_for_unit(tx.connection(), &case_id, officer.unit_id, secret)
                        .await?
                        .ok_or(TripwireError::KeyUnavailable)?;
                Some(seal(
                    &case_key,
                    note.as_bytes(),
                    &labels::review_note(&case_id, alert_id),
                ))
            }
        };
        let inserted = sqlx::query(
            "INSERT INTO alert_reviews (alert_id, outcome, note_ciphertext, reviewed_by, \
             reviewed_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(alert_id.as_str())
        .bind(review.outcome.as_str())
        .bind(note_ciphertext)
        .bind(officer.user_id.as_str())
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await;
        match inserted.map_err(StoreError::from) {
            Ok(_) => {}
            Err(StoreError::Conflict { .. }) => return Err(TripwireError::AlreadyReviewed),
            Err(other) => return Err(other.into()),
        }
        tx.acknowledge(&actor, alert_id, officer.user_id, now)
            .await?;
        tx.audit(AuditRecord {
            actor: &actor,
            action: "alert.reviewed",
            object: &format!("alert:{alert_id}"),
            details: json!({ "outcome": review.outcome.as_str() }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
