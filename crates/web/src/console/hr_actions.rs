//! `/staff/hr-actions`: an HR officer records adverse decisions for the
//! retaliation tripwire. The page after recording is the same whether or not
//! the person is protected; the officer's list shows only what they recorded.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;
use khien_domain::tripwire::{HrActionDraft, HrActionKind};
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::{CsrfForm, Staff, WithRole};
use crate::tripwire::hr_recording::{record_hr_action, units_in_scope};
use crate::tripwire::roles::HrOnly;
use crate::{AppError, AppState};

/// The officer's recent records shown under the form.
const RECENT: u32 = 20;

/// One decision the officer recorded.
pub struct RecordedRow {
    decided_on: String,
    action: &'static str,
    unit: String,
    recorded_at: String,
}

/// The form's fields, kept when it comes back with an error — except the ID
/// number, which is never written back into a page.
#[derive(Default, Deserialize)]
pub struct HrActionForm {
    #[serde(default)]
    id_number: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    decided_on: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "console/hr_actions.html")]
struct HrActionsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    units: Vec<(String, String)>,
    actions: Vec<(&'static str, &'static str)>,
    form: HrActionForm,
    today: String,
    recorded: bool,
    errors: Vec<String>,
    recent: Vec<RecordedRow>,
}

async fn hr_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    form: HrActionForm,
    recorded: bool,
    errors: Vec<String>,
) -> Result<Response, PageError> {
    let units = units_in_scope(state, staff)
        .await
        .map_err(page(lang))?
        .into_iter()
        .map(|unit| {
            (
                unit.code.as_str().to_owned(),
                format!("{} ({})", unit.name.as_str(), unit.code.as_str()),
            )
        })
        .collect();
    let recent = state
        .store
        .hr_actions_recorded_by(&staff.user.id, RECENT)
        .await
        .map_err(page(lang))?
        .into_iter()
        .map(|row| RecordedRow {
            decided_on: row.decided_on.format("%d/%m/%Y").to_string(),
            action: lang.pick(row.action.label_vi(), row.action.label_en()),
            unit: format!("{} ({})", row.unit_name, row.unit_code),
            recorded_at: crate::vietnam_time::format_in_vietnam(row.recorded_at),
        })
        .collect();
    let actions = HrActionKind::ALL
        .iter()
        .map(|kind| (kind.as_str(), lang.pick(kind.label_vi(), kind.label_en())))
        .collect();
    Ok(render_page(
        status,
        &HrActionsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            units,
            actions,
            form: HrActionForm {
                id_number: String::new(),
                ..form
            },
            today: crate::vietnam_time::today_in_vietnam()
                .format("%Y-%m-%d")
                .to_string(),
            recorded,
            errors,
            recent,
        },
    ))
}

/// `?recorded=1` after a decision was recorded.
#[derive(Deserialize)]
pub struct ShownQuery {
    recorded: Option<String>,
}

/// The form, and what the officer recorded lately.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    hr: WithRole<HrOnly>,
    Query(query): Query<ShownQuery>,
) -> Result<Response, PageError> {
    hr_page(
        &state,
        lang,
        &hr.staff,
        StatusCode::OK,
        HrActionForm::default(),
        query.recorded.is_some(),
        Vec::new(),
    )
    .await
}

/// Records a decision and sends the officer back to the form; a mistake
/// comes back on the form, naming the fields.
pub async fn submit(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<HrActionForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(Role::Hr) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let draft = HrActionDraft {
        id_number: form.id_number.clone(),
        unit: form.unit.clone(),
        action: form.action.clone(),
        decided_on: form.decided_on.clone(),
        note: form.note.clone(),
    };
    match record_hr_action(&state, &staff, &draft).await {
        Ok(_) => {
            let location = match lang {
                Language::Vi => "/staff/hr-actions?recorded=1",
                Language::En => "/staff/hr-actions?recorded=1&lang=en",
            };
            Ok((StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response())
        }
        Err(AppError::InvalidReport(errors)) => {
            let messages = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, lang.pick(&e.message_vi, &e.message_en)))
                .collect();
            hr_page(
                &state,
                lang,
                &staff,
                StatusCode::BAD_REQUEST,
                form,
                false,
                messages,
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
