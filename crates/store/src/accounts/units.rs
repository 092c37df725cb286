//! The organisation tree: adding units, reading them, walking down from one.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use khien_domain::accounts::{HeadPosition, UnitCode, UnitKind, UnitName};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{AccountError, UnitId};
use crate::audit::AuditRecord;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError, WriteTx};

/// A unit to add.
#[derive(Debug, Clone)]
pub struct NewUnit {
    /// Its code.
    pub code: UnitCode,
    /// Its Vietnamese name.
    pub name: UnitName,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// The unit above it, if any.
    pub parent: Option<UnitCode>,
    /// The title of its head.
    pub head_position: Option<HeadPosition>,
}

/// A stored unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its id.
    pub id: UnitId,
    /// Its code.
    pub code: UnitCode,
    /// Its name.
    pub name: UnitName,
    /// Its kind.
    pub kind: UnitKind,
    /// The unit above it.
    pub parent_id: Option<UnitId>,
    /// The title of its head.
    pub head_position: Option<HeadPosition>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// A unit and how deep it sits in the tree (0 for a root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInTree {
    /// The unit.
    pub unit: Unit,
    /// 0 for a root, 1 for its children, …
    pub depth: usize,
}

pub(crate) const UNIT_COLUMNS: &str = "id, code, name, kind, parent_id, head_position, created_at";

impl Store {
    /// Adds one unit. An unknown parent is [`AccountError::UnknownParent`]; a code
    /// already in use is a [`StoreError::Conflict`].
    pub async fn add_unit(&self, actor: &str, unit: &NewUnit) -> Result<Unit, AccountError> {
        let mut tx = self.begin().await?;
        let parent_id = match &unit.parent {
            Some(code) => Some(
                unit_id_in_tx(&mut tx, code)
                    .await?
                    .ok_or_else(|| AccountError::UnknownParent(code.to_string()))?,
            ),
            None => None,
        };
        let added = tx.insert_unit(actor, unit, parent_id).await?;
        tx.commit().await?;
        Ok(added)
    }

    /// The unit with this code, if any.
    pub async fn unit_by_code(&self, code: &UnitCode) -> Result<Option<Unit>, StoreError> {
        sqlx::query(&format!("SELECT {UNIT_COLUMNS} FROM units WHERE code = $1"))
            .bind(code.as_str())
            .fetch_optional(self.reader())
            .await?
            .map(|row| unit_from_row(&row))
            .transpose()
    }

    /// The unit with this id, if any.
    pub async fn unit_by_id(&self, id: &UnitId) -> Result<Option<Unit>, StoreError> {
        sqlx::query(&format!("SELECT {UNIT_COLUMNS} FROM units WHERE id = $1"))
            .bind(id.as_str())
            .fetch_optional(self.reader())
            .await?
            .map(|row| unit_from_row(&row))
            .transpose()
    }

