//! The overdue list as both the API and the console show it.

use std::collections::HashMap;

use khien_store::accounts::UnitId;
use khien_store::workflow::OverdueCursor;

use crate::reporting::reads_reports;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// A unit of the scope with overdue cases.
pub struct UnitCount {
    pub code: String,
    pub name: String,
    pub overdue: i64,
}

/// One overdue case: which, where, which step, since when. No content.
pub struct OverdueRow {
    pub id: String,
    pub tracking_number: String,
    pub unit_code: String,
    pub unit_name: String,
    pub step: (&'static str, &'static str),
    pub stage: (&'static str, &'static str),
    pub due: chrono::NaiveDate,
    /// Working days since the due date.
    pub working_days_late: u32,
}

/// The counts and one page of the list.
pub struct OverdueView {
    pub total: i64,
    pub units: Vec<UnitCount>,
    pub rows: Vec<OverdueRow>,
    pub next: Option<String>,
}

/// The overdue cases of the staff member's oversight scope (their subtree and their
/// unit's jurisdiction): heads and oversight only (403 for others); a bad `after`
/// is a 400 naming it.
pub async fn overdue_view(
    state: &AppState,
    staff: &Staff,
    after: Option<&str>,
    limit: u32,
) -> Result<OverdueView, AppError> {
    if !reads_reports(staff) {
        return Err(AppError::Forbidden);
    }
    let cursor = match after.filter(|token| !token.is_empty()) {
        Some(token) => Some(
            OverdueCursor::from_token(token).ok_or(AppError::BadRequest {
                field: Some("after"),
                message: "con trỏ trang không hợp lệ / invalid page cursor".into(),
            })?,
        ),
        None => None,
    };
    let today = today_in_vietnam();
    let top = &staff.user.unit_id;
    let names: HashMap<UnitId, (String, String)> = state
        .store
        .oversight_scope(top)
        .await?
        .into_iter()
        .map(|unit| {
            (
                unit.id,
                (unit.code.as_str().to_owned(), unit.name.as_str().to_owned()),
            )
        })
        .collect();
    let named = |id: &UnitId| names.get(id).cloned().unwrap_or_default();
    let mut units: Vec<UnitCount> = state
        .store
        .overdue_counts_below(top, today)
        .await?
        .into_iter()
        .map(|(id, overdue)| {
            let (code, name) = named(&id);
            UnitCount {
                code,
                name,
                overdue,
            }
        })
        .collect();
    // The units with most overdue cases first.
    units.sort_by(|a, b| b.overdue.cmp(&a.overdue).then_with(|| a.code.cmp(&b.code)));
    let page = state
        .store
        .overdue_below(top, today, cursor.as_ref(), limit)
        .await?;
    let rows = page
        .cases
        .iter()
        .filter_map(|case| {
            let (kind, due) = case.next_due?;
            let (unit_code, unit_name) = named(&case.unit_id);
            Some(OverdueRow {
                id: case.id.to_string(),
                tracking_number: case.tracking_number.as_str().to_owned(),
                unit_code,
                unit_name,
                step: (kind.label_vi(), kind.label_en()),
                stage: (case.stage.label_vi(), case.stage.label_en()),
                due,
                working_days_late: state.calendar.working_days_between(due, today).unwrap_or(0),
            })
        })
        .collect();
    Ok(OverdueView {
        total: units.iter().map(|unit| unit.overdue).sum(),
        units,
        rows,
        next: page.next.map(|cursor| cursor.to_token()),
    })
}
