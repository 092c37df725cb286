//! The jurisdiction forms on the admin's units page (`/staff/admin/units`), one per
//! oversight unit, posted to `/staff/admin/units/{code}/jurisdiction`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;
use serde::Deserialize;

use super::jurisdiction_input::{jurisdiction_failure, parse_jurisdiction, parse_unit_code};
use super::jurisdiction_words::jurisdiction_words;
use crate::console::admin_units::{UnitForm, units_page};
use crate::console::page_error::PageError;
use crate::language::Language;
use crate::staff_session::CsrfForm;
use crate::{AppError, AppState};

/// One unit offered as a subtree root, and whether it is one now.
pub struct SubtreeChoice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

/// One oversight unit's form.
pub struct JurisdictionRow {
    pub code: String,
    pub name: String,
    /// What it oversees now, in the page's language.
    pub current: String,
    pub whole_province: bool,
    pub choices: Vec<SubtreeChoice>,
}

/// A form per oversight unit, in tree order.
pub async fn jurisdiction_rows(
    state: &AppState,
    lang: Language,
) -> Result<Vec<JurisdictionRow>, AppError> {
    let units = state.store.list_units().await?;
    let mut rows = Vec::new();
    for entry in units.iter().filter(|entry| entry.unit.kind.oversees()) {
        let words = jurisdiction_words(state, &entry.unit.id).await?;
        let choices = units
            .iter()
            .map(|other| SubtreeChoice {
                code: other.unit.code.as_str().to_owned(),
                label: format!("{}{}", "— ".repeat(other.depth), other.unit.name.as_str()),
                selected: words.subtrees.iter().any(|root| root.id == other.unit.id),
            })
            .collect();
        rows.push(JurisdictionRow {
            code: entry.unit.code.as_str().to_owned(),
            name: entry.unit.name.as_str().to_owned(),
            current: lang.pick(&words.vi(), &words.en()).to_owned(),
            whole_province: words.whole_province,
            choices,
        });
    }
    Ok(rows)
}

/// `scope` ("whole_province" or "subtrees") and the `subtrees` chosen.
#[derive(Deserialize)]
pub struct JurisdictionForm {
    #[serde(default)]
    scope: String,
    #[serde(default)]
    subtrees: Vec<String>,
}

/// Sets the jurisdiction (administrators); a mistake comes back on the units page
/// naming its field.
pub async fn set(
    State(state): State<AppState>,
    lang: Language,
    Path(code): Path<String>,
    CsrfForm { staff, form }: CsrfForm<JurisdictionForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(Role::Admin) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let whole = form.scope == "whole_province";
    // A radio left on "whole province" keeps no stale subtree choices.
    let subtrees = if whole { Vec::new() } else { form.subtrees };
    let result = match (parse_unit_code(&code), parse_jurisdiction(whole, &subtrees)) {
        (Ok(unit), Ok(jurisdiction)) => state
            .store
            .set_jurisdiction(&staff.actor(), &unit, &jurisdiction)
            .await
            .map(|_| ())
            .map_err(jurisdiction_failure),
        (Err(error), _) | (_, Err(error)) => Err(error),
    };
    match result {
        Ok(()) => {
            let location = format!("/staff/admin/units{}#jurisdiction-{code}", lang.query());
            Ok((StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response())
        }
        Err(error @ AppError::BadRequest { .. }) => {
            units_page(
                &state,
                lang,
                &staff,
                error.status(),
                UnitForm::default(),
                Some(error.to_string()),
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
