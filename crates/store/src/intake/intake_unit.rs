//! Which unit receives a report, and the default intake unit setting (DESIGN §4:
//! reports with no unit chosen go to a configured default intake unit).

use chrono::Utc;
use khien_domain::accounts::UnitCode;
use khien_domain::intake::FieldErrors;
use serde_json::json;
use sqlx::Row;

use super::IntakeError;
use crate::accounts::UnitId;
use crate::audit::AuditRecord;
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

impl Store {
    /// The unit a report goes to: the chosen unit; else the default intake
    /// unit; else the root of the organisation tree (the oldest unit without a
    /// parent). An unknown code is an error on the field `unit`.
    pub async fn resolve_intake_unit(
        &self,
        chosen: Option<&UnitCode>,
    ) -> Result<UnitId, IntakeError> {
        if let Some(code) = chosen {
            return match self.unit_by_code(code).await? {
                Some(unit) => Ok(unit.id),
                None => Err(IntakeError::Invalid(FieldErrors::single(
                    "unit",
                    "Không có đơn vị với mã này; chọn một đơn vị trong danh sách hoặc \"Không biết\".",
                    "There is no unit with this code; choose one from the list or \"I don't know\".",
                ))),
            };
        }
        if let Some(unit) = self.default_intake_unit().await? {
            return Ok(unit);
        }
        sqlx::query("SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at, id LIMIT 1")
            .fetch_optional(self.reader())
            .await?
            .map(|row| row.try_get::<String, _>("id").map(UnitId::from_column))
            .transpose()?
            .ok_or(IntakeError::NoIntakeUnit)
    }

    /// The configured default intake unit, if one is set.
    pub async fn default_intake_unit(&self) -> Result<Option<UnitId>, StoreError> {
        let row = sqlx::query("SELECT default_intake_unit FROM intake_settings WHERE id = 1")
            .fetch_optional(self.reader())
            .await?;
        Ok(match row {
            Some(row) => row
                .try_get::<Option<String>, _>("default_intake_unit")?
                .map(UnitId::from_column),
            None => None,
        })
    }

    /// Sets (or with `None` clears) the default intake unit. Audited as
    /// `intake.default_unit_set`. An unknown unit is an error on the field `unit`.
    pub async fn set_default_intake_unit(
        &self,
        actor: &str,
        unit: Option<&UnitId>,
    ) -> Result<(), IntakeError> {
        if let Some(unit) = unit
            && self.unit_by_id(unit).await?.is_none()
        {
            return Err(IntakeError::Invalid(FieldErrors::single(
                "unit",
                "Không có đơn vị này.",
                "There is no such unit.",
            )));
        }
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO intake_settings (id, default_intake_unit, updated_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET default_intake_unit = excluded.default_intake_unit, \
             updated_at = excluded.updated_at",
        )
        .bind(unit.map(|unit| unit.as_str().to_owned()))
        .bind(format_timestamp(Utc::now()))
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor,
            action: "intake.default_unit_set",
            object: "intake_settings",
            details: json!({ "unit": unit.map(UnitId::as_str) }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
