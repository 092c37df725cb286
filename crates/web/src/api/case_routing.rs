//! `GET /api/v1/cases/{id}/routing`: the competent body for each accused, with
//! its legal basis; `GET /api/v1/cases/{id}/linked`: other reports about the
//! same person.

use axum::Json;
use axum::extract::{Path, Query, State};
use khien_domain::intake::Accused;
use khien_domain::routing::{
    AccusedFacts, Concerns, OrgTree, Proposal, ProposedBody, ReportFacts, Routing, Standing,
    propose,
};
use khien_store::accounts::UnitId;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::case_access::{case_visibility, open_case};
use crate::conflict_of_interest::linked_report_counts;
use crate::intake_form::intake_failure;
use crate::organisation_tree::organisation_tree;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// `?concerns=&criminal_signs=&unit=&standing=&accused=`: what an officer
/// knows beyond the report. All optional; a bad one is a 400 naming it.
#[derive(Deserialize)]
pub struct RoutingQuery {
    /// `state_duties` (default), `party_rules` or `both`.
    concerns: Option<String>,
    /// `true` when the acts show signs of a crime.
    criminal_signs: Option<String>,
    /// A unit code: the accused's unit, overriding the match.
    unit: Option<String>,
    /// `official`, `division_lead`, `deputy_head`, `head` or `agency`,
    /// overriding what the position says.
    standing: Option<String>,
    /// Only this accused (0-based); `unit` and `standing` apply to it, and
    /// need it when the report names more than one person.
    accused: Option<String>,
}

fn bad(field: &'static str, vi: &str, en: &str) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message: format!("{field}: {vi} / {en}"),
    }
}

/// The proposals for each accused of a case of the caller's unit (the report is
/// opened, so the read is audited as `routing`).
pub async fn routing(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<RoutingQuery>,
) -> Result<Json<Value>, AppError> {
    let concerns = match query.concerns.as_deref() {
        None | Some("") => Concerns::StateDuties,
        Some(text) => Concerns::parse(text).ok_or_else(|| {
            bad(
                "concerns",
                "chọn state_duties, party_rules hoặc both",
                "expected state_duties, party_rules or both",
            )
        })?,
    };
    let criminal_signs = match query.criminal_signs.as_deref() {
        None | Some("" | "false" | "0") => false,
        Some("true" | "1") => true,
        Some(_) => {
            return Err(bad(
                "criminal_signs",
                "chọn true hoặc false",
                "expected true or false",
            ));
        }
    };
    let chosen_standing = match query.standing.as_deref() {
        None | Some("") => None,
        Some(text) => Some(text.parse::<Standing>().map_err(|expected| {
            bad(
                "standing",
                "vị trí không hợp lệ",
                &format!("unknown standing; {expected}"),
            )
        })?),
    };
    let tree = organisation_tree(&state).await?;
    let chosen_unit = match query.unit.as_deref() {
        None | Some("") => None,
        Some(code) => Some(
            tree.units()
                .iter()
                .find(|unit| unit.code.as_str().eq_ignore_ascii_case(code.trim()))
                .map(|unit| unit.id.clone())
                .ok_or_else(|| bad("unit", "không có đơn vị mã này", "no unit has this code"))?,
        ),
    };
    let opened = open_case(&state, &staff, &id, "routing").await?;
    let content = state
        .store
        .report_content(&opened.summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    let report = ReportFacts {
        concerns,
        criminal_signs,
        on: today_in_vietnam(),
    };
    // A report that names nobody still gets the referrals (crime, party) and
    // the word that the unit is unknown.
    let nobody = Accused {
        name: String::new(),
        position: None,
        organisation: None,
    };
    let accused: Vec<(usize, &Accused)> = if content.accused.is_empty() {
        vec![(0, &nobody)]
    } else {
        content.accused.iter().enumerate().collect()
    };
    let selected: Vec<(usize, &Accused)> = match query.accused.as_deref() {
        None | Some("") => accused,
        Some(text) => {
            let found = text
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|index| accused.get(index).copied());
            vec![found.ok_or_else(|| {
                bad(
                    "accused",
                    "không có người bị tố cáo số này",
                    "no accused person has this number",
                )
            })?]
        }
    };
    let overriding = chosen_unit.is_some() || chosen_standing.is_some();
    if overriding && selected.len() > 1 {
        return Err(bad(
            "accused",
            "đơn nêu nhiều người: chọn người áp dụng unit và standing",
            "the report names several people: choose the one unit and standing apply to",
        ));
    }
    let mut entries = Vec::with_capacity(selected.len());
    for (index, person) in selected {
        let routing = propose(
            &tree,
            &report,
            &AccusedFacts {
                name: &person.name,
                position: person.position.as_deref(),
                organisation: person.organisation.as_deref(),
                chosen_unit: chosen_unit.clone(),
                chosen_standing,
            },
        );
        entries.push(json!({
            "index": index,
            "name": (!person.name.is_empty()).then_some(person.name.as_str()),
            "position": person.position,
            "organisation": person.organisation,
            "unit_match": routing.unit.as_ref().map(|found| json!({
                "unit": unit_json(&tree, &found.unit),
                "matched_by": found.matched_by.as_str(),
            })),
            "standing": {
                "value": routing.standing.as_str(),
                "source": routing.standing_source.as_str(),
            },
            "proposals": proposals_json(&tree, &routing),
        }));
    }
    Ok(Json(json!({
        "case": {
            "id": opened.summary.id.to_string(),
            "tracking_number": opened.summary.tracking_number.as_str(),
        },
        "on": report.on.to_string(),
        "concerns": concerns.as_str(),
        "criminal_signs": criminal_signs,
        "accused_is_head_of_handling_unit": state
            .store
            .accused_is_head_of_handling_unit(&opened.summary.id)
            .await?,
        "accused": entries,
    })))
}

