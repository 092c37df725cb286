//! A report of retaliation made into a case of its own — a denunciation of the
//! retaliation, on the same intake pipeline as any report (its own receipt, key and
//! deadlines) — linked to the case it is about, naming who is accused (person,
//! position, unit), and sent to the accused unit's superior or the oversight body
//! whose jurisdiction covers it (super::retaliation_routing).

use chrono::Utc;
use khien_domain::accounts::UnitCode;
use khien_domain::intake::{AccusedDraft, Channel, ReportDraft, ReportFieldError, TrackingNumber};
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

/// Who is accused of retaliating, as typed in a form or the API: the person
/// (optional), their position, and the code of their unit (empty: the default the
/// caller gives). No `Debug`: it names a person.
#[derive(Clone, Default)]
pub struct AccusedOfRetaliation {
    /// The code of the unit accused.
    pub unit: String,
    /// The person's name, if known.
    pub name: String,
    /// Their position, if known.
    pub position: String,
}

/// What a retaliation case is made of.
struct RetaliationCase<'a> {
    report: &'a RetaliationReport,
    original: Option<&'a CaseSummary>,
    accused: &'a Unit,
    person: &'a AccusedOfRetaliation,
    source: RetaliationSource,
    denouncer_named: bool,
}

/// "Nguyễn Văn A, Trưởng phòng, Sở Tài chính": who is accused, as the title and
/// the content name them.
fn accused_words(case: &RetaliationCase<'_>) -> String {
    [
        case.person.name.trim(),
        case.person.position.trim(),
        case.accused.name.as_str(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The report as the new case's content: the account, who it accuses (the person
/// as an accused person, so that the blind index finds other reports about them),
/// and the case it is about. Nothing of the reporter's identity.
fn draft_of(case: &RetaliationCase<'_>, handling: &Unit) -> ReportDraft {
    let accused = accused_words(case);
    let subject: String = format!("Trả thù, trù dập người tố cáo: {accused}")
        .chars()
        .take(SUBJECT_MAX)
        .collect();
    let mut content = case.report.what_happened.clone();
    content.push_str(&format!(
        "\n\n(Người, đơn vị bị tố cáo trả thù / Accused of retaliating: {accused})"
    ));
    if let Some(original) = case.original {
        content.push_str(&format!(
            "\n(Liên quan hồ sơ {0} / Concerns case {0})",
            original.tracking_number
        ));
    }
    let accused = if case.person.name.trim().is_empty() {
        Vec::new()
    } else {
        vec![AccusedDraft {
            name: case.person.name.clone(),
            position: case.person.position.clone(),
            organisation: case.accused.name.as_str().to_owned(),
        }]
    };
    ReportDraft {
        kind: "denunciation".into(),
        unit: handling.code.as_str().to_owned(),
        subject,
        content,
        when_where: case.report.when.clone(),
        accused,
        // Retaliation is itself a ground for protection (LTC Art. 47).
        wants_protection: true,
        channel: Channel::Web,
        ..ReportDraft::default()
    }
}

/// Stores the case with its link; `None` when no unit but the accused one could
/// take it (khien_domain::outcomes::route_retaliation).
async fn open_retaliation_case(
    state: &AppState,
    case: RetaliationCase<'_>,
) -> Result<Option<Submitted>, SubmitFailure> {
    let Some(target) = retaliation_target(state, &case.accused.id).await? else {
        return Ok(None);
    };
    let link = NewRetaliationLink {
        original_case_id: case.original.map(|summary| summary.id.clone()),
        accused_unit_id: case.accused.id.clone(),
        inspection_unit_id: target.inspection,
        source: case.source,
        denouncer_named: case.denouncer_named,
    };
    let draft = draft_of(&case, &target.handling);
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

/// The unit with this code, if the code is one.
async fn unit_by_typed_code(state: &AppState, code: &str) -> Result<Option<Unit>, AppError> {
    match UnitCode::parse(code.trim()) {
        Ok(code) => Ok(state.store.unit_by_code(&code).await?),
        Err(_) => Ok(None),
    }
}

/// The error for an accused unit code that names no unit.
fn unknown_accused_unit(field: &str) -> ReportFieldError {
    ReportFieldError::new(
        field,
        "Không có đơn vị với mã này; chọn một đơn vị trong danh sách.",
        "There is no unit with this code; choose one from the list.",
    )
}

/// The error for a report no unit but the accused one could take.
fn nobody_takes_it(field: &str) -> ReportFieldError {
    ReportFieldError::new(
        field,
        "Cấp trên của đơn vị này chưa có cán bộ trên Khiên và không có Ủy ban Kiểm tra hay \
         Thanh tra nào có phạm vi giám sát bao gồm đơn vị đó; không thể gửi cho chính đơn vị \
         bị tố cáo.",
        "This unit's superior has no staff on Khiên and no party inspection committee or \
         inspectorate has a jurisdiction covering it; it cannot go to the accused unit itself.",
    )
}

fn failed(failure: SubmitFailure) -> AppError {
    match failure {
        SubmitFailure::Invalid(errors) => AppError::InvalidReport(errors),
        SubmitFailure::Failed(error) => error,
    }
}

/// A reporter's report of retaliation from their follow-up page: kept in their
/// case as before, and made into a case against the unit they name (by default the
/// unit handling their case), at that unit's superior or the oversight body whose
/// jurisdiction covers it, with a receipt of its own. Nothing is stored when the
/// unit is unknown or no unit but the accused one could take it: the error names
/// `accused_unit`. Returns the report's id in the reporter's case, and the new case.
pub async fn report_retaliation_on_case(
    state: &AppState,
    reporter: &Reporter,
    report: &RetaliationReport,
    person: &AccusedOfRetaliation,
) -> Result<(String, Option<Submitted>), AppError> {
    let original = state
        .store
        .case_summary(&reporter.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let accused = match person.unit.trim() {
        "" => state.store.unit_by_id(&original.unit_id).await?,
        code => unit_by_typed_code(state, code).await?,
    }
    .ok_or_else(|| AppError::InvalidReport(vec![unknown_accused_unit("accused_unit")]))?;
    let linked = open_retaliation_case(
        state,
        RetaliationCase {
            report,
            original: Some(&original),
            accused: &accused,
            person,
            source: RetaliationSource::Reporter,
            denouncer_named: !original.anonymous,
        },
    )
    .await
    .map_err(failed)?;
    if linked.is_none() {
        return Err(AppError::InvalidReport(vec![nobody_takes_it(
            "accused_unit",
        )]));
    }
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
    /// Who retaliated. The unit may be empty when the tracking number is given:
    /// the unit handling that case is then accused.
    pub accused: AccusedOfRetaliation,
    /// The tracking number of the case the retaliation is about, if known.
    pub original_tracking_number: String,
    /// What happened.
    pub what_happened: String,
    /// When.
    pub when: String,
}

/// A colleague's report of retaliation, without a receipt: checked field by field
/// (`what_happened`, `when`, `accused_unit`, `accused_name`, `accused_position`,
/// `original_tracking_number`), then made into a case at the accused unit's
/// superior or the oversight body covering it, anonymous (LTC Art. 25 applies).
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
    let accused = match draft.accused.unit.trim() {
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
            let unit = unit_by_typed_code(state, code).await?;
            if unit.is_none() {
                errors.push(unknown_accused_unit("accused_unit"));
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
            person: &draft.accused,
            source: RetaliationSource::Colleague,
            denouncer_named: false,
        },
    )
    .await?
    .ok_or_else(|| SubmitFailure::Invalid(vec![nobody_takes_it("accused_unit")]))
}
