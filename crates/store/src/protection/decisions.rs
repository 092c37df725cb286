//! Decisions on protection requests and the end of their measures. Ending
//! measures, or refusing, ends the retaliation tripwire's protection of the
//! request's persons in the same transaction.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::protection::{DecisionOutcome, EndReason, ProtectionDecision, ProtectionEnd};
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;

use super::record::{check_case_key, open_document, seal_document};
use super::{ProtectionDecisionId, ProtectionError, labels};
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError, WriteTx};

/// The end of measures, as stored. No `Debug`.
pub struct StoredEnd {
    /// Why.
    pub reason: EndReason,
    /// The last day covered.
    pub ended_on: NaiveDate,
    /// The note, if one was written.
    pub note: Option<String>,
    /// Who recorded it (username). Staff only.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A decrypted decision. No `Debug`.
pub struct StoredDecision {
    /// Its id.
    pub id: ProtectionDecisionId,
    /// The request it decides.
    pub request_id: String,
    /// What was decided.
    pub decision: ProtectionDecision,
    /// Who recorded it (username). Staff only: never shown to the reporter.
    pub decided_by: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The end of the measures, once recorded.
    pub ended: Option<StoredEnd>,
}

impl StoredDecision {
    /// Measures that have not ended.
    pub fn is_running(&self) -> bool {
        self.decision.measures().is_some() && self.ended.is_none()
    }
}

impl WriteTx {
    /// Ends the tripwire's protection of a request's persons on `last_day`
    /// and audits `case.protection_ended` as [`Store::end_protection`] does.
    async fn end_tripwire_protection(
        &mut self,
        actor: &str,
        case_id: &CaseId,
        request_id: &str,
        last_day: NaiveDate,
        reason: &str,
    ) -> Result<u64, StoreError> {
        let ended = self
            .end_protected_id_numbers(case_id, request_id, last_day)
            .await?;
        self.audit(AuditRecord {
            actor,
            action: "case.protection_ended",
            object: &format!("case:{case_id}"),
            details: json!({
                "request": request_id,
                "last_day": last_day.to_string(),
                "reason": reason,
            }),
        })
        .await?;
        Ok(ended)
    }
}

impl Store {
    /// Records the decision on a request, by `decided_by`, audited as
    /// `case.protection_decided` (details: the request and the outcome's
    /// code). A refusal also ends the tripwire's protection of the request's
    /// persons on the day of the refusal. One decision per request
    /// ([`ProtectionError::AlreadyDecided`]).
    pub async fn decide_protection(
        &self,
        case_id: &CaseId,
        request_id: &str,
        decision: &ProtectionDecision,
        case_key: &DataKey,
        decided_by: &UserId,
        now: DateTime<Utc>,
    ) -> Result<ProtectionDecisionId, ProtectionError> {
        let id = ProtectionDecisionId::new();
        let ciphertext = seal_document(
            case_key,
            decision,
            &labels::protection_decision(case_id, id.as_str()),
            "protection decision",
        )?;
        let actor = format!("user:{decided_by}");
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let exists =
            sqlx::query("SELECT id FROM protection_requests WHERE id = $1 AND case_id = $2")
                .bind(request_id)
                .bind(case_id.as_str())
                .fetch_optional(tx.connection())
                .await?;
        if exists.is_none() {
            return Err(ProtectionError::NotFound);
        }
        let measures = decision.measures();
        let inserted = sqlx::query(
            "INSERT INTO protection_decisions (id, request_id, case_id, outcome, decided_on, \
             starts_on, check_in_days, decided_by, recorded_at, ciphertext) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.as_str())
        .bind(request_id)
        .bind(case_id.as_str())
        .bind(decision.outcome.code())
        .bind(decision.decided_on.to_string())
        .bind(measures.map(|m| m.starts_on.to_string()))
        .bind(measures.map(|m| i64::from(m.check_in_every_days)))
        .bind(decided_by.as_str())
        .bind(format_timestamp(now))
        .bind(ciphertext)
        .execute(tx.connection())
        .await;
        match inserted.map_err(StoreError::from) {
            Ok(_) => {}
            Err(StoreError::Conflict { .. }) => return Err(ProtectionError::AlreadyDecided),
            Err(other) => return Err(other.into()),
        }
        tx.audit(AuditRecord {
            actor: &actor,
            action: "case.protection_decided",
            object: &format!("case:{case_id}"),
            details: json!({ "request": request_id, "outcome": decision.outcome.code() }),
        })
        .await?;
        if let DecisionOutcome::Refusal { .. } = decision.outcome {
            tx.end_tripwire_protection(&actor, case_id, request_id, decision.decided_on, "refused")
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Ends the measures decided for a request (LTC Art. 54(2)), by
    /// `ended_by`: the tripwire stops matching the request's persons after
    /// `end.ended_on`, in the same transaction, audited as
    /// `case.protection_ended`. Returns how many ID numbers stopped matching.
    pub async fn end_protection_measures(
        &self,
        case_id: &CaseId,
        request_id: &str,
        end: &ProtectionEnd,
        case_key: &DataKey,
        ended_by: &UserId,
        now: DateTime<Utc>,
    ) -> Result<u64, ProtectionError> {
        let actor = format!("user:{ended_by}");
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        let row = sqlx::query(
            "SELECT id, outcome, ended_on FROM protection_decisions \
             WHERE request_id = $1 AND case_id = $2",
        )
        .bind(request_id)
        .bind(case_id.as_str())
        .fetch_optional(tx.connection())
        .await?
        .ok_or(ProtectionError::NotRunning)?;
        let decision_id: String = row.try_get("id")?;
        if row.try_get::<String, _>("outcome")? != "measures" {
            return Err(ProtectionError::NotRunning);
        }
        if row.try_get::<Option<String>, _>("ended_on")?.is_some() {
            return Err(ProtectionError::AlreadyEnded);
        }
        let note = end.note.as_ref().map(|note| {
            seal(
                case_key,
                note.as_bytes(),
                &labels::protection_end_note(case_id, &decision_id),
            )
        });
        sqlx::query(
            "UPDATE protection_decisions SET ended_on = $1, end_reason = $2, end_note = $3, \
             ended_by = $4, ended_at = $5 WHERE id = $6 AND ended_on IS NULL",
        )
        .bind(end.ended_on.to_string())
        .bind(end.reason.as_str())
        .bind(note)
        .bind(ended_by.as_str())
        .bind(format_timestamp(now))
        .bind(&decision_id)
        .execute(tx.connection())
        .await?;
        let ended = tx
            .end_tripwire_protection(
                &actor,
                case_id,
                request_id,
                end.ended_on,
                end.reason.as_str(),
            )
            .await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// A case's decisions, in the order recorded, decrypted.
    pub async fn protection_decisions(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredDecision>, ProtectionError> {
        let rows = sqlx::query(
            "SELECT d.id, d.request_id, d.ciphertext, d.recorded_at, du.username AS decided_by, \
             d.ended_on, d.end_reason, d.end_note, eu.username AS ended_by, d.ended_at \
             FROM protection_decisions d JOIN users du ON du.id = d.decided_by \
             LEFT JOIN users eu ON eu.id = d.ended_by \
             WHERE d.case_id = $1 ORDER BY d.recorded_at, d.id",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?;
        let corrupt = |what: &str| StoreError::Corrupt(format!("protection_decisions.{what}"));
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: String = row.try_get("id")?;
            let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
            let decision: ProtectionDecision = open_document(
                case_key,
                &ciphertext,
                &labels::protection_decision(case_id, &id),
                "protection decision",
            )?;
            let ended = match row.try_get::<Option<String>, _>("ended_on")? {
                None => None,
                Some(ended_on) => {
                    let note = match row.try_get::<Option<Vec<u8>>, _>("end_note")? {
                        None => None,
                        Some(sealed) => {
                            let plain = open(
                                case_key,
                                &sealed,
                                &labels::protection_end_note(case_id, &id),
                            )?;
                            Some(
                                String::from_utf8(plain.to_vec())
                                    .map_err(|_| corrupt("end_note"))?,
                            )
                        }
                    };
                    let reason: Option<String> = row.try_get("end_reason")?;
                    let at: Option<String> = row.try_get("ended_at")?;
                    Some(StoredEnd {
                        reason: reason
                            .as_deref()
                            .and_then(EndReason::parse)
                            .ok_or_else(|| corrupt("end_reason"))?,
                        ended_on: ended_on.parse().map_err(|_| corrupt("ended_on"))?,
                        note,
                        by: row
                            .try_get::<Option<String>, _>("ended_by")?
                            .unwrap_or_default(),
                        at: parse_timestamp(&at.ok_or_else(|| corrupt("ended_at"))?)?,
                    })
                }
            };
            out.push(StoredDecision {
                id: ProtectionDecisionId::from_column(id),
                request_id: row.try_get("request_id")?,
                decision,
                decided_by: row.try_get("decided_by")?,
                recorded_at: parse_timestamp(&row.try_get::<String, _>("recorded_at")?)?,
                ended,
            });
        }
        Ok(out)
    }
}
