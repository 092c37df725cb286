//! `GET /api/v1/oversight/overdue?after=…&limit=…`

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::overdue_view::overdue_view;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// A page cursor and a page size (1–200, 50 by default).
#[derive(Deserialize)]
pub struct OverdueQuery {
    after: Option<String>,
    limit: Option<u32>,
}

/// The overdue cases of the caller's unit and the units below it.
pub async fn overdue(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<OverdueQuery>,
) -> Result<Json<Value>, AppError> {
    let view = overdue_view(
        &state,
        &staff,
        query.after.as_deref(),
        query.limit.unwrap_or(50),
    )
    .await?;
    Ok(Json(json!({
        "total": view.total,
        "units": view.units.iter().map(|unit| json!({
            "code": unit.code, "name": unit.name, "overdue": unit.overdue,
        })).collect::<Vec<_>>(),
        "cases": view.rows.iter().map(|row| json!({
            "id": row.id,
            "tracking_number": row.tracking_number,
            "unit": row.unit_code,
            "unit_name": row.unit_name,
            "step": {"vi": row.step.0, "en": row.step.1},
            "stage": {"vi": row.stage.0, "en": row.stage.1},
            "due": row.due.to_string(),
            "working_days_late": row.working_days_late,
        })).collect::<Vec<_>>(),
        "next": view.next,
    })))
}
