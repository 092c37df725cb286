//! Where a retaliation case goes in this installation's tree: the accused unit's
//! superior (khien_domain::outcomes::route_retaliation), or the default intake
//! unit when the tree has no superior and no party inspection committee.

use khien_domain::outcomes::{UnitNode, route_retaliation};
use khien_store::accounts::{Unit, UnitId};

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
    let units = state.store.list_units().await?;
    let nodes: Vec<UnitNode<'_>> = units
        .iter()
        .map(|entry| UnitNode {
            id: entry.unit.id.as_str(),
            kind: entry.unit.kind,
            parent: entry.unit.parent_id.as_ref().map(UnitId::as_str),
        })
        .collect();
    let route = route_retaliation(accused.as_str(), &nodes).ok_or(AppError::NotFound)?;
    let find = |id: &str| {
        units
            .iter()
            .find(|entry| entry.unit.id.as_str() == id)
            .map(|entry| entry.unit.clone())
    };
    let inspection = route.inspection_unit.and_then(find).map(|unit| unit.id);
    let handling = match route.handling_unit.and_then(find) {
        Some(unit) => Some(unit),
        None => {
            let fallback = state
                .store
                .resolve_intake_unit(None)
                .await
                .map_err(|_| AppError::NotReady)?;
            if &fallback == accused && !last_resort {
                None
            } else {
                find(fallback.as_str())
            }
        }
    };
    Ok(RetaliationTarget {
        handling,
        inspection,
    })
}
