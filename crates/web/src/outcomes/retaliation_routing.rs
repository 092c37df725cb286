//! Where a retaliation case goes in this installation's tree: the accused unit's
//! superior (khien_domain::outcomes::route_retaliation), or the default intake
//! unit when the tree has no superior and no party inspection committee.

use khien_domain::outcomes::route_retaliation;
use khien_store::accounts::{Unit, UnitId};

use crate::organisation_tree::organisation_tree;
use crate::{AppError, AppState};

/// The units a retaliation case goes to.
pub struct RetaliationTarget {
    /// The unit that handles it; `None`: only the accused unit itself could.
    pub handling: Option<Unit>,
    /// The party inspection committee that sees it.
    pub inspection: Option<UnitId>,
}

/// Routes a case against `accused`. With `last_resort`, the default intake unit
/// takes it even when that is the accused unit itself (a colleague's report must go
/// somewhere); without, such a report has nowhere to go.
pub async fn retaliation_target(
    state: &AppState,
    accused: &UnitId,
    last_resort: bool,
) -> Result<RetaliationTarget, AppError> {
    let tree = organisation_tree(state).await?;
    let route = route_retaliation(&tree, accused).ok_or(AppError::NotFound)?;
    let inspection = route.inspection_unit.map(|unit| unit.id.clone());
    let handling_id = match route.handling_unit {
        Some(unit) => Some(unit.id.clone()),
        None => {
            let fallback = state
                .store
                .resolve_intake_unit(None)
                .await
                .map_err(|_| AppError::NotReady)?;
            (&fallback != accused || last_resort).then_some(fallback)
        }
    };
    let handling = match handling_id {
        Some(id) => state.store.unit_by_id(&id).await?,
        None => None,
    };
    Ok(RetaliationTarget {
        handling,
        inspection,
    })
}
