//! `/staff/retaliation-cases`: the reports of retaliation a unit handles (as the
//! accused unit's superior) or oversees (as the party inspection committee), with
//! where each stands and its next deadline.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::AppState;
use crate::language::Language;
use crate::outcomes::visible_retaliation_cases;
use crate::pages::render_page;
use crate::staff_session::Staff;

/// One retaliation case.
pub struct Row {
    id: String,
    tracking_number: String,
    received_on: String,
    stage: &'static str,
    due: String,
    accused_unit: String,
    ours: bool,
}

#[derive(Template)]
#[template(path = "console/retaliation_cases.html")]
struct RetaliationCasesPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    cases: Vec<Row>,
}

/// The list.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    let mut cases = Vec::new();
    for row in visible_retaliation_cases(&state, &staff)
        .await
        .map_err(page(lang))?
    {
        let accused_unit = state
            .store
            .unit_by_id(&row.link.accused_unit_id)
            .await
            .map_err(page(lang))?
            .map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
            .unwrap_or_default();
        cases.push(Row {
            id: row.summary.id.to_string(),
            tracking_number: row.summary.tracking_number.to_string(),
            received_on: row.summary.received_on.format("%d/%m/%Y").to_string(),
            stage: lang.pick(row.summary.stage.label_vi(), row.summary.stage.label_en()),
            due: row
                .summary
                .next_due
                .map(|(_, due)| due.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| "—".into()),
            accused_unit,
            ours: row.summary.unit_id == staff.user.unit_id,
        });
    }
    Ok(render_page(
        StatusCode::OK,
        &RetaliationCasesPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(&staff),
            cases,
        },
    ))
}
