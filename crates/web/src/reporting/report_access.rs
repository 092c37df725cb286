//! Who sees which units' reports: a head or an oversight member, their oversight
//! scope — their own unit, every unit below it, and their unit's jurisdiction
//! (`Store::oversight_scope`); nobody anything outside it.

use khien_domain::accounts::{Role, UnitCode};
use khien_store::accounts::Unit;

use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The units a report covers: `units[0]` is the unit asked for (the viewer's own by
/// default, which issues the consolidated report), the rest those it oversees.
pub struct ReportScope {
    pub units: Vec<Unit>,
}

impl ReportScope {
    /// The unit the report is about (the top of the subtree).
    pub fn top(&self) -> &Unit {
        &self.units[0]
    }
}

/// Whether the staff member may read reports at all.
pub fn reads_reports(staff: &Staff) -> bool {
    staff.has_role(Role::Head) || staff.has_role(Role::Oversight)
}

/// The units the staff member's report view covers: their oversight scope, or the
/// subtree of `unit` (a code) inside it. 403 for a unit outside it, named or not.
pub async fn report_scope(
    state: &AppState,
    staff: &Staff,
    unit: Option<&str>,
) -> Result<ReportScope, AppError> {
    if !reads_reports(staff) {
        return Err(AppError::Forbidden);
    }
    let mine = state.store.oversight_scope(&staff.user.unit_id).await?;
    let top_id = match unit.map(str::trim).filter(|code| !code.is_empty()) {
        None => staff.user.unit_id.clone(),
        Some(code) => {
            let code = UnitCode::parse(code).map_err(|_| AppError::BadRequest {
                field: Some("unit"),
                message: "mã đơn vị không hợp lệ / the unit code is not valid".into(),
            })?;
            mine.iter()
                .find(|u| u.code == code)
                .map(|u| u.id.clone())
                .ok_or(AppError::Forbidden)?
        }
    };
    // A subtree of a unit in the scope lies wholly inside it: the scope is a union
    // of subtrees.
    let mut units = if top_id == staff.user.unit_id {
        mine
    } else {
        state.store.unit_and_descendants(&top_id).await?
    };
    // The top first, then the others by code.
    let Some(at) = units.iter().position(|u| u.id == top_id) else {
        return Err(AppError::NotFound);
    };
    let top = units.remove(at);
    units.insert(0, top);
    Ok(ReportScope { units })
}
