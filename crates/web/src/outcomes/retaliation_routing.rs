//! Where a retaliation case goes in this installation's tree
//! (khien_domain::outcomes::route_retaliation): the accused unit's superior when it
//! has staff on Khiên, else the party inspection committee or inspectorate whose
//! jurisdiction covers the accused unit; never the accused unit.

use khien_domain::outcomes::{NoRetaliationRoute, route_retaliation};
use khien_store::accounts::{Unit, UnitId};

use crate::organisation_tree::organisation_tree;
use crate::{AppError, AppState};

/// The units a retaliation case goes to.
pub struct RetaliationTarget {
    /// The unit that handles it.
    pub handling: Unit,
    /// The party inspection committee that sees it.
    pub inspection: Option<UnitId>,
}

/// Routes a case against `accused`: `Ok(None)` when no unit qualifies
/// ([`NoRetaliationRoute::NobodyQualifies`]; [`nobody_qualifies`] says so to the
/// person reporting), 404 for a unit that is not in the tree.
pub async fn retaliation_target(
    state: &AppState,
    accused: &UnitId,
) -> Result<Option<RetaliationTarget>, AppError> {
    let tree = organisation_tree(state).await?;
    let staffed = state.store.staffed_units().await?;
    let jurisdictions = state.store.jurisdictions().await?;
    let route = match route_retaliation(&tree, accused, &staffed, &jurisdictions) {
        Ok(route) => route,
        Err(NoRetaliationRoute::UnknownUnit) => return Err(AppError::NotFound),
        Err(NoRetaliationRoute::NobodyQualifies) => return Ok(None),
    };
    let handling = state
        .store
        .unit_by_id(&route.handling_unit.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Some(RetaliationTarget {
        handling,
        inspection: route.inspection_unit.map(|unit| unit.id.clone()),
    }))
}

/// The error for a report no unit can take, naming the field that chose the unit.
pub fn nobody_qualifies(field: &'static str) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message: NoRetaliationRoute::NobodyQualifies.message().into(),
    }
}
