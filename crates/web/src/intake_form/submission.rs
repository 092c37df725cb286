//! Submitting a report, the same for the portal, the JSON API and the intake
//! officer: check the draft, derive the receipt on the bounded pool, store
//! everything in one transaction, and only then hand out the receipt.

use crate::case_workflow::clock_context;
use crate::server_metrics;
use chrono::{NaiveDate, Utc};
use khien_domain::intake::{
    FieldErrors, Handling, NewReport, ReportDraft, ReportFieldError, TrackingNumber,
};
use khien_store::accounts::UnitKeyKind;
use khien_store::blobs::StagedBlob;
use khien_store::intake::{Author, IntakeError, PendingCase, Submission};
use khien_store::outcomes::NewRetaliationLink;
use khien_vault::case_keys::issue_receipt;
use secrecy::{ExposeSecret, SecretString};

use crate::organisation_tree::organisation_tree;
use crate::person_indexes::accused_indexes;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// A stored report: what the reporter (or the officer reading it out) is shown.
pub struct Submitted {
    /// The new case.
    pub case_id: khien_store::intake::CaseId,
    /// The receipt, grouped `1234 5678 9012 3456`. Shown once, never stored.
    pub receipt: SecretString,
    /// The public tracking number.
    pub tracking_number: TrackingNumber,
    /// The legal date of receipt.
    pub received_on: NaiveDate,
    /// Whether the chosen unit could not receive it yet, so the default intake
    /// unit did.
    pub rerouted: bool,
    /// Whether the LTC procedure applies (a named denunciation) or the report is
    /// information for inspection.
    pub handling: Handling,
}

/// Why a submission was not stored.
pub enum SubmitFailure {
    /// The reporter's mistakes, each naming its field; nothing was stored.
    Invalid(Vec<ReportFieldError>),
    /// Something failed inside; nothing was stored.
    Failed(AppError),
}

impl From<AppError> for SubmitFailure {
    fn from(error: AppError) -> Self {
        SubmitFailure::Failed(error)
    }
}

