//! Requests for protection, stored under the case key and audited: written
//! by the reporter, or made in person or by phone and recorded by an officer.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::protection::{
    ProtectionAssessment, ProtectionRequest, RequestChannel, StaffRecordedRequest,
};
use khien_domain::tripwire::AlertKind;
use khien_vault::server_secret::ServerSecret;
use khien_vault::symmetric::DataKey;
use serde_json::json;
use sqlx::Row;

use super::labels;
use super::protection_alerts::ProtectionAlertDetails;
use super::record::{check_case_key, new_id, next_seq, open_document, seal_document, to_the_hour};
use crate::accounts::UserId;
use crate::audit::{AuditRecord, REPORTER_ACTOR};
use crate::intake::{CaseId, IntakeError};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::tripwire::date_in_vietnam;
use crate::{Store, StoreError, WriteTx};

/// A decrypted request. No `Debug`.
pub struct StoredProtectionRequest {
    /// Its id.
    pub id: String,
    /// When it was stored (to the hour).
    pub created_at: DateTime<Utc>,
    /// Whether it is an emergency (also stored in clear, for the inbox).
    pub urgent: bool,
    /// The request.
    pub request: ProtectionRequest,
    /// How it was made.
    pub channel: RequestChannel,
    /// The day it was made (in Vietnam): what its deadlines count from.
    pub received_on: NaiveDate,
    /// The officer who recorded a spoken request (username); `None` for the
    /// reporter's own. Staff only: never shown to the reporter.
    pub recorded_by: Option<String>,
    /// When a spoken request was confirmed in writing.
    pub confirmed_in_writing_on: Option<NaiveDate>,
    /// The protection officer's assessment (the police's time limit).
    pub assessment: ProtectionAssessment,
}

impl StoredProtectionRequest {
    /// A request made in person or by phone whose written confirmation has
    /// not been recorded yet (LTC Art. 50(2)).
    pub fn awaits_written_confirmation(&self) -> bool {
        self.channel.needs_written_confirmation() && self.confirmed_in_writing_on.is_none()
    }
}

/// Who made a request and how, for the one insert both kinds share.
struct Origin<'a> {
    channel: RequestChannel,
    received_on: NaiveDate,
    recorded_by: Option<&'a UserId>,
    actor: &'a str,
    action: &'static str,
}

