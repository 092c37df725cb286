//! Alerts raised by protection itself: an urgent request
//! (`emergency_protection`) and a check-in answer other than "fine"
//! (`check_in_not_fine`), for the unit handling the case. An emergency is
//! also an alarm in the notifications of each of the unit's protection
//! officers and its head, raised again by every run of the reminder job until
//! someone acknowledges the alert.

use chrono::{DateTime, Utc};
use khien_domain::accounts::Role;
use khien_domain::protection::CheckInAnswer;
use khien_domain::tripwire::AlertKind;
use khien_vault::symmetric::{DataKey, open, seal};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::Row;

use super::labels;
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::tripwire::AlertId;
use crate::{Store, StoreError, WriteTx};

/// What a protection alert is about, under the case key. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectionAlertDetails {
    /// The request (the urgent one, or the one whose measures were checked on).
    pub request_id: String,
    /// The check-in answer, for `check_in_not_fine`.
    #[serde(default)]
    pub answer: Option<CheckInAnswer>,
    /// The reporter's note with the answer, if any.
    #[serde(default)]
    pub note: Option<String>,
}

/// Opens an alert's details with the case key.
pub(crate) fn open_alert_details(
    case_key: &DataKey,
    case_id: &CaseId,
    alert_id: &AlertId,
    sealed: &[u8],
) -> Result<ProtectionAlertDetails, StoreError> {
    let plain = open(
        case_key,
        sealed,
        &labels::alert_details(case_id, alert_id.as_str()),
    )
    .map_err(|_| StoreError::Corrupt("alerts.details".into()))?;
    serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt("alerts.details".into()))
}

/// An emergency alarm in a staff member's notifications.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    /// The alert.
    pub alert_id: AlertId,
    /// Its case.
    pub case_id: CaseId,
    /// The case's tracking number.
    pub tracking_number: String,
    /// When it was first raised.
    pub first_raised_at: DateTime<Utc>,
    /// When it was last raised again.
    pub last_raised_at: DateTime<Utc>,
    /// How many times it has been raised for this person.
    pub times_raised: i64,
}

/// An emergency alarm to email: to whom, and which case (by tracking number only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlarmMail {
    /// The alert.
    pub alert_id: AlertId,
    /// Who is alarmed.
    pub user_id: UserId,
    /// Where their mail goes.
    pub email: String,
    /// The case.
    pub case_id: CaseId,
    /// The case's tracking number.
    pub tracking_number: String,
    /// When the alarm was first raised for them.
    pub first_raised_at: DateTime<Utc>,
}

/// The roles an alarm goes to.
const ALARMED_ROLES: [Role; 2] = [Role::Protection, Role::Head];

impl WriteTx {
    /// Raises a protection alert for the unit handling the case, its
    /// details sealed under the case key, audited as `alert.raised`. An
    /// emergency also alarms the unit's protection officers and head.
    pub(crate) async fn raise_protection_alert(
        &mut self,
        kind: AlertKind,
        case_id: &CaseId,
        details: &ProtectionAlertDetails,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<AlertId, StoreError> {
        let unit_id = UnitId::from_column(
            sqlx::query("SELECT unit_id FROM cases WHERE id = $1")
                .bind(case_id.as_str())
                .fetch_one(&mut *self.tx)
                .await?
                .try_get("unit_id")?,
        );
        let alert_id = AlertId::new();
        let document = serde_json::to_vec(details)
            .map_err(|_| StoreError::Corrupt("alert details document".into()))?;
        let sealed = seal(
            case_key,
            &document,
            &labels::alert_details(case_id, alert_id.as_str()),
        );
        sqlx::query(
            "INSERT INTO alerts (id, kind, case_id, unit_id, created_at, details, \
             acknowledged_by, acknowledged_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)",
        )
        .bind(alert_id.as_str())
        .bind(kind.as_str())
        .bind(case_id.as_str())
        .bind(unit_id.as_str())
        .bind(format_timestamp(now))
        .bind(sealed)
        .execute(&mut *self.tx)
        .await?;
        self.audit(AuditRecord {
            actor: "system",
            action: "alert.raised",
            object: &format!("alert:{alert_id}"),
            details: json!({
                "kind": kind.as_str(),
                "case": case_id.as_str(),
                "unit": unit_id.as_str(),
            }),
        })
        .await?;
        if kind == AlertKind::EmergencyProtection {
            for user in alarmed_members(self, &unit_id).await? {
                raise_alarm(self, &alert_id, &user, now).await?;
            }
        }
        Ok(alert_id)
    }
}

/// The unit's enabled protection officers and heads.
async fn alarmed_members(tx: &mut WriteTx, unit_id: &UnitId) -> Result<Vec<UserId>, StoreError> {
    let mut users: Vec<UserId> = Vec::new();
    for role in ALARMED_ROLES {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE u.unit_id = $1 AND r.role = $2 AND u.disabled_at IS NULL ORDER BY u.id",
        )
        .bind(unit_id.as_str())
        .bind(role.as_str())
        .fetch_all(&mut *tx.tx)
        .await?;
        for id in ids.into_iter().map(UserId::from_column) {
            if !users.contains(&id) {
                users.push(id);
            }
        }
    }
    Ok(users)
}

