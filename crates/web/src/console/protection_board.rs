//! `/staff/protection`: the protection officers' board — the unit's requests
//! awaiting a decision with their due dates (urgent first), the measures
//! running, and the reporters' latest check-in answers.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::protection::{CheckInAnswer, earliest_due};

use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::AppState;
use crate::language::Language;
use crate::pages::render_page;
use crate::protection::access::ProtectionLeads;
use crate::protection::unit_board::{BoardEntry, unit_board};
use crate::staff_session::WithRole;
use crate::vietnam_time::{date_in_vietnam, today_in_vietnam};

/// A request awaiting its decision.
struct AwaitingRow {
    case_id: String,
    request_id: String,
    tracking_number: String,
    requested_on: String,
    urgent: bool,
    awaits_confirmation: bool,
    bodies: String,
    due: String,
    left: String,
    overdue: bool,
}

/// Measures running.
struct RunningRow {
    case_id: String,
    request_id: String,
    tracking_number: String,
    since: String,
    implemented_by: String,
    last_answer: String,
    not_fine: bool,
    question_open: bool,
}

#[derive(Template)]
#[template(path = "console/protection_board.html")]
struct BoardPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    awaiting: Vec<AwaitingRow>,
    running: Vec<RunningRow>,
}

fn awaiting_row(lang: Language, entry: &BoardEntry, today: chrono::NaiveDate) -> AwaitingRow {
    let view = &entry.view;
    let due = earliest_due(&view.deadlines);
    let left = due.map(|due| (due - today).num_days());
    AwaitingRow {
        case_id: entry.case_id.to_string(),
        request_id: view.stored.id.clone(),
        tracking_number: entry.tracking_number.clone(),
        requested_on: view.stored.received_on.format("%d/%m/%Y").to_string(),
        urgent: view.stored.urgent,
        awaits_confirmation: view.stored.awaits_written_confirmation(),
        bodies: view
            .routed
            .iter()
            .map(|r| lang.pick(r.body.label_vi(), r.body.label_en()))
            .collect::<Vec<_>>()
            .join("; "),
        due: match (due, view.stored.urgent) {
            (Some(due), _) => due.format("%d/%m/%Y").to_string(),
            (None, true) => lang.pick("Ngay", "Immediately").to_owned(),
            (None, false) => lang.pick("Kịp thời", "Promptly").to_owned(),
        },
        left: match left {
            Some(days) if days < 0 => match lang {
                Language::Vi => format!("Quá hạn {} ngày", -days),
                Language::En => format!("Overdue by {} days", -days),
            },
            Some(days) => match lang {
                Language::Vi => format!("Còn {days} ngày"),
                Language::En => format!("{days} days left"),
            },
            None => String::new(),
        },
        overdue: left.is_some_and(|days| days < 0),
    }
}

fn running_row(lang: Language, entry: &BoardEntry) -> RunningRow {
    let view = &entry.view;
    let measures = view.decision.as_ref().and_then(|d| d.decision.measures());
    let last = view
        .check_ins
        .iter()
        .max_by_key(|c| (c.answered_at, c.period));
    RunningRow {
        case_id: entry.case_id.to_string(),
        request_id: view.stored.id.clone(),
        tracking_number: entry.tracking_number.clone(),
        since: measures
            .map(|m| m.starts_on.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        implemented_by: measures
            .map(|m| m.implemented_by.clone())
            .unwrap_or_default(),
        last_answer: last
            .map(|c| {
                format!(
                    "{} ({})",
                    lang.pick(c.answer.label_vi(), c.answer.label_en()),
                    date_in_vietnam(c.answered_at)
                )
            })
            .unwrap_or_else(|| lang.pick("Chưa trả lời", "No answer yet").to_owned()),
        not_fine: last.is_some_and(|c| c.answer != CheckInAnswer::Fine),
        question_open: view.open_check_in.is_some(),
    }
}

/// The board.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    lead: WithRole<ProtectionLeads>,
) -> Result<Response, PageError> {
    let staff = &lead.staff;
    let board = unit_board(&state, staff).await.map_err(page(lang))?;
    let today = today_in_vietnam();
    Ok(render_page(
        StatusCode::OK,
        &BoardPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            awaiting: board
                .awaiting
                .iter()
                .map(|entry| awaiting_row(lang, entry, today))
                .collect(),
            running: board
                .running
                .iter()
                .map(|entry| running_row(lang, entry))
                .collect(),
        },
    ))
}