impl WriteTx {
    /// Stores a request, its ID numbers' blind indexes (protected from the
    /// day it was made) and, for an emergency, the alarm; audited.
    async fn insert_protection_request(
        &mut self,
        case_id: &CaseId,
        request: &ProtectionRequest,
        origin: Origin<'_>,
        keys: (&DataKey, &ServerSecret),
        now: DateTime<Utc>,
    ) -> Result<String, IntakeError> {
        let (case_key, secret) = keys;
        let id = new_id();
        let ciphertext = seal_document(
            case_key,
            request,
            &labels::protection_request(case_id, &id),
            "protection request",
        )?;
        check_case_key(self.connection(), case_id, case_key).await?;
        let seq = next_seq(self.connection(), "protection_requests", case_id).await?;
        sqlx::query(
            "INSERT INTO protection_requests (id, case_id, seq, urgent, created_at, ciphertext, \
             channel, received_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(case_id.as_str())
        .bind(seq)
        .bind(i64::from(request.urgent))
        .bind(format_timestamp(to_the_hour(now)))
        .bind(ciphertext)
        .bind(origin.channel.as_str())
        .bind(origin.received_on.to_string())
        .bind(origin.recorded_by.map(UserId::as_str))
        .execute(self.connection())
        .await?;
        self.add_protected_id_numbers(
            case_id,
            &id,
            &request.id_numbers,
            secret,
            case_key,
            origin.received_on,
        )
        .await?;
        self.audit(AuditRecord {
            actor: origin.actor,
            action: origin.action,
            object: &format!("case:{case_id}"),
            details: match origin.channel {
                RequestChannel::Online => json!({ "urgent": request.urgent }),
                spoken => json!({ "urgent": request.urgent, "channel": spoken.as_str() }),
            },
        })
        .await?;
        if request.urgent {
            self.raise_protection_alert(
                AlertKind::EmergencyProtection,
                case_id,
                &ProtectionAlertDetails {
                    request_id: id.clone(),
                    answer: None,
                    note: None,
                },
                case_key,
                now,
            )
            .await?;
        }
        Ok(id)
    }
}

impl Store {
    /// Records a reporter's request for protection, audited as
    /// `case.protection_requested` (details: only whether it is urgent). The protected persons' ID numbers also go to the retaliation
    /// tripwire as blind indexes under `secret`, protected from today (in
    /// Vietnam). An urgent request raises an `emergency_protection` alert in
    /// the same transaction. Refuses a key that is not the case's
    /// ([`IntakeError::WrongCaseKey`]).
    pub async fn add_protection_request(
        &self,
        case_id: &CaseId,
        request: &ProtectionRequest,
        case_key: &DataKey,
        secret: &ServerSecret,
        now: DateTime<Utc>,
    ) -> Result<String, IntakeError> {
        let mut tx = self.begin().await?;
        let id = tx
            .insert_protection_request(
                case_id,
                request,
                Origin {
                    channel: RequestChannel::Online,
                    received_on: date_in_vietnam(now),
                    recorded_by: None,
                    actor: REPORTER_ACTOR,
                    action: "case.protection_requested",
                },
                (case_key, secret),
                now,
            )
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records a request made in person or by phone (LTC Art. 50(2)), by the
    /// officer `recorded_by`, audited as `case.protection_recorded`. Like
    /// the reporter's own otherwise; it awaits its written confirmation.
    pub async fn record_staff_protection_request(
        &self,
        case_id: &CaseId,
        recorded: &StaffRecordedRequest,
        recorded_by: &UserId,
        keys: (&DataKey, &ServerSecret),
        now: DateTime<Utc>,
    ) -> Result<String, IntakeError> {
        let actor = format!("user:{recorded_by}");
        let mut tx = self.begin().await?;
        let id = tx
            .insert_protection_request(
                case_id,
                &recorded.request,
                Origin {
                    channel: recorded.channel,
                    received_on: recorded.received_on,
                    recorded_by: Some(recorded_by),
                    actor: &actor,
                    action: "case.protection_recorded",
                },
                keys,
                now,
            )
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's requests for protection, oldest first, decrypted.
    pub async fn protection_requests(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredProtectionRequest>, IntakeError> {
        let rows = sqlx::query(
            "SELECT r.id, r.urgent, r.created_at, r.ciphertext, r.channel, r.received_on, \
             u.username AS recorded_by, r.confirmed_in_writing_on, r.corruption_or_waste, \
             r.complex FROM protection_requests r LEFT JOIN users u ON u.id = r.recorded_by \
             WHERE r.case_id = $1 ORDER BY r.seq",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let corrupt = |what: &str| StoreError::Corrupt(format!("protection_requests.{what}"));
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
            let request: ProtectionRequest = open_document(
                case_key,
                &ciphertext,
                &labels::protection_request(case_id, &id),
                "protection request",
            )?;
            let urgent: i64 = row.try_get("urgent")?;
            let created_at = parse_timestamp(&row.try_get::<String, _>("created_at")?)?;
            let channel: String = row.try_get("channel")?;
            let received_on = match row.try_get::<Option<String>, _>("received_on")? {
                Some(text) => text.parse().map_err(|_| corrupt("received_on"))?,
                None => date_in_vietnam(created_at),
            };
            let confirmed_in_writing_on = row
                .try_get::<Option<String>, _>("confirmed_in_writing_on")?
                .map(|text| text.parse::<NaiveDate>())
                .transpose()
                .map_err(|_| corrupt("confirmed_in_writing_on"))?;
            out.push(StoredProtectionRequest {
                id,
                created_at,
                urgent: urgent != 0,
                request,
                channel: RequestChannel::parse(&channel).ok_or_else(|| corrupt("channel"))?,
                received_on,
                recorded_by: row.try_get("recorded_by")?,
                confirmed_in_writing_on,
                assessment: ProtectionAssessment {
                    corruption_or_waste: row.try_get::<i64, _>("corruption_or_waste")? != 0,
                    complex: row.try_get::<i64, _>("complex")? != 0,
                },
            });
        }
        Ok(out)
    }

    /// Whether a case has any request for protection (for the inbox mark).
    pub async fn has_protection_request(&self, case_id: &CaseId) -> Result<bool, StoreError> {
        let count: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM protection_requests WHERE case_id = $1")
                .bind(case_id.as_str())
                .fetch_one(self.reader())
                .await?
                .try_get("n")?;
        Ok(count > 0)
    }

    /// Which of `case_ids` have a protection request: one query for a page of the
    /// inbox.
    pub async fn cases_with_protection_requests(
        &self,
        case_ids: &[CaseId],
    ) -> Result<std::collections::BTreeSet<CaseId>, StoreError> {
        if case_ids.is_empty() {
            return Ok(Default::default());
        }
        let placeholders: Vec<String> = (1..=case_ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT DISTINCT case_id FROM protection_requests WHERE case_id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for case_id in case_ids {
            query = query.bind(case_id.as_str());
        }
        query
            .fetch_all(self.reader())
            .await?
            .iter()
            .map(|row| Ok(CaseId::from_column(row.try_get("case_id")?)))
            .collect()
    }

    /// The case a request belongs to, if the request exists.
    pub async fn protection_request_case(
        &self,
        request_id: &str,
    ) -> Result<Option<CaseId>, StoreError> {
        let case_id: Option<String> =
            sqlx::query("SELECT case_id FROM protection_requests WHERE id = $1")
                .bind(request_id)
                .fetch_optional(self.reader())
                .await?
                .map(|row| row.try_get("case_id"))
                .transpose()?;
        case_id
            .map(|id| {
                CaseId::parse(&id)
                    .ok_or_else(|| StoreError::Corrupt("protection_requests.case_id".into()))
            })
            .transpose()
    }
}
