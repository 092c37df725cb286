//! Linked cases as staff see them — only those they may see at all — and staff
//! naming the unit accused of retaliating, which sends the case on to that unit's
//! superior by the normal forwarding (LTC Art. 24(2)).

use khien_domain::accounts::{Role, UnitCode};
use khien_store::accounts::Unit;
use khien_store::intake::CaseId;
use khien_store::outcomes::{LinkedCase, RetaliationCaseRow};

use super::outcome_failure::outcome_failure;
use super::retaliation_routing::{nobody_qualifies, retaliation_target};
use crate::case_access::{case_visibility, visible_case};
use crate::case_workflow::{CaseAction, perform_action};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The cases linked to `case_id` that this staff member may see (as a member or
/// as a superior or inspection committee); the others are left out unnamed.
pub async fn visible_linked_cases(
    state: &AppState,
    staff: &Staff,
    case_id: &CaseId,
) -> Result<Vec<LinkedCase>, AppError> {
    let mut visible = Vec::new();
    for linked in state.store.linked_cases(case_id).await? {
        match case_visibility(state, staff, linked.summary.id.as_str()).await {
            Ok(_) => visible.push(linked),
            Err(AppError::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(visible)
}

/// Who may list retaliation cases: anyone who works on cases (the handling
/// unit's members), and oversight (the party inspection committee).
pub fn retaliation_list_allowed(staff: &Staff) -> bool {
    crate::case_access::works_on_cases(staff) || staff.has_role(Role::Oversight)
}

/// The retaliation cases the staff member's unit handles or oversees, those
/// they may see; 403 for those who neither work on cases nor oversee.
pub async fn visible_retaliation_cases(
    state: &AppState,
    staff: &Staff,
) -> Result<Vec<RetaliationCaseRow>, AppError> {
    if !retaliation_list_allowed(staff) {
        return Err(AppError::Forbidden);
    }
    let mut visible = Vec::new();
    for row in state
        .store
        .retaliation_cases_for_unit(&staff.user.unit_id)
        .await?
    {
        if case_visibility(state, staff, row.summary.id.as_str())
            .await
            .is_ok()
        {
            visible.push(row);
        }
    }
    Ok(visible)
}

/// What naming the accused unit did.
pub struct AccusedNamed {
    /// The unit named.
    pub accused: Unit,
    /// The unit the case went on to, if it had to move.
    pub forwarded_to: Option<Unit>,
}

/// Staff of the unit holding a retaliation case name the unit accused of
/// retaliating (the reporter's case's unit was assumed). If that unit's superior
/// is not the unit holding the case, the case is forwarded there — once, and only
/// at the intake step, as any forwarding. The party inspection committee follows.
pub async fn name_accused_unit(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    unit_code: &str,
) -> Result<AccusedNamed, AppError> {
    let summary = visible_case(state, staff, case_id).await?;
    if ![Role::Intake, Role::Handler, Role::Head]
        .iter()
        .any(|role| staff.has_role(*role))
    {
        return Err(AppError::Forbidden);
    }
    let unknown = || AppError::BadRequest {
        field: Some("unit"),
        message: "không có đơn vị với mã này / no unit has this code".into(),
    };
    let code = UnitCode::parse(unit_code).map_err(|_| unknown())?;
    let accused = state.store.unit_by_code(&code).await?.ok_or_else(unknown)?;
    if state.store.retaliation_link(&summary.id).await?.is_none() {
        return Err(AppError::Conflict {
            field: None,
            message: "vụ việc này không phải phản ánh trả thù, trù dập / this case is not a \
                      report of retaliation"
                .into(),
        });
    }
    let target = retaliation_target(state, &accused.id)
        .await?
        .ok_or_else(|| nobody_qualifies("unit"))?;
    let handling = target.handling;
    let forwarded_to = if handling.id != summary.unit_id {
        perform_action(
            state,
            staff,
            case_id,
            CaseAction::Forward {
                to_unit: Some(handling.code.as_str().to_owned()),
                to_agency: None,
                decided_on: None,
            },
        )
        .await?;
        Some(handling)
    } else {
        None
    };
    state
        .store
        .name_accused_unit(
            &staff.actor(),
            &summary.id,
            &accused.id,
            target.inspection.as_ref(),
        )
        .await
        .map_err(outcome_failure)?;
    Ok(AccusedNamed {
        accused,
        forwarded_to,
    })
}
