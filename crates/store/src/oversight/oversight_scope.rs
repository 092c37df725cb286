//! The units an oversight viewer sees: their unit's subtree (what a superior head
//! has always seen) and every subtree of their unit's jurisdiction. One SQL text,
//! so that the overdue list, the report roll-up and every oversight view to come
//! agree on it.

use crate::accounts::{UNIT_COLUMNS, Unit, UnitId, unit_from_row};
use crate::{Store, StoreError};

/// A common table expression both engines run: `below` holds the scope of the
/// viewer's unit `$1` — its subtree, the roots of its jurisdiction's subtrees (or
/// every root of the tree for the whole province) and everything below them. UNION
/// rather than UNION ALL: subtrees may nest, and a unit must count once.
pub(crate) const OVERSIGHT_SCOPE: &str = "WITH RECURSIVE scope_roots (id) AS ( \
     SELECT id FROM units WHERE id = $1 \
     UNION SELECT root_id FROM jurisdiction_subtrees WHERE unit_id = $1 \
     UNION SELECT u.id FROM units u JOIN jurisdictions j \
         ON j.unit_id = $1 AND j.whole_province = 1 WHERE u.parent_id IS NULL), \
     below (id) AS ( \
     SELECT id FROM scope_roots \
     UNION SELECT u.id FROM units u JOIN below b ON u.parent_id = b.id)";

impl Store {
    /// Every unit a viewer of `unit` oversees, by code: its subtree and its
    /// jurisdiction. Empty if the unit does not exist.
    pub async fn oversight_scope(&self, unit: &UnitId) -> Result<Vec<Unit>, StoreError> {
        sqlx::query(&format!(
            "{OVERSIGHT_SCOPE} SELECT {UNIT_COLUMNS} FROM units \
             WHERE id IN (SELECT id FROM below) ORDER BY code"
        ))
        .bind(unit.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(unit_from_row)
        .collect()
    }
}
