//! The reporter's side of their protection: the measures decided (what, who
//! carries them out, since when), refusals with their reasons, and the
//! "are you safe?" question while measures run. Never a staff member's name.

use chrono::Utc;
use khien_domain::protection::{CheckIn, CheckInAnswer};
use khien_store::intake::CaseId;
use khien_store::protection::AnsweredCheckIn;
use khien_vault::symmetric::DataKey;
use serde_json::{Value, json};

use super::access::protection_failure;
use super::case_protection::{CaseProtection, case_protection};
use super::protection_json::{
    reporter_measures_json, reporter_open_check_ins_json, reporter_request_status,
};
use super::staff_actions::invalid;
use crate::language::Language;
use crate::reporter_session::Reporter;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// One decision as the reporter's page shows it.
pub struct ReporterDecisionRow {
    /// The request's date.
    pub requested_on: String,
    /// Measures or refusal, and since when or when.
    pub status: String,
    /// `running`, `ended`, `refused`.
    pub class: &'static str,
    /// The measures, labelled.
    pub measures: Vec<String>,
    /// Who carries them out.
    pub implemented_by: String,
    /// A refusal's reasons.
    pub reasons: Option<String>,
    /// Why the measures ended.
    pub end_reason: Option<String>,
}

/// A question open for the reporter.
pub struct ReporterQuestion {
    /// The request whose measures it is about.
    pub request_id: String,
    /// Since when it is asked.
    pub opens_on: String,
    /// The answers (code, label).
    pub answers: Vec<(&'static str, &'static str)>,
}

/// One of the reporter's earlier answers.
pub struct ReporterAnswerRow {
    /// When (the day).
    pub date: String,
    /// The answer.
    pub answer: &'static str,
}

/// What the reporter's page shows of their protection.
#[derive(Default)]
pub struct ReporterProtection {
    /// Decisions on their requests.
    pub decisions: Vec<ReporterDecisionRow>,
    /// Questions to answer now.
    pub questions: Vec<ReporterQuestion>,
    /// Their earlier answers.
    pub answers: Vec<ReporterAnswerRow>,
}

/// The reporter's protection, labelled in `lang`.
pub async fn reporter_protection(
    state: &AppState,
    lang: Language,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<ReporterProtection, AppError> {
    let protection = case_protection(state, case_id, case_key, today_in_vietnam()).await?;
    let mut view = ReporterProtection::default();
    for request in &protection.requests {
        let requested_on = request.stored.received_on.format("%d/%m/%Y").to_string();
        if let Some(decision) = &request.decision {
            let measures = decision.decision.measures();
            view.decisions.push(ReporterDecisionRow {
                requested_on: requested_on.clone(),
                status: request.status(lang),
                class: request.status_code(),
                measures: measures
                    .map(|m| {
                        m.measures
                            .iter()
                            .map(|measure| {
                                lang.pick(measure.label_vi(), measure.label_en()).to_owned()
                            })
                            .chain(m.other.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                implemented_by: measures
                    .map(|m| m.implemented_by.clone())
                    .unwrap_or_default(),
                reasons: reporter_request_status(request).1,
                end_reason: decision.ended.as_ref().map(|end| {
                    lang.pick(end.reason.label_vi(), end.reason.label_en())
                        .to_owned()
                }),
            });
        }
        if let Some(period) = request.open_check_in {
            view.questions.push(ReporterQuestion {
                request_id: request.stored.id.clone(),
                opens_on: period.opens_on.format("%d/%m/%Y").to_string(),
                answers: CheckInAnswer::ALL
                    .iter()
                    .map(|a| (a.as_str(), lang.pick(a.label_vi(), a.label_en())))
                    .collect(),
            });
        }
        for check_in in &request.check_ins {
            view.answers.push(ReporterAnswerRow {
                date: crate::vietnam_time::date_in_vietnam(check_in.answered_at),
                answer: lang.pick(check_in.answer.label_vi(), check_in.answer.label_en()),
            });
        }
    }
    Ok(view)
}

/// Adds the reporter's protection to their case's JSON: `protection_measures`,
/// `open_check_ins`, and each request's current `status` (with a refusal's
/// `refusal_reasons`).
pub async fn add_reporter_protection_json(
    state: &AppState,
    body: &mut Value,
    case_id: &CaseId,
    case_key: &DataKey,
) -> Result<(), AppError> {
    let protection = case_protection(state, case_id, case_key, today_in_vietnam()).await?;
    body["protection_measures"] = reporter_measures_json(&protection);
    body["open_check_ins"] = reporter_open_check_ins_json(&protection);
    if let Some(requests) = body["protection_requests"].as_array_mut() {
        for request in requests {
            let Some(view) = request["id"].as_str().and_then(|id| protection.request(id)) else {
                continue;
            };
            let (status, reasons) = reporter_request_status(view);
            request["status"] = status;
            request["refusal_reasons"] = json!(reasons);
        }
    }
    Ok(())
}

/// Records the reporter's answer to the question open about a request's
/// measures. Bad input is 400 naming the field; no open question is 409.
pub async fn answer_check_in(
    state: &AppState,
    reporter: &Reporter,
    request_id: &str,
    answer: &str,
    note: &str,
) -> Result<AnsweredCheckIn, AppError> {
    let check_in = CheckIn::parse(answer, note).map_err(invalid)?;
    let protection: CaseProtection = case_protection(
        state,
        &reporter.case_id,
        &reporter.case_key,
        today_in_vietnam(),
    )
    .await?;
    let Some(view) = protection.request(request_id) else {
        return Err(AppError::BadRequest {
            field: Some("request"),
            message: "Không có đề nghị bảo vệ này. / No such protection request.".into(),
        });
    };
    let Some(period) = view.open_check_in else {
        return Err(AppError::Conflict {
            field: Some("request"),
            message: "Hiện không có câu hỏi nào cần trả lời. / There is no question to answer now."
                .into(),
        });
    };
    state
        .store
        .answer_check_in(
            &reporter.case_id,
            request_id,
            period.index,
            &check_in,
            &reporter.case_key,
            Utc::now(),
        )
        .await
        .map_err(protection_failure)
}
