//! A staff member's own blind indexes: what the conflict-of-interest check
//! compares each case's accused persons with.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::Row;

use super::BlindIndex;
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// What a staff member registers about themselves, as blind indexes.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffIdentityIndexes {
    /// Of their national ID number (`BlindIndexDomain::NationalId`).
    pub national_id: BlindIndex,
    /// Of their full name with their unit's name (`BlindIndexDomain::PersonNameOrganisation`).
    pub name_in_unit: BlindIndex,
}

/// When a staff member last registered; never the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffIdentityRegistration {
    /// When.
    pub registered_at: DateTime<Utc>,
}

const NATIONAL_ID: &str = "national_id";
const NAME_UNIT: &str = "name_unit";

impl Store {
    /// Records (or replaces) a staff member's own indexes, audited as
    /// `staff.identity_registered` with no details.
    pub async fn register_staff_identity(
        &self,
        actor: &str,
        user_id: &UserId,
        indexes: &StaffIdentityIndexes,
    ) -> Result<(), StoreError> {
        let stamp = format_timestamp(Utc::now());
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM staff_identity_indexes WHERE user_id = $1")
            .bind(user_id.as_str())
            .execute(tx.connection())
            .await?;
        for (kind, index) in [
            (NATIONAL_ID, &indexes.national_id),
            (NAME_UNIT, &indexes.name_in_unit),
        ] {
            sqlx::query(
                "INSERT INTO staff_identity_indexes (user_id, kind, blind_index, registered_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(user_id.as_str())
            .bind(kind)
            .bind(index.to_vec())
            .bind(&stamp)
            .execute(tx.connection())
            .await?;
        }
        tx.audit(AuditRecord {
            actor,
            action: "staff.identity_registered",
            object: &format!("user:{user_id}"),
            details: json!({}),
        })
        .await?;
        tx.commit().await
    }

    /// When the staff member registered, if they have.
    pub async fn staff_identity_registration(
        &self,
        user_id: &UserId,
    ) -> Result<Option<StaffIdentityRegistration>, StoreError> {
        let row = sqlx::query(
            "SELECT MIN(registered_at) AS registered_at FROM staff_identity_indexes \
             WHERE user_id = $1",
        )
        .bind(user_id.as_str())
        .fetch_one(self.reader())
        .await?;
        row.try_get::<Option<String>, _>("registered_at")?
            .map(|stamp| {
                Ok(StaffIdentityRegistration {
                    registered_at: parse_timestamp(&stamp)?,
                })
            })
            .transpose()
    }
}
