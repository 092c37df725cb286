//! A unit's custodian threshold: how many custodians must agree (k).

use chrono::{DateTime, Utc};
use khien_domain::accounts::{Role, UnitCode};
use khien_domain::disclosure::CustodianThreshold;
use khien_vault::case_keys::DEFAULT_THRESHOLD;
use serde_json::json;
use sqlx::Row;

use super::DisclosureError;
use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A unit's setting, with who made it and, for k = 1, who accepted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdSetting {
    /// The unit.
    pub unit_id: UnitId,
    /// k.
    pub threshold: CustodianThreshold,
    /// For k = 1: the administrator who accepted a single custodian, and when.
    pub single_custodian_accepted: Option<(UserId, DateTime<Utc>)>,
    /// Who set it.
    pub updated_by: UserId,
    /// When.
    pub updated_at: DateTime<Utc>,
}

impl Store {
    /// The unit's setting; `None` means the default, k = 2.
    pub async fn identity_threshold(
        &self,
        unit: &UnitId,
    ) -> Result<Option<ThresholdSetting>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT share_threshold, single_custodian_accepted_by, single_custodian_accepted_at, \
             updated_by, updated_at FROM unit_identity_settings WHERE unit_id = $1",
        )
        .bind(unit.as_str())
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let accepted_by: Option<String> = row.try_get("single_custodian_accepted_by")?;
        let accepted_at: Option<String> = row.try_get("single_custodian_accepted_at")?;
        let single_custodian_accepted = match (accepted_by, accepted_at) {
            (Some(by), Some(at)) => Some((UserId::from_column(by), parse_timestamp(&at)?)),
            _ => None,
        };
        let threshold = CustodianThreshold::from_stored(
            row.try_get("share_threshold")?,
            single_custodian_accepted.is_some(),
        )
        .ok_or_else(|| StoreError::Corrupt("unit_identity_settings.share_threshold".into()))?;
        Ok(Some(ThresholdSetting {
            unit_id: unit.clone(),
            threshold,
            single_custodian_accepted,
            updated_by: UserId::from_column(row.try_get("updated_by")?),
            updated_at: parse_timestamp(&row.try_get::<String, _>("updated_at")?)?,
        }))
    }

    /// An administrator sets a unit's k, checked against its enabled custodians
    /// now (k = 1 needs exactly one, and `accept_single_custodian`, recorded
    /// with who and when). Audited as `unit.identity_threshold_set`. Applies to
    /// cases received from now on and to re-shares; shares already made keep
    /// their k.
    pub async fn set_identity_threshold(
        &self,
        admin: &UserId,
        unit: &UnitCode,
        wanted: i64,
        accept_single_custodian: bool,
        now: DateTime<Utc>,
    ) -> Result<ThresholdSetting, DisclosureError> {
        let unit = self
            .unit_by_code(unit)
            .await?
            .ok_or(DisclosureError::NotFound)?;
        let mut tx = self.begin().await?;
        let custodians: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE u.unit_id = $1 AND r.role = $2 AND u.disabled_at IS NULL",
        )
        .bind(unit.id.as_str())
        .bind(Role::Custodian.as_str())
        .fetch_one(tx.connection())
        .await?
        .try_get("n")?;
        let threshold = CustodianThreshold::parse(
            wanted,
            accept_single_custodian,
            usize::try_from(custodians).unwrap_or(0),
        )?;
        let stamp = format_timestamp(now);
        let accepted_by = threshold
            .single_custodian_accepted()
            .then(|| admin.as_str().to_owned());
        let accepted_at = threshold.single_custodian_accepted().then(|| stamp.clone());
        sqlx::query(
            "INSERT INTO unit_identity_settings (unit_id, share_threshold, \
             single_custodian_accepted_by, single_custodian_accepted_at, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_id) DO UPDATE SET \
             share_threshold = excluded.share_threshold, \
             single_custodian_accepted_by = excluded.single_custodian_accepted_by, \
             single_custodian_accepted_at = excluded.single_custodian_accepted_at, \
             updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(unit.id.as_str())
        .bind(i64::try_from(threshold.get()).unwrap_or(i64::MAX))
        .bind(accepted_by)
        .bind(accepted_at)
        .bind(admin.as_str())
        .bind(&stamp)
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{admin}"),
            action: "unit.identity_threshold_set",
            object: &format!("unit:{}", unit.id),
            details: json!({
                "threshold": threshold.get(),
                "single_custodian_accepted": threshold.single_custodian_accepted(),
                "custodians": custodians,
            }),
        })
        .await?;
        tx.commit().await?;
        // Read back, so the caller sees exactly what is stored.
        Ok(self
            .identity_threshold(&unit.id)
            .await?
            .ok_or(StoreError::NotFound)?)
    }

    /// The k a new split of this unit should use, given its custodians now:
    /// the unit's setting, or the default. (The vault then lowers it to the
    /// number of custodians; the caller records both.)
    pub(crate) async fn wanted_identity_threshold(
        &self,
        unit: &UnitId,
        custodians: usize,
    ) -> Result<usize, StoreError> {
        Ok(self
            .identity_threshold(unit)
            .await?
            .map(|setting| setting.threshold.wanted_for(custodians, DEFAULT_THRESHOLD))
            .unwrap_or(DEFAULT_THRESHOLD))
    }
}
