//! Reading a unit's alerts: what the protection officer must act on, opened
//! with the unit's key where it is at hand.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::protection::ProtectedPerson;
use khien_domain::tripwire::{AlertKind, HrActionKind, ReviewOutcome};
use khien_vault::case_keys::open_case_key_as_unit;
use khien_vault::sealed_box::{SecretKey, open_sealed};
use khien_vault::symmetric::{DataKey, open};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::hr_actions::parse_date;
use super::{AlertId, HrActionId, ProtectedIdNumberId, TripwireError, labels};
use crate::accounts::UnitId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::protection::{ProtectionAlertDetails, open_alert_details};
use crate::timestamp::parse_timestamp;
use crate::{Connection, Store, StoreError};

/// Who acknowledged an alert, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    /// Their username.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// What an `hr_action_match` alert is about. No `Debug`: the note may name people.
pub struct HrActionMatch {
    /// The decision.
    pub hr_action_id: HrActionId,
    /// Who in the case it concerns; `None` when the case key was not at hand.
    pub person: Option<ProtectedPerson>,
    /// What was decided.
    pub action: HrActionKind,
    /// The employing unit's code.
    pub employing_unit_code: String,
    /// The employing unit's name.
    pub employing_unit_name: String,
    /// The date of the decision.
    pub decided_on: NaiveDate,
    /// The HR officer who recorded it (username).
    pub recorded_by: String,
    /// The HR officer's note, if they wrote one and the unit's key was at hand.
    pub note: Option<String>,
}

/// The review of an alert. No `Debug`.
pub struct StoredReview {
    /// The outcome.
    pub outcome: ReviewOutcome,
    /// The note, if one was written and the case key was at hand.
    pub note: Option<String>,
    /// Who reviewed it (username).
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// An alert, opened as far as the keys at hand allow. No `Debug`.
pub struct Alert {
    /// Its id.
    pub id: AlertId,
    /// What raised it.
    pub kind: AlertKind,
    /// The case.
    pub case_id: CaseId,
    /// The case's tracking number.
    pub tracking_number: String,
    /// The unit that must act.
    pub unit_id: UnitId,
    /// Its code.
    pub unit_code: String,
    /// Its name.
    pub unit_name: String,
    /// When it was raised.
    pub created_at: DateTime<Utc>,
    /// Whether, by whom and when it was acknowledged.
    pub acknowledged: Option<Acknowledgement>,
    /// For `hr_action_match`: the decision.
    pub hr_action: Option<HrActionMatch>,
    /// The review, once recorded.
    pub review: Option<StoredReview>,
    /// For protection's own kinds (`emergency_protection`,
    /// `check_in_not_fine`): the request, and the check-in answer; `None`
    /// when the case key was not at hand.
    pub protection: Option<ProtectionAlertDetails>,
    /// Something could not be opened: the unit's key was not at hand, or the
    /// case key is no longer sealed to this unit.
    pub sealed: bool,
}

const ALERT_QUERY: &str = "SELECT a.id, a.kind, a.case_id, a.unit_id, a.created_at, \
     a.details, a.acknowledged_at, ack.username AS acknowledged_by, c.tracking_number, \
     u.code AS unit_code, u.name AS unit_name, \
     h.id AS hr_action_id, h.action, h.decided_on, eu.code AS employing_code, \
     eu.name AS employing_name, hu.username AS recorded_by, \
     p.id AS protected_id, p.person_ciphertext, m.note_sealed, \
     r.outcome, r.note_ciphertext, ru.username AS reviewed_by, r.reviewed_at \
     FROM alerts a \
     JOIN cases c ON c.id = a.case_id \
     JOIN units u ON u.id = a.unit_id \
     LEFT JOIN users ack ON ack.id = a.acknowledged_by \
     LEFT JOIN alert_hr_actions m ON m.alert_id = a.id \
     LEFT JOIN hr_actions h ON h.id = m.hr_action_id \
     LEFT JOIN units eu ON eu.id = h.unit_id \
     LEFT JOIN users hu ON hu.id = h.recorded_by \
     LEFT JOIN protected_id_numbers p ON p.id = m.protected_id_number_id \
     LEFT JOIN alert_reviews r ON r.alert_id = a.id \
     LEFT JOIN users ru ON ru.id = r.reviewed_by";

/// Case keys opened while reading alerts, one unseal per case.
struct CaseKeys<'a> {
    unit_secret: Option<&'a SecretKey>,
    opened: HashMap<String, Option<DataKey>>,
}

