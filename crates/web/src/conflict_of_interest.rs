//! Conflict of interest and other reports about the same person, for the case
//! assignment action and the case page.
//!
//! The check compares blind indexes (see [`crate::person_indexes`]): a staff
//! member who registered their ID number, or their name in their unit, that
//! matches an accused person of the case may not work on it. The refusal never
//! says why: saying "you are the accused" would tell a colleague who is.

use khien_domain::accounts::Role;
use khien_store::accounts::{UnitId, UserId};
use khien_store::conflict_of_interest::LinkedReport;
use khien_store::intake::CaseId;

use crate::case_access::works_on_cases;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The refusal, the same whatever the reason.
pub const CONFLICT_MESSAGE: &str = "Bạn không thể được phân công xử lý vụ việc này. / You cannot \
     be assigned to this case.";

/// `Ok` if `user_id` may be assigned to `case_id`; otherwise 409 with
/// [`CONFLICT_MESSAGE`] and no field.
pub async fn ensure_no_conflict(
    state: &AppState,
    user_id: &UserId,
    case_id: &CaseId,
) -> Result<(), AppError> {
    if state.store.conflicts_with_case(user_id, case_id).await? {
        return Err(AppError::Conflict {
            field: None,
            message: CONFLICT_MESSAGE.to_owned(),
        });
    }
    Ok(())
}

/// Other reports about a person of a case, as far as the viewer may know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedReportCounts {
    /// Those in units whose cases the viewer sees: their own unit (with a case
    /// role), and for heads and oversight officers every unit below it.
    pub visible: Vec<LinkedReport>,
    /// How many others there are elsewhere; nothing more about them.
    pub elsewhere: usize,
}

/// The other reports about a person of `case_id`, split by what `staff` may see.
/// The caller must already have checked that `staff` may see `case_id`.
pub async fn linked_report_counts(
    state: &AppState,
    staff: &Staff,
    case_id: &CaseId,
) -> Result<LinkedReportCounts, AppError> {
    let linked = state.store.linked_reports(case_id).await?;
    if linked.is_empty() {
        return Ok(LinkedReportCounts {
            visible: Vec::new(),
            elsewhere: 0,
        });
    }
    let seen = units_seen_by(state, staff).await?;
    let (visible, elsewhere): (Vec<LinkedReport>, Vec<LinkedReport>) = linked
        .into_iter()
        .partition(|report| seen.contains(&report.unit_id));
    Ok(LinkedReportCounts {
        visible,
        elsewhere: elsewhere.len(),
    })
}

/// The units whose cases `staff` sees listed (as in `case_access`).
async fn units_seen_by(state: &AppState, staff: &Staff) -> Result<Vec<UnitId>, AppError> {
    if staff.has_role(Role::Head) || staff.has_role(Role::Oversight) {
        let below = state
            .store
            .unit_and_descendants(&staff.user.unit_id)
            .await?;
        return Ok(below.into_iter().map(|unit| unit.id).collect());
    }
    Ok(if works_on_cases(staff) {
        vec![staff.user.unit_id.clone()]
    } else {
        Vec::new()
    })
}