    /// Every unit in tree order: each unit followed by its children, depth first,
    /// siblings by code.
    pub async fn list_units(&self) -> Result<Vec<UnitInTree>, StoreError> {
        let units = sqlx::query(&format!("SELECT {UNIT_COLUMNS} FROM units ORDER BY code"))
            .fetch_all(self.reader())
            .await?
            .iter()
            .map(unit_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(tree_order(units))
    }

    /// A unit and every unit below it (what a head or an oversight body sees).
    /// Empty if the unit does not exist.
    pub async fn unit_and_descendants(&self, id: &UnitId) -> Result<Vec<Unit>, StoreError> {
        // Portable: both SQLite and PostgreSQL have recursive common table expressions.
        sqlx::query(&format!(
            "WITH RECURSIVE below (id) AS ( \
                 SELECT id FROM units WHERE id = $1 \
                 UNION ALL \
                 SELECT u.id FROM units u JOIN below b ON u.parent_id = b.id) \
             SELECT {UNIT_COLUMNS} FROM units WHERE id IN (SELECT id FROM below) ORDER BY code"
        ))
        .bind(id.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(unit_from_row)
        .collect()
    }
}

impl WriteTx {
    /// Inserts a unit whose parent id is already resolved, and audits it.
    pub(crate) async fn insert_unit(
        &mut self,
        actor: &str,
        unit: &NewUnit,
        parent_id: Option<UnitId>,
    ) -> Result<Unit, AccountError> {
        let id = UnitId::new();
        let now = Utc::now();
        let result = sqlx::query(
            "INSERT INTO units (id, code, name, kind, parent_id, head_position, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(unit.code.as_str())
        .bind(unit.name.as_str())
        .bind(unit.kind.as_str())
        .bind(parent_id.as_ref().map(|p| p.as_str().to_owned()))
        .bind(unit.head_position.as_ref().map(|h| h.as_str().to_owned()))
        .bind(format_timestamp(now))
        .execute(&mut *self.tx)
        .await;
        if let Err(error) = result {
            return Err(match StoreError::from(error) {
                StoreError::Conflict { .. } => AccountError::duplicate("units_code_key"),
                other => other.into(),
            });
        }
        self.audit(AuditRecord {
            actor,
            action: "unit.created",
            object: &format!("unit:{id}"),
            details: json!({
                "code": unit.code.as_str(),
                "kind": unit.kind.as_str(),
                "parent": parent_id.as_ref().map(UnitId::as_str),
            }),
        })
        .await?;
        Ok(Unit {
            id,
            code: unit.code.clone(),
            name: unit.name.clone(),
            kind: unit.kind,
            parent_id,
            head_position: unit.head_position.clone(),
            created_at: parse_timestamp(&format_timestamp(now))?,
        })
    }
}

/// The id of the unit with `code`, read inside the transaction that will use it.
pub(crate) async fn unit_id_in_tx(
    tx: &mut WriteTx,
    code: &UnitCode,
) -> Result<Option<UnitId>, StoreError> {
    let row = sqlx::query("SELECT id FROM units WHERE code = $1")
        .bind(code.as_str())
        .fetch_optional(&mut *tx.tx)
        .await?;
    row.map(|row| row.try_get::<String, _>("id").map(UnitId::from_column))
        .transpose()
        .map_err(StoreError::from)
}

pub(crate) fn unit_from_row(row: &AnyRow) -> Result<Unit, StoreError> {
    let corrupt = |what: &str, error: &dyn std::fmt::Display| {
        StoreError::Corrupt(format!("units.{what}: {error}"))
    };
    let code: String = row.try_get("code")?;
    let name: String = row.try_get("name")?;
    let kind: String = row.try_get("kind")?;
    let head_position: Option<String> = row.try_get("head_position")?;
    let created_at: String = row.try_get("created_at")?;
    Ok(Unit {
        id: UnitId::from_column(row.try_get("id")?),
        code: UnitCode::parse(&code).map_err(|e| corrupt("code", &e))?,
        name: UnitName::parse(&name).map_err(|e| corrupt("name", &e))?,
        kind: kind.parse().map_err(|e| corrupt("kind", &e))?,
        parent_id: row
            .try_get::<Option<String>, _>("parent_id")?
            .map(UnitId::from_column),
        head_position: head_position
            .map(|text| HeadPosition::parse(&text))
            .transpose()
            .map_err(|e| corrupt("head_position", &e))?,
        created_at: parse_timestamp(&created_at)?,
    })
}

/// Orders units depth first from the roots, keeping the given sibling order. A
/// unit whose parent is missing (impossible with the foreign key) is shown as a root.
fn tree_order(units: Vec<Unit>) -> Vec<UnitInTree> {
    let known: std::collections::HashSet<UnitId> = units.iter().map(|u| u.id.clone()).collect();
    let mut children: HashMap<Option<UnitId>, Vec<Unit>> = HashMap::new();
    for unit in units {
        let parent = unit.parent_id.clone().filter(|p| known.contains(p));
        children.entry(parent).or_default().push(unit);
    }
    let mut ordered = Vec::new();
    let mut stack: Vec<(Unit, usize)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|unit| (unit, 0))
        .collect();
    while let Some((unit, depth)) = stack.pop() {
        if let Some(below) = children.remove(&Some(unit.id.clone())) {
            stack.extend(below.into_iter().rev().map(|child| (child, depth + 1)));
        }
        ordered.push(UnitInTree { unit, depth });
    }
    ordered
}