impl CaseKeys<'_> {
    async fn get(
        &mut self,
        connection: &mut Connection,
        case_id: &CaseId,
        unit_id: &UnitId,
    ) -> Result<Option<&DataKey>, StoreError> {
        let Some(secret) = self.unit_secret else {
            return Ok(None);
        };
        if !self.opened.contains_key(case_id.as_str()) {
            let key = case_key_for_unit(connection, case_id, unit_id, secret).await?;
            self.opened.insert(case_id.as_str().to_owned(), key);
        }
        Ok(self.opened[case_id.as_str()].as_ref())
    }
}

/// The case key as sealed to `unit_id` (the alerted unit; the case may have
/// moved since). `None` when no such seal exists or it does not open.
pub(crate) async fn case_key_for_unit(
    connection: &mut Connection,
    case_id: &CaseId,
    unit_id: &UnitId,
    unit_secret: &SecretKey,
) -> Result<Option<DataKey>, StoreError> {
    let sealed: Option<Vec<u8>> = sqlx::query(
        "SELECT sealed FROM case_key_seals \
         WHERE case_id = $1 AND holder_kind = 'unit' AND holder_id = $2",
    )
    .bind(case_id.as_str())
    .bind(unit_id.as_str())
    .fetch_optional(&mut *connection)
    .await?
    .map(|row| row.try_get("sealed"))
    .transpose()?;
    Ok(sealed.and_then(|sealed| {
        open_case_key_as_unit(case_id.as_str(), unit_id.as_str(), unit_secret, &sealed).ok()
    }))
}

/// Opens each row's alert, one case key per case.
async fn alerts_from_rows(
    connection: &mut Connection,
    rows: &[AnyRow],
    unit_secret: Option<&SecretKey>,
) -> Result<Vec<Alert>, TripwireError> {
    let mut keys = CaseKeys {
        unit_secret,
        opened: HashMap::new(),
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(alert_from_row(connection, row, &mut keys).await?);
    }
    Ok(out)
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("alerts: {what}"))
}

impl Store {
    /// The unit's alerts, those not yet acknowledged first, then newest
    /// first; at most `limit` (1–200). Parts under a key are opened with
    /// `unit_secret` (the unit's private key) when given.
    pub async fn unit_alerts(
        &self,
        unit_id: &UnitId,
        unit_secret: Option<&SecretKey>,
        limit: u32,
    ) -> Result<Vec<Alert>, TripwireError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let rows = sqlx::query(&format!(
            "{ALERT_QUERY} WHERE a.unit_id = $1 \
             ORDER BY CASE WHEN a.acknowledged_at IS NOT NULL THEN 2 \
             WHEN a.kind = $3 THEN 0 ELSE 1 END, a.created_at DESC, a.id LIMIT $2"
        ))
        .bind(unit_id.as_str())
        .bind(i64::from(limit.clamp(1, 200)))
        .bind(AlertKind::EmergencyProtection.as_str())
        .fetch_all(&mut *connection)
        .await?;
        alerts_from_rows(&mut connection, &rows, unit_secret).await
    }

    /// One of the unit's alerts; `None` if it is not this unit's (or does not exist).
    pub async fn unit_alert(
        &self,
        unit_id: &UnitId,
        alert_id: &AlertId,
        unit_secret: Option<&SecretKey>,
    ) -> Result<Option<Alert>, TripwireError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let row = sqlx::query(&format!("{ALERT_QUERY} WHERE a.unit_id = $1 AND a.id = $2"))
            .bind(unit_id.as_str())
            .bind(alert_id.as_str())
            .fetch_optional(&mut *connection)
            .await?;
        let mut keys = CaseKeys {
            unit_secret,
            opened: HashMap::new(),
        };
        match row {
            Some(row) => Ok(Some(
                alert_from_row(&mut connection, &row, &mut keys).await?,
            )),
            None => Ok(None),
        }
    }

    /// The unit's alerts about one case, oldest first (for the case's
    /// protection file). Parts under a key are opened with `unit_secret`.
    pub async fn case_alerts(
        &self,
        unit_id: &UnitId,
        case_id: &CaseId,
        unit_secret: Option<&SecretKey>,
    ) -> Result<Vec<Alert>, TripwireError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let rows = sqlx::query(&format!(
            "{ALERT_QUERY} WHERE a.unit_id = $1 AND a.case_id = $2 ORDER BY a.created_at, a.id"
        ))
        .bind(unit_id.as_str())
        .bind(case_id.as_str())
        .fetch_all(&mut *connection)
        .await?;
        alerts_from_rows(&mut connection, &rows, unit_secret).await
    }

    /// How many of the unit's alerts nobody has acknowledged yet.
    pub async fn unacknowledged_alerts(&self, unit_id: &UnitId) -> Result<i64, StoreError> {
        Ok(sqlx::query(
            "SELECT COUNT(*) AS n FROM alerts WHERE unit_id = $1 AND acknowledged_at IS NULL",
        )
        .bind(unit_id.as_str())
        .fetch_one(self.reader())
        .await?
        .try_get("n")?)
    }

    /// Records that `actor` read these alerts of their unit (DESIGN §4: every
    /// read of sensitive data is audited), as one `alert.read` entry.
    pub async fn record_alerts_read(
        &self,
        actor: &str,
        unit_id: &UnitId,
        alerts: &[AlertId],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        tx.audit(AuditRecord {
            actor,
            action: "alert.read",
            object: &format!("unit:{unit_id}"),
            details: json!({ "alerts": alerts.iter().map(AlertId::as_str).collect::<Vec<_>>() }),
        })
        .await?;
        tx.commit().await
    }
}

