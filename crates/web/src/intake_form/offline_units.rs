//! The portal's unit list tells, before sending, which units do not take reports
//! through Khiên yet (nobody there holds their keys): a report for one of them is
//! received by the default intake unit, which forwards it (see
//! `route_to_a_unit_with_keys`).

use super::submission::has_keys;
use crate::language::Language;
use crate::{AppError, AppState};

/// `units` (code, label) with the offline ones marked, naming the unit that receives
/// instead. Unchanged when there is no default intake unit to name.
pub async fn mark_offline_units(
    state: &AppState,
    lang: Language,
    units: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, AppError> {
    let tree = state.store.list_units().await?;
    let Ok(default) = state.store.resolve_intake_unit(None).await else {
        return Ok(units);
    };
    let Some(receiver) = tree.iter().find(|entry| entry.unit.id == default) else {
        return Ok(units);
    };
    let receiver = receiver.unit.name.as_str();
    let mut marked = Vec::with_capacity(units.len());
    for (code, label) in units {
        let offline = match tree.iter().find(|entry| entry.unit.code.as_str() == code) {
            Some(entry) => !has_keys(state, &entry.unit.id).await?,
            None => false,
        };
        let label = if offline {
            format!(
                "{label} — {}",
                match lang {
                    Language::Vi => format!(
                        "Đơn vị này chưa tiếp nhận qua Khiên; phản ánh sẽ do {receiver} tiếp \
                         nhận và chuyển đến"
                    ),
                    Language::En => format!(
                        "this unit does not take reports through Khiên yet; {receiver} will \
                         receive the report and forward it"
                    ),
                }
            )
        } else {
            label
        };
        marked.push((code, label));
    }
    Ok(marked)
}