/// Puts the alarm at the top of one person's notifications (again).
async fn raise_alarm(
    tx: &mut WriteTx,
    alert_id: &AlertId,
    user_id: &UserId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO alarm_notifications (alert_id, user_id, first_raised_at, last_raised_at, \
         times_raised) VALUES ($1, $2, $3, $4, 1) \
         ON CONFLICT (alert_id, user_id) DO UPDATE SET last_raised_at = excluded.last_raised_at, \
         times_raised = alarm_notifications.times_raised + 1",
    )
    .bind(alert_id.as_str())
    .bind(user_id.as_str())
    .bind(format_timestamp(now))
    .bind(format_timestamp(now))
    .execute(&mut *tx.tx)
    .await?;
    Ok(())
}

impl Store {
    /// Raises every emergency alarm nobody has acknowledged again, for each
    /// of its unit's protection officers and heads (including those who
    /// joined since). Returns how many alarms were raised. Called by every
    /// run of the reminder job.
    pub async fn reraise_emergency_alarms(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let open: Vec<(String, String)> = sqlx::query(
            "SELECT id, unit_id FROM alerts WHERE kind = $1 AND acknowledged_at IS NULL \
             ORDER BY created_at, id",
        )
        .bind(AlertKind::EmergencyProtection.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("unit_id")?)))
        .collect::<Result<_, sqlx::Error>>()?;
        let mut raised = 0;
        for (alert_id, unit_id) in open {
            let mut tx = self.begin().await?;
            let alert_id = AlertId::from_column(alert_id);
            for user in alarmed_members(&mut tx, &UnitId::from_column(unit_id)).await? {
                raise_alarm(&mut tx, &alert_id, &user, now).await?;
                raised += 1;
            }
            tx.commit().await?;
        }
        Ok(raised)
    }

    /// The person's emergency alarms that nobody has acknowledged yet,
    /// last raised first.
    pub async fn alarms_for(&self, user_id: &UserId) -> Result<Vec<Alarm>, StoreError> {
        let rows = sqlx::query(
            "SELECT n.alert_id, a.case_id, c.tracking_number, n.first_raised_at, \
             n.last_raised_at, n.times_raised FROM alarm_notifications n \
             JOIN alerts a ON a.id = n.alert_id JOIN cases c ON c.id = a.case_id \
             WHERE n.user_id = $1 AND a.acknowledged_at IS NULL \
             ORDER BY n.last_raised_at DESC, a.created_at, n.alert_id",
        )
        .bind(user_id.as_str())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Alarm {
                    alert_id: AlertId::from_column(row.try_get("alert_id")?),
                    case_id: CaseId::from_column(row.try_get("case_id")?),
                    tracking_number: row.try_get("tracking_number")?,
                    first_raised_at: parse_timestamp(
                        &row.try_get::<String, _>("first_raised_at")?,
                    )?,
                    last_raised_at: parse_timestamp(&row.try_get::<String, _>("last_raised_at")?)?,
                    times_raised: row.try_get("times_raised")?,
                })
            })
            .collect()
    }

    /// Alarms still open that were raised for someone with an email address and not
    /// yet emailed to them, oldest first.
    pub async fn alarms_to_email(&self, limit: u32) -> Result<Vec<AlarmMail>, StoreError> {
        let rows = sqlx::query(
            "SELECT n.alert_id, n.user_id, u.email, a.case_id, c.tracking_number, \
             n.first_raised_at FROM alarm_notifications n \
             JOIN alerts a ON a.id = n.alert_id JOIN cases c ON c.id = a.case_id \
             JOIN users u ON u.id = n.user_id \
             WHERE n.emailed_at IS NULL AND a.acknowledged_at IS NULL \
             AND u.email IS NOT NULL AND u.disabled_at IS NULL \
             ORDER BY n.first_raised_at, n.alert_id, n.user_id LIMIT $1",
        )
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(AlarmMail {
                    alert_id: AlertId::from_column(row.try_get("alert_id")?),
                    user_id: UserId::from_column(row.try_get("user_id")?),
                    email: row.try_get("email")?,
                    case_id: CaseId::from_column(row.try_get("case_id")?),
                    tracking_number: row.try_get("tracking_number")?,
                    first_raised_at: parse_timestamp(
                        &row.try_get::<String, _>("first_raised_at")?,
                    )?,
                })
            })
            .collect()
    }

    /// Records that an alarm was emailed to its person.
    pub async fn mark_alarm_emailed(
        &self,
        alert_id: &AlertId,
        user_id: &UserId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "UPDATE alarm_notifications SET emailed_at = $3 WHERE alert_id = $1 AND user_id = $2",
        )
        .bind(alert_id.as_str())
        .bind(user_id.as_str())
        .bind(format_timestamp(now))
        .execute(&mut *tx.tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