fn unit_json(tree: &OrgTree<UnitId>, id: &UnitId) -> Value {
    match tree.get(id) {
        Some(unit) => json!({
            "id": unit.id.to_string(),
            "code": unit.code.as_str(),
            "name": unit.name.as_str(),
            "kind": unit.kind.as_str(),
            "head_position": unit.head_position.as_ref().map(|head| head.as_str()),
        }),
        None => Value::Null,
    }
}

fn proposals_json(tree: &OrgTree<UnitId>, routing: &Routing<UnitId>) -> Vec<Value> {
    routing
        .proposals
        .iter()
        .map(|proposal: &Proposal<UnitId>| {
            let (body, unit, kind) = match &proposal.body {
                ProposedBody::Unit(id) => (
                    "unit",
                    unit_json(tree, id),
                    tree.get(id).map(|unit| unit.kind.as_str()),
                ),
                ProposedBody::UnregisteredKind(kind) => {
                    ("unregistered_kind", Value::Null, Some(kind.as_str()))
                }
                ProposedBody::UnregisteredSuperior => ("unregistered_superior", Value::Null, None),
                ProposedBody::Unknown => ("unknown", Value::Null, None),
            };
            json!({
                "body": body,
                "unit": unit,
                "kind": kind,
                "ground": proposal.ground.as_str(),
                "basis": proposal.basis,
                "basis_vi": proposal.basis_vi,
                "reason_vi": proposal.reason_vi,
                "reason_en": proposal.reason_en,
            })
        })
        .collect()
}

/// Other reports about a person of this case: ids and tracking numbers of those
/// the caller may see, only a count of the rest. Any staff member who may see
/// the case may ask; the lookup is audited as a read (`linked_reports`).
pub async fn linked(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (summary, _) = case_visibility(&state, &staff, &id).await?;
    state
        .store
        .record_case_read(&staff.actor(), &summary.id, "linked_reports")
        .await?;
    let counts = linked_report_counts(&state, &staff, &summary.id).await?;
    Ok(Json(json!({
        "visible": counts
            .visible
            .iter()
            .map(|report| json!({
                "id": report.case_id.to_string(),
                "tracking_number": report.tracking_number.as_str(),
            }))
            .collect::<Vec<_>>(),
        "elsewhere": counts.elsewhere,
    })))
}
