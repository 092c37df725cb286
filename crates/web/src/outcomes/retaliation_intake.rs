//! A report of retaliation made into a case of its own — a denunciation of the
//! retaliation, on the same intake pipeline as any report (its own receipt, key and
//! deadlines) — linked to the case it is about and sent to the accused unit's
//! superior.

use chrono::Utc;
use khien_domain::accounts::UnitCode;
use khien_domain::intake::{Channel, ReportDraft, ReportFieldError, TrackingNumber};
use khien_domain::protection::RetaliationReport;
use khien_store::accounts::Unit;
use khien_store::intake::{Author, CaseSummary, PendingCase};
use khien_store::outcomes::{NewRetaliationLink, RetaliationSource};

use super::retaliation_routing::retaliation_target;
use crate::intake_form::{SubmitFailure, Submitted, intake_failure, submit_linked};
use crate::reporter_session::Reporter;
use crate::{AppError, AppState};

/// The longest subject of a report (khien_domain::intake limits).
const SUBJECT_MAX: usize = 300;

/// What a retaliation case is made of.
struct RetaliationCase<'a> {
    report: &'a RetaliationReport,
    original: Option<&'a CaseSummary>,
    accused: &'a Unit,
    source: RetaliationSource,
    denouncer_named: bool,
    last_resort: bool,
}

/// The report as the new case's content: the account, the unit it accuses, and
/// the case it is about. Nothing of the reporter's identity.
fn draft_of(case: &RetaliationCase<'_>, handling: &Unit) -> ReportDraft {
    let subject: String = format!(
        "Trả thù, trù dập người tố cáo: {}",
        case.accused.name.as_str()
    )
    .chars()
    .take(SUBJECT_MAX)
    .collect();
    let mut content = case.report.what_happened.clone();
    if let Some(original) = case.original {
        content.push_str(&format!(
            "\n\n(Liên quan hồ sơ {0} / Concerns case {0})",
            original.tracking_number
        ));
    }
    ReportDraft {
        kind: "denunciation".into(),
        unit: handling.code.as_str().to_owned(),
        subject,
        content,
        when_where: case.report.when.clone(),
        // Retaliation is itself a ground for protection (LTC Art. 47).
        wants_protection: true,
        channel: Channel::Web,
        ..ReportDraft::default()
    }
}

/// Stores the case with its link; `None` when the tree offers no unit but the
/// accused one and `last_resort` is off.
async fn open_retaliation_case(
    state: &AppState,
    case: RetaliationCase<'_>,
) -> Result<Option<Submitted>, SubmitFailure> {
    let target = retaliation_target(state, &case.accused.id, case.last_resort).await?;
    let Some(handling) = target.handling else {
        return Ok(None);
    };
    let link = NewRetaliationLink {
        original_case_id: case.original.map(|summary| summary.id.clone()),
        accused_unit_id: case.accused.id.clone(),
        inspection_unit_id: target.inspection,
        source: case.source,
        denouncer_named: case.denouncer_named,
    };
    let draft = draft_of(&case, &handling);
    submit_linked(
        state,
        PendingCase::new(),
        draft,
        Vec::new(),
        Vec::new(),
        Author::Reporter,
        Some(link),
    )
    .await
    .map(Some)
}

fn failed(failure: SubmitFailure) -> AppError {
    match failure {
        SubmitFailure::Invalid(errors) => AppError::InvalidReport(errors),
        SubmitFailure::Failed(error) => error,
    }
}

