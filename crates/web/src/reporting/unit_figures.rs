//! The figures of every unit in a scope, and their total.

use khien_domain::reporting::{Indicators, ReportPeriod};
use khien_store::accounts::Unit;

use super::report_access::ReportScope;
use crate::case_workflow::clock_context;
use crate::{AppError, AppState};

/// One unit's figures.
pub struct UnitFigures {
    pub unit: Unit,
    pub indicators: Indicators,
}

/// Each unit's figures, in the scope's order, and the sum over all of them.
pub async fn scope_figures(
    state: &AppState,
    scope: &ReportScope,
    period: ReportPeriod,
) -> Result<(Vec<UnitFigures>, Indicators), AppError> {
    let ids: Vec<_> = scope.units.iter().map(|u| u.id.clone()).collect();
    let rows = state
        .store
        .unit_indicators(&ids, period, &clock_context(state))
        .await
        .map_err(AppError::internal)?;
    let figures: Vec<UnitFigures> = scope
        .units
        .iter()
        .cloned()
        .zip(rows)
        .map(|(unit, row)| UnitFigures {
            unit,
            indicators: row.indicators,
        })
        .collect();
    let total = figures.iter().map(|f| f.indicators).sum();
    Ok((figures, total))
}
