//! `/staff/cases/{id}/protection`: a case's protection requests with the
//! bodies that decide them (LTC Art. 49), their deadlines and days left, the
//! decision and measures, the reporter's check-ins; the forms to record a
//! spoken request, its written confirmation, the assessment, the decision
//! and the end of measures; a link to the printable protection file.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::protection::{
    CompetentBody, EndReason, MeasureGroup, ProtectedInterest, ProtectedPerson, ProtectionMeasure,
};

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::language::Language;
use crate::pages::render_page;
use crate::protection::access::{DECIDERS, RECORDERS, open_for};
use crate::protection::case_protection::{RequestView, case_protection};
use crate::protection::lines::{
    DeadlineLine, Line, check_in_lines, deadline_line, decision_lines, request_lines, routing_lines,
};
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// One request on the page.
struct RequestBlock {
    id: String,
    date: String,
    received_on: String,
    urgent: bool,
    status_code: &'static str,
    lines: Vec<Line>,
    routing: Vec<Line>,
    deadlines: Vec<DeadlineLine>,
    decision: Vec<Line>,
    check_ins: Vec<String>,
    corruption_or_waste: bool,
    complex: bool,
    can_confirm: bool,
    can_decide: bool,
    can_end: bool,
}

#[derive(Template)]
#[template(path = "console/case_protection_page.html")]
struct ProtectionPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    case_id: String,
    tracking_number: String,
    today: String,
    requests: Vec<RequestBlock>,
    can_record: bool,
    can_decide: bool,
    bodies: Vec<(&'static str, &'static str)>,
    measure_groups: Vec<(&'static str, Vec<(&'static str, &'static str)>)>,
    end_reasons: Vec<(&'static str, &'static str)>,
    persons: Vec<(&'static str, &'static str)>,
    interests: Vec<(&'static str, &'static str)>,
    error: Option<String>,
}

fn block(lang: Language, view: &RequestView, recorder: bool, decider: bool) -> RequestBlock {
    let stored = &view.stored;
    RequestBlock {
        id: stored.id.clone(),
        date: stored.received_on.format("%d/%m/%Y").to_string(),
        received_on: stored.received_on.to_string(),
        urgent: stored.urgent,
        status_code: view.status_code(),
        lines: request_lines(lang, view),
        routing: routing_lines(lang, view),
        deadlines: view
            .deadlines
            .iter()
            .map(|d| deadline_line(lang, d))
            .collect(),
        decision: decision_lines(lang, view),
        check_ins: check_in_lines(lang, view),
        corruption_or_waste: stored.assessment.corruption_or_waste,
        complex: stored.assessment.complex,
        can_confirm: recorder && stored.awaits_written_confirmation(),
        can_decide: decider && view.decision.is_none(),
        can_end: decider && view.is_running(),
    }
}

/// The page, with `error` at the top when a form was refused.
pub(super) async fn protection_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    case_id: &str,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AppError> {
    let opened = open_for(
        state,
        staff,
        case_id,
        &crate::case_access::CASE_ROLES,
        "protection",
    )
    .await?;
    let today = today_in_vietnam();
    let protection = case_protection(state, &opened.summary.id, &opened.case_key, today).await?;
    let recorder = RECORDERS.iter().any(|role| staff.has_role(*role));
    let decider = DECIDERS.iter().any(|role| staff.has_role(*role));
    Ok(render_page(
        status,
        &ProtectionPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            case_id: opened.summary.id.to_string(),
            tracking_number: opened.summary.tracking_number.to_string(),
            today: today.to_string(),
            requests: protection
                .requests
                .iter()
                .map(|view| block(lang, view, recorder, decider))
                .collect(),
            can_record: recorder,
            can_decide: decider,
            bodies: CompetentBody::ALL
                .iter()
                .map(|b| (b.as_str(), lang.pick(b.label_vi(), b.label_en())))
                .collect(),
            measure_groups: MeasureGroup::ALL
                .iter()
                .map(|group| {
                    (
                        lang.pick(group.label_vi(), group.label_en()),
                        ProtectionMeasure::ALL
                            .iter()
                            .filter(|m| m.group() == *group)
                            .map(|m| (m.as_str(), lang.pick(m.label_vi(), m.label_en())))
                            .collect(),
                    )
                })
                .collect(),
            end_reasons: EndReason::ALL
                .iter()
                .map(|r| (r.as_str(), lang.pick(r.label_vi(), r.label_en())))
                .collect(),
            persons: ProtectedPerson::ALL
                .iter()
                .map(|p| (p.as_str(), lang.pick(p.label_vi(), p.label_en())))
                .collect(),
            interests: ProtectedInterest::ALL
                .iter()
                .map(|i| (i.as_str(), lang.pick(i.label_vi(), i.label_en())))
                .collect(),
            error,
        },
    ))
}

/// A case's protection.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    protection_page(&state, lang, &staff, &id, StatusCode::OK, None)
        .await
        .map_err(page(lang))
}
