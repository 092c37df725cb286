//! The reporter's answers to "are you safe?" while measures run. Any answer
//! but "fine" raises a `check_in_not_fine` alert in the same transaction.

use chrono::{DateTime, Utc};
use khien_domain::protection::{CheckIn, CheckInAnswer};
use khien_domain::tripwire::AlertKind;
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;

use super::protection_alerts::ProtectionAlertDetails;
use super::record::{check_case_key, to_the_hour};
use super::{CheckInId, ProtectionError, labels};
use crate::audit::{AuditRecord, REPORTER_ACTOR};
use crate::intake::CaseId;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::tripwire::AlertId;
use crate::{Store, StoreError};

/// A decrypted answer. No `Debug`.
pub struct StoredCheckIn {
    /// Its id.
    pub id: CheckInId,
    /// The request whose measures it is about.
    pub request_id: String,
    /// Which question of the schedule it answers.
    pub period: u32,
    /// The answer.
    pub answer: CheckInAnswer,
    /// When (to the hour).
    pub answered_at: DateTime<Utc>,
    /// What the reporter added.
    pub note: Option<String>,
}

/// What answering did.
pub struct AnsweredCheckIn {
    /// The answer's id.
    pub id: CheckInId,
    /// The alert it raised, for an answer other than "fine".
    pub alert: Option<AlertId>,
}

impl Store {
    /// Records the reporter's answer to question `period` about the measures
    /// decided on `request_id`, audited as `case.protection_check_in` by
    /// `reporter` (no content). Running measures only
    /// ([`ProtectionError::NotRunning`]); one answer per question
    /// ([`ProtectionError::AlreadyAnswered`]). Which question is open is the
    /// caller's to compute ([`khien_domain::protection::open_check_in`]).
    pub async fn answer_check_in(
        &self,
        case_id: &CaseId,
        request_id: &str,
        period: u32,
        check_in: &CheckIn,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<AnsweredCheckIn, ProtectionError> {
        let id = CheckInId::new();
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let decision_id: String = sqlx::query(
            "SELECT id FROM protection_decisions WHERE request_id = $1 AND case_id = $2 \
             AND outcome = 'measures' AND ended_on IS NULL",
        )
        .bind(request_id)
        .bind(case_id.as_str())
        .fetch_optional(tx.connection())
        .await?
        .ok_or(ProtectionError::NotRunning)?
        .try_get("id")?;
        let note = check_in.note.as_ref().map(|note| {
            seal(
                case_key,
                note.as_bytes(),
                &labels::check_in_note(case_id, id.as_str()),
            )
        });
        let inserted = sqlx::query(
            "INSERT INTO protection_check_ins (id, decision_id, case_id, period, answer, \
             answered_at, note_ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(&decision_id)
        .bind(case_id.as_str())
        .bind(i64::from(period))
        .bind(check_in.answer.as_str())
        .bind(format_timestamp(to_the_hour(now)))
        .bind(note)
        .execute(tx.connection())
        .await;
        match inserted.map_err(StoreError::from) {
            Ok(_) => {}
            Err(StoreError::Conflict { .. }) => return Err(ProtectionError::AlreadyAnswered),
            Err(other) => return Err(other.into()),
        }
        tx.audit(AuditRecord {
            actor: REPORTER_ACTOR,
            action: "case.protection_check_in",
            object: &format!("case:{case_id}"),
            details: json!({ "request": request_id }),
        })
        .await?;
        let alert = if check_in.answer.raises_alert() {
            Some(
                tx.raise_protection_alert(
                    AlertKind::CheckInNotFine,
                    case_id,
                    &ProtectionAlertDetails {
                        request_id: request_id.to_owned(),
                        answer: Some(check_in.answer),
                        note: check_in.note.clone(),
                    },
                    case_key,
                    now,
                )
                .await?,
            )
        } else {
            None
        };
        tx.commit().await?;
        Ok(AnsweredCheckIn { id, alert })
    }

    /// A case's check-in answers, oldest first, decrypted.
    pub async fn check_ins(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredCheckIn>, ProtectionError> {
        let rows = sqlx::query(
            "SELECT c.id, d.request_id, c.period, c.answer, c.answered_at, c.note_ciphertext \
             FROM protection_check_ins c JOIN protection_decisions d ON d.id = c.decision_id \
             WHERE c.case_id = $1 ORDER BY c.answered_at, d.request_id, c.period",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let corrupt = |what: &str| StoreError::Corrupt(format!("protection_check_ins.{what}"));
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            let note = match row.try_get::<Option<Vec<u8>>, _>("note_ciphertext")? {
                None => None,
                Some(sealed) => {
                    let plain = open(case_key, &sealed, &labels::check_in_note(case_id, &id))?;
                    Some(String::from_utf8(plain.to_vec()).map_err(|_| corrupt("note"))?)
                }
            };
            let answer: String = row.try_get("answer")?;
            out.push(StoredCheckIn {
                id: CheckInId::from_column(id),
                request_id: row.try_get("request_id")?,
                period: u32::try_from(row.try_get::<i64, _>("period")?)
                    .map_err(|_| corrupt("period"))?,
                answer: CheckInAnswer::parse(&answer).ok_or_else(|| corrupt("answer"))?,
                answered_at: parse_timestamp(&row.try_get::<String, _>("answered_at")?)?,
                note,
            });
        }
        Ok(out)
    }
}
