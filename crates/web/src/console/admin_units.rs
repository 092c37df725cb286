//! `/staff/admin/units`: the organisation tree, for administrators.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::UnitKind;
use serde::Deserialize;

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::api::account_error::into_app_error;
use crate::api::units::parse_new_unit;
use crate::language::Language;
use crate::oversight::jurisdiction_console::{JurisdictionRow, jurisdiction_rows};
use crate::pages::render_page;
use crate::staff_session::{AdminOnly, CsrfForm, Staff, WithRole};
use crate::{AppError, AppState};

/// One row of the tree.
pub struct UnitRow {
    code: String,
    name: String,
    kind: &'static str,
    head_position: String,
    depth: usize,
}

/// The add form's fields, kept as typed when the form comes back with an error.
#[derive(Default, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    head_position: String,
}

#[derive(Template)]
#[template(path = "console/admin_units.html")]
struct UnitsPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    units: Vec<UnitRow>,
    kinds: Vec<(&'static str, &'static str)>,
    form: UnitForm,
    error: Option<String>,
    jurisdictions: Vec<JurisdictionRow>,
}

/// The page, with `error` shown above the tree.
pub(crate) async fn units_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    status: StatusCode,
    form: UnitForm,
    error: Option<String>,
) -> Result<Response, PageError> {
    let units = state
        .store
        .list_units()
        .await
        .map_err(page(lang))?
        .into_iter()
        .map(|entry| UnitRow {
            code: entry.unit.code.as_str().to_owned(),
            name: entry.unit.name.as_str().to_owned(),
            kind: match lang {
                Language::Vi => entry.unit.kind.label_vi(),
                Language::En => entry.unit.kind.as_str(),
            },
            head_position: entry
                .unit
                .head_position
                .map(|position| position.as_str().to_owned())
                .unwrap_or_default(),
            depth: entry.depth,
        })
        .collect();
    let kinds = UnitKind::ALL
        .iter()
        .map(|kind| (kind.as_str(), kind.label_vi()))
        .collect();
    Ok(render_page(
        status,
        &UnitsPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            units,
            kinds,
            form,
            error,
            jurisdictions: jurisdiction_rows(state, lang).await.map_err(page(lang))?,
        },
    ))
}

/// The tree and the add form.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    admin: WithRole<AdminOnly>,
) -> Result<Response, PageError> {
    units_page(
        &state,
        lang,
        &admin.staff,
        StatusCode::OK,
        UnitForm::default(),
        None,
    )
    .await
}

/// Adds a unit; a mistake comes back on the form with the fields kept.
pub async fn add(
    State(state): State<AppState>,
    lang: Language,
    CsrfForm { staff, form }: CsrfForm<UnitForm>,
) -> Result<Response, PageError> {
    if !staff.has_role(khien_domain::accounts::Role::Admin) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let result = match parse_new_unit(
        &form.code,
        &form.name,
        &form.kind,
        Some(&form.parent),
        Some(&form.head_position),
    ) {
        Ok(new_unit) => state
            .store
            .add_unit(&staff.actor(), &new_unit)
            .await
            .map(|_| ())
            .map_err(into_app_error),
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => Ok((StatusCode::SEE_OTHER, [(LOCATION, "/staff/admin/units")]).into_response()),
        Err(error @ (AppError::BadRequest { .. } | AppError::Conflict { .. })) => {
            units_page(
                &state,
                lang,
                &staff,
                error.status(),
                form,
                Some(error.to_string()),
            )
            .await
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
