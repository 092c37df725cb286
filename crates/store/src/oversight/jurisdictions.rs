//! Setting and reading oversight bodies' jurisdictions.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use khien_domain::accounts::{UnitCode, UnitKind};
use khien_domain::oversight::Jurisdiction;
use serde_json::json;
use sqlx::Row;

use super::JurisdictionError;
use crate::accounts::{UnitId, unit_id_in_tx};
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A jurisdiction as an administrator set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredJurisdiction {
    /// The oversight body.
    pub unit_id: UnitId,
    /// What it oversees; subtree roots by code order.
    pub jurisdiction: Jurisdiction<UnitId>,
    /// Who set it, as the audit chain names them.
    pub set_by: String,
    /// When.
    pub set_at: DateTime<Utc>,
}

impl Store {
    /// Sets what the oversight unit `unit` oversees, replacing what it had, and
    /// audits it; all or nothing. Unknown codes name their field; a unit that is
    /// not an oversight body, or an empty list, is a [`JurisdictionError::Rule`].
    pub async fn set_jurisdiction(
        &self,
        actor: &str,
        unit: &UnitCode,
        jurisdiction: &Jurisdiction<UnitCode>,
    ) -> Result<StoredJurisdiction, JurisdictionError> {
        let mut tx = self.begin().await?;
        let row = sqlx::query("SELECT id, kind FROM units WHERE code = $1")
            .bind(unit.as_str())
            .fetch_optional(&mut *tx.tx)
            .await?
            .ok_or_else(|| JurisdictionError::UnknownUnit {
                field: "unit",
                code: unit.to_string(),
            })?;
        let unit_id = UnitId::from_column(row.try_get("id")?);
        let kind: String = row.try_get("kind")?;
        let kind: UnitKind = kind
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("units.kind: {e}")))?;
        jurisdiction.check(kind).map_err(JurisdictionError::Rule)?;
        let mut roots: Vec<(UnitCode, UnitId)> = Vec::new();
        if let Jurisdiction::Subtrees(codes) = jurisdiction {
            for code in codes {
                let id = unit_id_in_tx(&mut tx, code).await?.ok_or_else(|| {
                    JurisdictionError::UnknownUnit {
                        field: "subtrees",
                        code: code.to_string(),
                    }
                })?;
                if !roots.iter().any(|(_, known)| known == &id) {
                    roots.push((code.clone(), id));
                }
            }
        }
        roots.sort();
        let whole = matches!(jurisdiction, Jurisdiction::WholeProvince);
        let now = Utc::now();
        sqlx::query("DELETE FROM jurisdiction_subtrees WHERE unit_id = $1")
            .bind(unit_id.as_str())
            .execute(&mut *tx.tx)
            .await?;
        sqlx::query("DELETE FROM jurisdictions WHERE unit_id = $1")
            .bind(unit_id.as_str())
            .execute(&mut *tx.tx)
            .await?;
        sqlx::query(
            "INSERT INTO jurisdictions (unit_id, whole_province, set_by, set_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(unit_id.as_str())
        .bind(i64::from(whole))
        .bind(actor)
        .bind(format_timestamp(now))
        .execute(&mut *tx.tx)
        .await?;
        for (_, root) in &roots {
            sqlx::query("INSERT INTO jurisdiction_subtrees (unit_id, root_id) VALUES ($1, $2)")
                .bind(unit_id.as_str())
                .bind(root.as_str())
                .execute(&mut *tx.tx)
                .await?;
        }
        tx.audit(AuditRecord {
            actor,
            action: "unit.jurisdiction_set",
            object: &format!("unit:{unit_id}"),
            details: json!({
                "code": unit.as_str(),
                "whole_province": whole,
                "subtrees": roots.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(StoredJurisdiction {
            unit_id,
            jurisdiction: if whole {
                Jurisdiction::WholeProvince
            } else {
                Jurisdiction::Subtrees(roots.into_iter().map(|(_, id)| id).collect())
            },
            set_by: actor.to_owned(),
            set_at: parse_timestamp(&format_timestamp(now))?,
        })
    }

    /// What `unit` oversees, if an administrator set it (`None`: its own subtree).
    pub async fn jurisdiction_of(
        &self,
        unit: &UnitId,
    ) -> Result<Option<StoredJurisdiction>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT whole_province, set_by, set_at FROM jurisdictions WHERE unit_id = $1",
        )
        .bind(unit.as_str())
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let whole: i64 = row.try_get("whole_province")?;
        let set_at: String = row.try_get("set_at")?;
        let jurisdiction = if whole == 1 {
            Jurisdiction::WholeProvince
        } else {
            Jurisdiction::Subtrees(
                sqlx::query(
                    "SELECT s.root_id FROM jurisdiction_subtrees s \
                     JOIN units u ON u.id = s.root_id WHERE s.unit_id = $1 ORDER BY u.code",
                )
                .bind(unit.as_str())
                .fetch_all(self.reader())
                .await?
                .iter()
                .map(|row| Ok(UnitId::from_column(row.try_get("root_id")?)))
                .collect::<Result<Vec<_>, StoreError>>()?,
            )
        };
        Ok(Some(StoredJurisdiction {
            unit_id: unit.clone(),
            jurisdiction,
            set_by: row.try_get("set_by")?,
            set_at: parse_timestamp(&set_at)?,
        }))
    }

    /// Every jurisdiction an administrator set, by oversight unit (routing reads
    /// them all at once; a province has a handful).
    pub async fn jurisdictions(&self) -> Result<HashMap<UnitId, Jurisdiction<UnitId>>, StoreError> {
        let mut found: HashMap<UnitId, Jurisdiction<UnitId>> = HashMap::new();
        for row in sqlx::query("SELECT unit_id, whole_province FROM jurisdictions")
            .fetch_all(self.reader())
            .await?
        {
            let whole: i64 = row.try_get("whole_province")?;
            let jurisdiction = if whole == 1 {
                Jurisdiction::WholeProvince
            } else {
                Jurisdiction::Subtrees(Vec::new())
            };
            found.insert(UnitId::from_column(row.try_get("unit_id")?), jurisdiction);
        }
        for row in sqlx::query(
            "SELECT s.unit_id, s.root_id FROM jurisdiction_subtrees s \
             JOIN units u ON u.id = s.root_id ORDER BY u.code",
        )
        .fetch_all(self.reader())
        .await?
        {
            let holder = UnitId::from_column(row.try_get("unit_id")?);
            if let Some(Jurisdiction::Subtrees(roots)) = found.get_mut(&holder) {
                roots.push(UnitId::from_column(row.try_get("root_id")?));
            }
        }
        Ok(found)
    }
}