/// A reporter's report of retaliation from their follow-up page: kept in their
/// case as before, and made into a case at the superior of the unit handling it,
/// with a receipt of its own. `None` when that unit has no superior in Khiên and no
/// other unit can take it: the report then stays in the reporter's case only.
/// Returns the report's id in the reporter's case, and the new case.
pub async fn report_retaliation_on_case(
    state: &AppState,
    reporter: &Reporter,
    report: &RetaliationReport,
) -> Result<(String, Option<Submitted>), AppError> {
    let original = state
        .store
        .case_summary(&reporter.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let accused = state
        .store
        .unit_by_id(&original.unit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let linked = open_retaliation_case(
        state,
        RetaliationCase {
            report,
            original: Some(&original),
            accused: &accused,
            source: RetaliationSource::Reporter,
            denouncer_named: !original.anonymous,
            last_resort: false,
        },
    )
    .await
    .map_err(failed)?;
    let id = state
        .store
        .add_retaliation_report(&reporter.case_id, report, &reporter.case_key, Utc::now())
        .await
        .map_err(intake_failure)?;
    Ok((id, linked))
}

/// A colleague's report of retaliation, as typed in the public form or the API.
/// No `Debug`: it holds what they wrote.
#[derive(Clone, Default)]
pub struct ColleagueDraft {
    /// The code of the unit accused of retaliating (may be empty when the
    /// tracking number is given: the unit handling that case is then accused).
    pub accused_unit: String,
    /// The tracking number of the case the retaliation is about, if known.
    pub original_tracking_number: String,
    /// What happened.
    pub what_happened: String,
    /// When.
    pub when: String,
}

/// A colleague's report of retaliation, without a receipt: checked field by field
/// (`what_happened`, `when`, `accused_unit`, `original_tracking_number`), then made
/// into a case at the accused unit's superior, anonymous (LTC Art. 25 applies).
pub async fn report_retaliation_as_colleague(
    state: &AppState,
    draft: &ColleagueDraft,
) -> Result<Submitted, SubmitFailure> {
    let mut errors: Vec<ReportFieldError> = Vec::new();
    let report = RetaliationReport::parse(&draft.what_happened, &draft.when)
        .map_err(|refused| errors.extend(refused.iter().cloned()))
        .ok();
    let original = match draft.original_tracking_number.trim() {
        "" => None,
        text => match TrackingNumber::parse(text) {
            Some(number) => {
                let found = state.store.case_by_tracking_number(&number).await;
                match found.map_err(AppError::from)? {
                    Some(case) => Some(case),
                    None => {
                        errors.push(ReportFieldError::new(
                            "original_tracking_number",
                            "Không có hồ sơ nào mang số theo dõi này.",
                            "No case has this tracking number.",
                        ));
                        None
                    }
                }
            }
            None => {
                errors.push(ReportFieldError::new(
                    "original_tracking_number",
                    "Số theo dõi có dạng KH-2026-XXXXXXXX (in trên giấy biên nhận).",
                    "A tracking number looks like KH-2026-XXXXXXXX (it is on the receipt).",
                ));
                None
            }
        },
    };
    let accused = match draft.accused_unit.trim() {
        "" => match &original {
            Some(case) => state
                .store
                .unit_by_id(&case.unit_id)
                .await
                .map_err(AppError::from)?,
            None => {
                if draft.original_tracking_number.trim().is_empty() {
                    errors.push(ReportFieldError::new(
                        "accused_unit",
                        "Chọn đơn vị có hành vi trả thù, trù dập (hoặc nhập số theo dõi của hồ sơ tố cáo).",
                        "Choose the unit that retaliated (or give the tracking number of the denunciation).",
                    ));
                }
                None
            }
        },
        code => {
            let unit = match UnitCode::parse(code) {
                Ok(code) => state
                    .store
                    .unit_by_code(&code)
                    .await
                    .map_err(AppError::from)?,
                Err(_) => None,
            };
            if unit.is_none() {
                errors.push(ReportFieldError::new(
                    "accused_unit",
                    "Không có đơn vị với mã này; chọn một đơn vị trong danh sách.",
                    "There is no unit with this code; choose one from the list.",
                ));
            }
            unit
        }
    };
    let (Some(report), Some(accused), true) = (report, accused, errors.is_empty()) else {
        return Err(SubmitFailure::Invalid(errors));
    };
    open_retaliation_case(
        state,
        RetaliationCase {
            report: &report,
            original: original.as_ref(),
            accused: &accused,
            source: RetaliationSource::Colleague,
            denouncer_named: false,
            last_resort: true,
        },
    )
    .await?
    .ok_or(SubmitFailure::Failed(AppError::NotReady))
}