/// Where an alert's row is being opened: its ids, the keys at hand, and
/// whether anything had to stay sealed.
struct Opening<'k, 'a> {
    alert_id: &'a AlertId,
    case_id: &'a CaseId,
    unit_id: &'a UnitId,
    keys: &'a mut CaseKeys<'k>,
    sealed: bool,
}

async fn alert_from_row(
    connection: &mut Connection,
    row: &AnyRow,
    keys: &mut CaseKeys<'_>,
) -> Result<Alert, TripwireError> {
    let id = AlertId::from_column(row.try_get("id")?);
    let kind: String = row.try_get("kind")?;
    let case_id =
        CaseId::parse(&row.try_get::<String, _>("case_id")?).ok_or_else(|| corrupt("case_id"))?;
    let unit_id = UnitId::from_column(row.try_get("unit_id")?);
    let created_at: String = row.try_get("created_at")?;
    let acknowledged = match row.try_get::<Option<String>, _>("acknowledged_at")? {
        Some(at) => Some(Acknowledgement {
            by: optional_text(row, "acknowledged_by")?,
            at: parse_timestamp(&at)?,
        }),
        None => None,
    };
    let mut opening = Opening {
        alert_id: &id,
        case_id: &case_id,
        unit_id: &unit_id,
        keys,
        sealed: false,
    };
    let hr_action = hr_action_from_row(connection, row, &mut opening).await?;
    let review = review_from_row(connection, row, &mut opening).await?;
    let protection = protection_from_row(connection, row, &mut opening).await?;
    let sealed = opening.sealed;
    Ok(Alert {
        kind: AlertKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
        tracking_number: row.try_get("tracking_number")?,
        unit_code: row.try_get("unit_code")?,
        unit_name: row.try_get("unit_name")?,
        created_at: parse_timestamp(&created_at)?,
        id,
        case_id,
        unit_id,
        acknowledged,
        hr_action,
        review,
        protection,
        sealed,
    })
}

/// What a protection alert is about, if it is one and the key is at hand.
async fn protection_from_row(
    connection: &mut Connection,
    row: &AnyRow,
    opening: &mut Opening<'_, '_>,
) -> Result<Option<ProtectionAlertDetails>, TripwireError> {
    let Some(sealed) = row.try_get::<Option<Vec<u8>>, _>("details")? else {
        return Ok(None);
    };
    match opening
        .keys
        .get(connection, opening.case_id, opening.unit_id)
        .await?
    {
        Some(case_key) => Ok(Some(open_alert_details(
            case_key,
            opening.case_id,
            opening.alert_id,
            &sealed,
        )?)),
        None => {
            opening.sealed = true;
            Ok(None)
        }
    }
}

