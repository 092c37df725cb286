//! Protected persons' ID numbers as blind indexes, each with the days its
//! protection covers: from the request's date to the last day of the
//! measures (open while they last).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use khien_domain::protection::{NationalIdNumber, ProtectedIdNumber};
use khien_vault::blind_index::{BlindIndexDomain, blind_index};
use khien_vault::server_secret::ServerSecret;
use khien_vault::symmetric::{DataKey, seal};
use serde_json::json;

use super::{ProtectedIdNumberId, labels};
use crate::audit::AuditRecord;
use crate::intake::CaseId;
use crate::{Store, StoreError, WriteTx};

/// The blind index of an ID number: the only form in which a number is kept
/// outside an encrypted document. Both sides of a match are made here.
pub fn national_id_index(secret: &ServerSecret, number: &NationalIdNumber) -> [u8; 32] {
    blind_index(secret, BlindIndexDomain::NationalId, number.digits())
}

/// The calendar date in Vietnam (UTC+7, no daylight saving) of a moment.
pub(crate) fn date_in_vietnam(time: DateTime<Utc>) -> NaiveDate {
    (time + Duration::hours(7)).date_naive()
}

/// A date as the store keeps dates of legal effect.
pub(crate) fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

impl WriteTx {
    /// Stores the blind index of each ID number of a protection request, who
    /// it belongs to sealed under the case key, protected from `active_from`.
    pub(crate) async fn add_protected_id_numbers(
        &mut self,
        case_id: &CaseId,
        request_id: &str,
        numbers: &[ProtectedIdNumber],
        secret: &ServerSecret,
        case_key: &DataKey,
        active_from: NaiveDate,
    ) -> Result<(), StoreError> {
        for number in numbers {
            let id = ProtectedIdNumberId::new();
            let person = seal(
                case_key,
                number.person.as_str().as_bytes(),
                &labels::protected_person(case_id, &id),
            );
            sqlx::query(
                "INSERT INTO protected_id_numbers (id, case_id, protection_request_id, \
                 blind_index, person_ciphertext, active_from, active_until) \
                 VALUES ($1, $2, $3, $4, $5, $6, NULL)",
            )
            .bind(id.as_str())
            .bind(case_id.as_str())
            .bind(request_id)
            .bind(national_id_index(secret, &number.number).to_vec())
            .bind(person)
            .bind(format_date(active_from))
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    /// Ends the protection of a request's persons: from now on their ID
    /// numbers match no decision dated after `last_day`. Numbers already ended
    /// keep their day. Returns how many were ended. The caller audits (this is
    /// the building block for the protection workflow's own transaction).
    pub async fn end_protected_id_numbers(
        &mut self,
        case_id: &CaseId,
        request_id: &str,
        last_day: NaiveDate,
    ) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "UPDATE protected_id_numbers SET active_until = $1 \
             WHERE case_id = $2 AND protection_request_id = $3 AND active_until IS NULL",
        )
        .bind(format_date(last_day))
        .bind(case_id.as_str())
        .bind(request_id)
        .execute(&mut *self.tx)
        .await?
        .rows_affected())
    }
}

impl Store {
    /// Ends the protection a request asked for, on `last_day` (the last day
    /// it covers), audited as `case.protection_ended` with the request's id
    /// and the day. Returns how many ID numbers stopped matching.
    pub async fn end_protection(
        &self,
        actor: &str,
        case_id: &CaseId,
        request_id: &str,
        last_day: NaiveDate,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let ended = tx
            .end_protected_id_numbers(case_id, request_id, last_day)
            .await?;
        tx.audit(AuditRecord {
            actor,
            action: "case.protection_ended",
            object: &format!("case:{case_id}"),
            details: json!({ "request": request_id, "last_day": format_date(last_day) }),
        })
        .await?;
        tx.commit().await?;
        Ok(ended)
    }
}