/// Whether a unit can have a report sealed to it: some member holds its keys.
pub(super) async fn has_keys(
    state: &AppState,
    unit: &khien_store::accounts::UnitId,
) -> Result<bool, AppError> {
    for kind in [UnitKeyKind::Unit, UnitKeyKind::Intake] {
        if state.store.unit_public_key(unit, kind).await?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A unit that no member holds a key for cannot have anything sealed to it yet;
/// the report then goes to the default intake unit rather than being refused.
/// Returns whether it was rerouted. When not even the default intake unit can
/// receive reports, says so before any work is done.
async fn route_to_a_unit_with_keys(
    state: &AppState,
    draft: &mut ReportDraft,
) -> Result<bool, AppError> {
    let mut rerouted = false;
    if !draft.unit.trim().is_empty()
        && let Ok(code) = khien_domain::accounts::UnitCode::parse(&draft.unit)
        && let Some(unit) = state.store.unit_by_code(&code).await?
        && !has_keys(state, &unit.id).await?
    {
        draft.unit.clear();
        rerouted = true;
    }
    if draft.unit.trim().is_empty() {
        let unit = state
            .store
            .resolve_intake_unit(None)
            .await
            .map_err(|_| AppError::NotReady)?;
        if !has_keys(state, &unit).await? {
            return Err(AppError::NotReady);
        }
    }
    Ok(rerouted)
}

/// Checks and stores a report whose files were already received into `pending`.
pub async fn submit(
    state: &AppState,
    pending: PendingCase,
    draft: ReportDraft,
    files: Vec<StagedBlob>,
    file_errors: Vec<ReportFieldError>,
    author: Author,
) -> Result<Submitted, SubmitFailure> {
    submit_linked(state, pending, draft, files, file_errors, author, None).await
}

/// [`submit`], for a retaliation report that becomes a case linked to another
/// (`link`), stored in the same transaction.
pub async fn submit_linked(
    state: &AppState,
    pending: PendingCase,
    mut draft: ReportDraft,
    files: Vec<StagedBlob>,
    file_errors: Vec<ReportFieldError>,
    author: Author,
    link: Option<NewRetaliationLink>,
) -> Result<Submitted, SubmitFailure> {
    let rerouted = route_to_a_unit_with_keys(state, &mut draft).await?;
    let parsed = NewReport::parse(&draft, today_in_vietnam());
    let report = match (parsed, file_errors.is_empty()) {
        (Ok(report), true) => report,
        (Ok(_), false) => return Err(SubmitFailure::Invalid(file_errors)),
        (Err(errors), _) => {
            let mut all: Vec<ReportFieldError> = errors.iter().cloned().collect();
            all.extend(file_errors);
            return Err(SubmitFailure::Invalid(all));
        }
    };
    // Only a person named with an organisation is indexed; most reports need
    // no look at the tree.
    let accused = &report.content().accused;
    let accused_indexes = if accused.iter().any(|person| person.organisation.is_some()) {
        let tree = organisation_tree(state).await?;
        accused_indexes(&state.server_secret, &tree, accused)
    } else {
        Vec::new()
    };
    let secret = state.server_secret.clone();
    let params = state.kdf_params;
    let issued = state
        .argon
        .run(move || issue_receipt(&secret, params))
        .await?
        .map_err(AppError::internal)?;
    let received_on = report.received_on();
    let channel = report.channel().as_str();
    // A retaliation report by the named reporter of the original case is a named
    // denunciation, though their identity stays sealed in that case.
    let handling = match &link {
        Some(link) if link.denouncer_named => Handling::FormalDenunciation,
        _ => report.handling(),
    };
    // The commit runs in its own task: a reporter who closes the browser mid-way
    // must not leave a half-finished transaction behind (the files would then be
    // swept at the next start instead of being referenced).
    let task_state = state.clone();
    let (submitted, issued) = tokio::spawn(async move {
        let submission = Submission {
            pending,
            report: &report,
            receipt: &issued,
            attachments: files,
            author,
            limits: task_state.attachment_limits,
            now: Utc::now(),
            accused_indexes,
        };
        let result = match &link {
            Some(link) => {
                task_state
                    .store
                    .submit_retaliation_case(submission, &task_state.blobs, link)
                    .await
            }
            None => {
                task_state
                    .store
                    .submit_report(submission, &task_state.blobs)
                    .await
            }
        };
        (result, issued)
    })
    .await
    .map_err(AppError::internal)?;
    let submitted = submitted.map_err(|error| match error {
        IntakeError::Invalid(errors) => SubmitFailure::Invalid(field_errors(errors)),
        other => SubmitFailure::Failed(intake_failure(other)),
    })?;
    metrics::counter!(server_metrics::REPORTS_SUBMITTED, "channel" => channel).increment(1);
    // The case is stored; its clock columns follow. If this fails, the clock job
    // computes them later, and until then the first step is derived from the receipt.
    if let Err(error) = state
        .store
        .refresh_case_clock(&submitted.case_id, &clock_context(state))
        .await
    {
        tracing::warn!(cause = %error, "the new case's clock is left to the clock job");
    }
    Ok(Submitted {
        case_id: submitted.case_id,
        rerouted,
        receipt: SecretString::from(issued.receipt.grouped().expose_secret().to_owned()),
        tracking_number: submitted.tracking_number,
        received_on,
        handling,
    })
}

fn field_errors(errors: FieldErrors) -> Vec<ReportFieldError> {
    errors.iter().cloned().collect()
}

/// Maps an intake error that is not the user's fault.
pub fn intake_failure(error: IntakeError) -> AppError {
    match error {
        IntakeError::NotFound => AppError::NotFound,
        IntakeError::Invalid(errors) => {
            let first = errors.iter().next().cloned();
            AppError::BadRequest {
                field: None,
                message: first
                    .map(|e| format!("{}: {} / {}", e.field, e.message_vi, e.message_en))
                    .unwrap_or_default(),
            }
        }
        other => AppError::internal(other),
    }
}
