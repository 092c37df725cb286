//! Where a forwarding goes: a unit on Khiên receives the case (its key is re-sealed to
//! the unit); a unit of the tree that has no key yet — no staff holding it — does not
//! take cases through Khiên, so the case is forwarded outside, by letter, under the
//! unit's name, as it is for an agency outside the tree.

use khien_domain::accounts::UnitCode;
use khien_domain::case_file::CaseEvent;
use khien_store::accounts::UnitKeyKind;

use crate::{AppError, AppState};

/// The forwarding as it will be recorded: an in-Khiên forwarding to a unit without a
/// key becomes one outside Khiên, named after the unit. Other events pass unchanged.
pub async fn forward_target(state: &AppState, event: CaseEvent) -> Result<CaseEvent, AppError> {
    let CaseEvent::Forwarded {
        on,
        to_unit,
        decided_on,
        outside: None,
    } = event
    else {
        return Ok(event);
    };
    let unknown = || AppError::BadRequest {
        field: Some("to_unit"),
        message: format!("không có đơn vị mã {to_unit:?} / no unit has the code {to_unit:?}"),
    };
    let code = UnitCode::parse(&to_unit).map_err(|_| unknown())?;
    let unit = state.store.unit_by_code(&code).await?.ok_or_else(unknown)?;
    let on_khien = state
        .store
        .unit_public_key(&unit.id, UnitKeyKind::Unit)
        .await?
        .is_some();
    Ok(CaseEvent::Forwarded {
        on,
        to_unit: unit.code.as_str().to_owned(),
        decided_on,
        outside: (!on_khien).then(|| unit.name.as_str().to_owned()),
    })
}