/// A text column of a joined row that may be NULL, as text (empty if NULL).
fn optional_text(row: &AnyRow, column: &str) -> Result<String, StoreError> {
    Ok(row
        .try_get::<Option<String>, _>(column)?
        .unwrap_or_default())
}

/// The decision an `hr_action_match` alert is about, if it is one.
async fn hr_action_from_row(
    connection: &mut Connection,
    row: &AnyRow,
    opening: &mut Opening<'_, '_>,
) -> Result<Option<HrActionMatch>, TripwireError> {
    let Some(hr_action_id) = row.try_get::<Option<String>, _>("hr_action_id")? else {
        return Ok(None);
    };
    let person = match opening
        .keys
        .get(connection, opening.case_id, opening.unit_id)
        .await?
    {
        Some(case_key) => {
            let protected_id =
                ProtectedIdNumberId::from_column(optional_text(row, "protected_id")?);
            let ciphertext: Option<Vec<u8>> = row.try_get("person_ciphertext")?;
            let plain = open(
                case_key,
                &ciphertext.ok_or_else(|| corrupt("person"))?,
                &labels::protected_person(opening.case_id, &protected_id),
            )?;
            let code = std::str::from_utf8(&plain).map_err(|_| corrupt("person"))?;
            Some(ProtectedPerson::parse(code).ok_or_else(|| corrupt("person"))?)
        }
        None => {
            opening.sealed = true;
            None
        }
    };
    let note = match (
        row.try_get::<Option<Vec<u8>>, _>("note_sealed")?,
        opening.keys.unit_secret,
    ) {
        (None, _) => None,
        (Some(blob), Some(secret)) => {
            match open_sealed(
                secret,
                &blob,
                &labels::hr_note(opening.unit_id, opening.alert_id),
            ) {
                Ok(plain) => {
                    Some(String::from_utf8(plain.to_vec()).map_err(|_| corrupt("hr note"))?)
                }
                // The unit's key was replaced since (see the accounts store).
                Err(_) => {
                    opening.sealed = true;
                    None
                }
            }
        }
        (Some(_), None) => {
            opening.sealed = true;
            None
        }
    };
    Ok(Some(HrActionMatch {
        hr_action_id: HrActionId::from_column(hr_action_id),
        person,
        action: HrActionKind::parse(&optional_text(row, "action")?)
            .ok_or_else(|| corrupt("hr action"))?,
        employing_unit_code: optional_text(row, "employing_code")?,
        employing_unit_name: optional_text(row, "employing_name")?,
        decided_on: parse_date(&optional_text(row, "decided_on")?, "hr_actions.decided_on")?,
        recorded_by: optional_text(row, "recorded_by")?,
        note,
    }))
}

/// The alert's review, if it has one.
async fn review_from_row(
    connection: &mut Connection,
    row: &AnyRow,
    opening: &mut Opening<'_, '_>,
) -> Result<Option<StoredReview>, TripwireError> {
    let Some(outcome) = row.try_get::<Option<String>, _>("outcome")? else {
        return Ok(None);
    };
    let note = match row.try_get::<Option<Vec<u8>>, _>("note_ciphertext")? {
        None => None,
        Some(ciphertext) => match opening
            .keys
            .get(connection, opening.case_id, opening.unit_id)
            .await?
        {
            Some(case_key) => {
                let plain = open(
                    case_key,
                    &ciphertext,
                    &labels::review_note(opening.case_id, opening.alert_id),
                )?;
                Some(String::from_utf8(plain.to_vec()).map_err(|_| corrupt("review note"))?)
            }
            None => {
                opening.sealed = true;
                None
            }
        },
    };
    Ok(Some(StoredReview {
        outcome: ReviewOutcome::parse(&outcome).ok_or_else(|| corrupt("outcome"))?,
        note,
        by: optional_text(row, "reviewed_by")?,
        at: parse_timestamp(&optional_text(row, "reviewed_at")?)?,
    }))
}
