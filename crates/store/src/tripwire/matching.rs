//! The match: an HR decision's blind index against the protected persons whose
//! protection covers the decision's date, and the alerts it raises.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::tripwire::AlertKind;
use khien_vault::sealed_box::seal_to;
use serde_json::json;
use sqlx::Row;

use super::protected_ids::format_date;
use super::{AlertId, HrActionId, labels};
use crate::accounts::{UnitId, public_key_from};
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{StoreError, WriteTx};

/// Who raises alerts in the audit chain.
const SYSTEM_ACTOR: &str = "system";

impl WriteTx {
    /// Raises one alert per case in which `index` belongs to a person protected
    /// on `decided_on`, addressed to the unit now handling the case. The
    /// officer's note is sealed to that unit's key, so only its members can
    /// read it; with no match it is not kept anywhere.
    pub(crate) async fn raise_hr_action_alerts(
        &mut self,
        hr_action_id: &HrActionId,
        index: &[u8; 32],
        decided_on: NaiveDate,
        note: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let matches = sqlx::query(
            "SELECT p.id, p.case_id, c.unit_id, k.public_key \
             FROM protected_id_numbers p \
             JOIN cases c ON c.id = p.case_id \
             LEFT JOIN unit_keys k ON k.unit_id = c.unit_id AND k.kind = 'unit' \
             WHERE p.blind_index = $1 AND p.active_from <= $2 \
             AND (p.active_until IS NULL OR p.active_until >= $2) \
             ORDER BY p.case_id, p.active_from, p.id",
        )
        .bind(index.to_vec())
        .bind(format_date(decided_on))
        .fetch_all(&mut *self.tx)
        .await?;
        let mut alerted_cases = HashSet::new();
        for row in matches {
            let case_id: String = row.try_get("case_id")?;
            // One alert per case, even if several requests listed the number.
            if !alerted_cases.insert(case_id.clone()) {
                continue;
            }
            let protected_id: String = row.try_get("id")?;
            let unit_id = UnitId::from_column(row.try_get("unit_id")?);
            let public_key: Option<Vec<u8>> = row.try_get("public_key")?;
            let alert_id = AlertId::new();
            let note_sealed = match (note, public_key) {
                (Some(note), Some(bytes)) => Some(seal_to(
                    &public_key_from(bytes, "unit_keys.public_key")?,
                    note.as_bytes(),
                    &labels::hr_note(&unit_id, &alert_id),
                )),
                // A case is always sealed to its unit's key, so the key exists;
                // if it did not, the alert would still be raised, without the note.
                _ => None,
            };
            sqlx::query(
                "INSERT INTO alerts (id, kind, case_id, unit_id, created_at, details, \
                 acknowledged_by, acknowledged_at) VALUES ($1, $2, $3, $4, $5, NULL, NULL, NULL)",
            )
            .bind(alert_id.as_str())
            .bind(AlertKind::HrActionMatch.as_str())
            .bind(&case_id)
            .bind(unit_id.as_str())
            .bind(format_timestamp(now))
            .execute(&mut *self.tx)
            .await?;
            sqlx::query(
                "INSERT INTO alert_hr_actions (alert_id, hr_action_id, protected_id_number_id, \
                 note_sealed) VALUES ($1, $2, $3, $4)",
            )
            .bind(alert_id.as_str())
            .bind(hr_action_id.as_str())
            .bind(&protected_id)
            .bind(note_sealed)
            .execute(&mut *self.tx)
            .await?;
            // No reference to the decision here: someone reading the HR
            // officer's trail (their actor, or the decision's object) finds no
            // entry that tells a match from a miss.
            self.audit(AuditRecord {
                actor: SYSTEM_ACTOR,
                action: "alert.raised",
                object: &format!("alert:{alert_id}"),
                details: json!({
                    "kind": AlertKind::HrActionMatch.as_str(),
                    "case": case_id,
                    "unit": unit_id.as_str(),
                }),
            })
            .await?;
        }
        Ok(())
    }
}
