//! The protection file of a case (LTC Art. 55): its requests, the bodies
//! they go to and their deadlines, decisions, measures and their end, the
//! reporter's check-ins and the alerts, as JSON and as a printable page.
//! For the unit's protection officers and head; every read is audited.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use khien_store::tripwire::Alert;
use serde_json::{Value, json};

use super::access::{DECIDERS, open_for};
use super::case_protection::{CaseProtection, RequestView, case_protection};
use super::lines::{
    DeadlineLine, Line, check_in_lines, deadline_line, decision_lines, request_lines, routing_lines,
};
use super::protection_json::case_protection_json;
use crate::api::alerts::alert_json;
use crate::console::nav_links::NavLinks;
use crate::language::Language;
use crate::pages::render_page;
use crate::staff_session::Staff;
use crate::tripwire::alert_access::unit_key_if_granted;
use crate::tripwire::hr_recording::tripwire_failure;
use crate::vietnam_time::{format_in_vietnam, today_in_vietnam};
use crate::{AppError, AppState};

/// Everything in a case's protection file.
pub struct ProtectionFile {
    /// The case's id.
    pub case_id: String,
    /// Its tracking number.
    pub tracking_number: String,
    /// The unit keeping the file.
    pub unit: String,
    /// When the file was put together.
    pub generated_at: DateTime<Utc>,
    /// The requests and all about them.
    pub protection: CaseProtection,
    /// The case's alerts.
    pub alerts: Vec<Alert>,
}

/// Puts a case's file together for a protection officer or the head; the
/// read is audited as `case.read` of `protection-file`.
pub async fn protection_file(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<ProtectionFile, AppError> {
    let opened = open_for(state, staff, case_id, DECIDERS, "protection-file").await?;
    let protection = case_protection(
        state,
        &opened.summary.id,
        &opened.case_key,
        today_in_vietnam(),
    )
    .await?;
    let secret = unit_key_if_granted(state, staff).await?;
    let alerts = state
        .store
        .case_alerts(&staff.user.unit_id, &opened.summary.id, secret.as_ref())
        .await
        .map_err(tripwire_failure)?;
    let unit = state
        .store
        .unit_by_id(&opened.summary.unit_id)
        .await?
        .map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
        .unwrap_or_default();
    Ok(ProtectionFile {
        case_id: opened.summary.id.to_string(),
        tracking_number: opened.summary.tracking_number.to_string(),
        unit,
        generated_at: Utc::now(),
        protection,
        alerts,
    })
}

/// The file as JSON.
pub fn protection_file_json(file: &ProtectionFile) -> Value {
    let mut value = case_protection_json(&file.protection);
    value["case"] = json!({ "id": file.case_id, "tracking_number": file.tracking_number });
    value["unit"] = json!(file.unit);
    value["generated_at"] = json!(file.generated_at.to_rfc3339());
    value["alerts"] = json!(file.alerts.iter().map(alert_json).collect::<Vec<_>>());
    value["basis"] = json!("LTC Art. 55 (hồ sơ bảo vệ người tố cáo)");
    value
}

/// One request in the printable file.
struct FileRequest {
    heading: String,
    lines: Vec<Line>,
    routing: Vec<Line>,
    deadlines: Vec<DeadlineLine>,
    decision: Vec<Line>,
    check_ins: Vec<String>,
}

#[derive(Template)]
#[template(path = "console/protection_file.html")]
struct FilePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    tracking_number: &'a str,
    unit: &'a str,
    generated_at: String,
    requests: Vec<FileRequest>,
    alerts: Vec<String>,
}

fn file_request(lang: Language, index: usize, view: &RequestView) -> FileRequest {
    FileRequest {
        heading: format!(
            "{} {}{}",
            lang.pick("Đề nghị", "Request"),
            index + 1,
            if view.stored.urgent {
                lang.pick(" — KHẨN CẤP", " — URGENT")
            } else {
                ""
            }
        ),
        lines: request_lines(lang, view),
        routing: routing_lines(lang, view),
        deadlines: view
            .deadlines
            .iter()
            .map(|d| deadline_line(lang, d))
            .collect(),
        decision: decision_lines(lang, view),
        check_ins: check_in_lines(lang, view),
    }
}

/// The file as a printable page.
pub fn protection_file_page(file: &ProtectionFile, staff: &Staff, lang: Language) -> Response {
    render_page(
        StatusCode::OK,
        &FilePage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            tracking_number: &file.tracking_number,
            unit: &file.unit,
            generated_at: format_in_vietnam(file.generated_at),
            requests: file
                .protection
                .requests
                .iter()
                .enumerate()
                .map(|(index, view)| file_request(lang, index, view))
                .collect(),
            alerts: file
                .alerts
                .iter()
                .map(|alert| {
                    format!(
                        "{} — {}{}",
                        format_in_vietnam(alert.created_at),
                        lang.pick(alert.kind.label_vi(), alert.kind.label_en()),
                        alert
                            .acknowledged
                            .as_ref()
                            .map(|ack| format!(
                                " — {} {} {}",
                                lang.pick("đã tiếp nhận:", "acknowledged:"),
                                ack.by,
                                format_in_vietnam(ack.at)
                            ))
                            .unwrap_or_default()
                    )
                })
                .collect(),
        },
    )
}
