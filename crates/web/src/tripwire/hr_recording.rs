//! Recording an HR officer's adverse decision, the same for the console and
//! the API. Whatever happens after the input is checked is the same for a
//! person who is protected and one who is not: the store does not say.

use std::time::Duration;

use chrono::Utc;
use khien_domain::intake::ReportFieldError;
use khien_domain::tripwire::{HrActionDraft, NewHrAction};
use khien_store::accounts::Unit;
use khien_store::tripwire::{HrActionId, HrActionRecord, TripwireError};

use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// Every checked decision is answered no sooner than this after it was
/// received. A match does a little more work (an alert row, its audit entry,
/// sealing the note) — measured at about half a millisecond — and an answer
/// that came back that much later would tell the HR officer what the body
/// does not. Well above the work of either path, so both take the floor.
pub const ANSWER_FLOOR: Duration = Duration::from_millis(40);

/// The units an HR officer records decisions for: their own and those below it.
pub async fn units_in_scope(state: &AppState, staff: &Staff) -> Result<Vec<Unit>, AppError> {
    Ok(state
        .store
        .unit_and_descendants(&staff.user.unit_id)
        .await?)
}

/// Checks the draft and records the decision. Bad input is
/// [`AppError::InvalidReport`] naming every bad field, and nothing is stored.
pub async fn record_hr_action(
    state: &AppState,
    staff: &Staff,
    draft: &HrActionDraft,
) -> Result<HrActionId, AppError> {
    let parsed = NewHrAction::parse(draft, today_in_vietnam());
    let mut errors: Vec<ReportFieldError> = match &parsed {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().cloned().collect(),
    };
    // The unit: a code or an id of the officer's own unit or one below it.
    let wanted = draft.unit.trim();
    let unit = units_in_scope(state, staff)
        .await?
        .into_iter()
        .find(|unit| unit.code.as_str() == wanted || unit.id.as_str() == wanted);
    if unit.is_none() && errors.iter().all(|error| error.field != "unit") {
        errors.push(ReportFieldError::new(
            "unit",
            "Không có đơn vị này trong phạm vi của bạn (đơn vị của bạn và các đơn vị trực thuộc).",
            "No such unit within your scope (your unit and the units below it).",
        ));
    }
    let (Ok(action), Some(unit), true) = (parsed, unit, errors.is_empty()) else {
        errors.sort_by_key(|error| field_order(&error.field));
        return Err(AppError::InvalidReport(errors));
    };
    let answer_at = tokio::time::Instant::now() + ANSWER_FLOOR;
    let recorded = state
        .store
        .record_hr_action(
            &state.server_secret,
            &HrActionRecord {
                id_number: &action.id_number,
                action: action.action,
                unit_id: &unit.id,
                decided_on: action.decided_on,
                note: action.note.as_deref(),
                recorded_by: &staff.user.id,
            },
            Utc::now(),
        )
        .await
        .map_err(tripwire_failure);
    tokio::time::sleep_until(answer_at).await;
    recorded
}

/// Errors in form order.
fn field_order(field: &str) -> usize {
    ["id_number", "unit", "action", "decided_on", "note"]
        .iter()
        .position(|name| *name == field)
        .unwrap_or(usize::MAX)
}

/// A tripwire failure as the user sees it.
pub fn tripwire_failure(error: TripwireError) -> AppError {
    match error {
        TripwireError::NotFound => AppError::NotFound,
        TripwireError::AlreadyReviewed => AppError::Conflict {
            field: Some("outcome"),
            message: "Cảnh báo này đã có kết quả rà soát. / This alert has already been reviewed."
                .into(),
        },
        TripwireError::KeyUnavailable => AppError::KeyPending,
        other => AppError::internal(other),
    }
}
