//! The organisation tree as routing reads it, loaded from the store.

use khien_domain::routing::{OrgTree, OrgUnit};
use khien_store::accounts::UnitId;

use crate::{AppError, AppState};

/// Every unit, as [`OrgTree`] wants them. One query; a province has a few
/// hundred units at most.
pub async fn organisation_tree(state: &AppState) -> Result<OrgTree<UnitId>, AppError> {
    let units = state.store.list_units().await?;
    Ok(OrgTree::new(
        units
            .into_iter()
            .map(|placed| OrgUnit {
                id: placed.unit.id,
                code: placed.unit.code,
                name: placed.unit.name,
                kind: placed.unit.kind,
                parent: placed.unit.parent_id,
                head_position: placed.unit.head_position,
            })
            .collect(),
    ))
}
