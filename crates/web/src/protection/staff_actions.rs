//! What staff do with protection, the same for the console and the API:
//! record a request made in person or by phone, record its written
//! confirmation, assess it, decide it, end its measures. Each checks, in
//! order: that the request (or case) is visible to the caller (404), their
//! role (403), the input (400, naming every field), then the law (409).

use chrono::Utc;
use khien_domain::intake::FieldErrors;
use khien_domain::protection::{
    DecisionDraft, ProtectionAssessment, ProtectionDecision, ProtectionEnd, RequestDraft,
    StaffRecordedRequest, written_confirmation_on,
};
use khien_store::protection::{ProtectionDecisionId, ProtectionError, StoredProtectionRequest};

use super::access::{DECIDERS, RECORDERS, open_for, protection_failure, request_case};
use crate::case_access::OpenedCase;
use crate::intake_form::intake_failure;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// Bad input, every field named.
pub fn invalid(errors: FieldErrors) -> AppError {
    AppError::InvalidReport(errors.iter().cloned().collect())
}

/// A request made in person or by phone, as typed.
pub struct SpokenRequest<'a> {
    /// The reporter's fields.
    pub draft: RequestDraft<'a>,
    /// `in_person` or `phone`.
    pub channel: &'a str,
    /// The day it was made; empty for today.
    pub received_on: &'a str,
}

/// Records a spoken request for a case; returns the case and the request's id.
pub async fn record_request(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    spoken: &SpokenRequest<'_>,
) -> Result<(OpenedCase, String), AppError> {
    let opened = open_for(state, staff, case_id, RECORDERS, "protection").await?;
    let recorded = StaffRecordedRequest::parse(
        &spoken.draft,
        spoken.channel,
        spoken.received_on,
        today_in_vietnam(),
    )
    .map_err(invalid)?;
    let id = state
        .store
        .record_staff_protection_request(
            &opened.summary.id,
            &recorded,
            &staff.user.id,
            (&opened.case_key, &state.server_secret),
            Utc::now(),
        )
        .await
        .map_err(intake_failure)?;
    Ok((opened, id))
}

/// Opens a request's case for `roles` and finds the request in it.
async fn open_request(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    roles: &[khien_domain::accounts::Role],
) -> Result<(OpenedCase, StoredProtectionRequest), AppError> {
    let case_id = request_case(state, request_id).await?;
    let opened = open_for(state, staff, &case_id, roles, "protection").await?;
    let request = state
        .store
        .protection_requests(&opened.summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .find(|stored| stored.id == request_id)
        .ok_or(AppError::NotFound)?;
    Ok((opened, request))
}

/// Records that a spoken request was confirmed in writing.
pub async fn confirm(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    confirmed_on: &str,
) -> Result<OpenedCase, AppError> {
    let (opened, request) = open_request(state, staff, request_id, RECORDERS).await?;
    let on = written_confirmation_on(confirmed_on, request.received_on, today_in_vietnam())
        .map_err(invalid)?;
    state
        .store
        .confirm_protection_request(&opened.summary.id, request_id, on, &staff.user.id)
        .await
        .map_err(protection_failure)?;
    Ok(opened)
}

/// Records the protection officer's assessment of a request.
pub async fn assess(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    assessment: ProtectionAssessment,
) -> Result<OpenedCase, AppError> {
    let (opened, _) = open_request(state, staff, request_id, DECIDERS).await?;
    state
        .store
        .assess_protection_request(&opened.summary.id, request_id, assessment, &staff.user.id)
        .await
        .map_err(protection_failure)?;
    Ok(opened)
}

/// Records the decision on a request.
pub async fn decide(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    draft: &DecisionDraft,
) -> Result<(OpenedCase, ProtectionDecisionId), AppError> {
    let (opened, request) = open_request(state, staff, request_id, DECIDERS).await?;
    let decision = ProtectionDecision::parse(draft, request.received_on, today_in_vietnam())
        .map_err(invalid)?;
    let id = state
        .store
        .decide_protection(
            &opened.summary.id,
            request_id,
            &decision,
            &opened.case_key,
            &staff.user.id,
            Utc::now(),
        )
        .await
        .map_err(protection_failure)?;
    Ok((opened, id))
}

/// The end of measures, as typed.
pub struct EndDraft<'a> {
    /// An [`khien_domain::protection::EndReason`] code.
    pub reason: &'a str,
    /// The last day covered; empty for today.
    pub ended_on: &'a str,
    /// A note.
    pub note: &'a str,
}

/// Ends the measures decided on a request; returns how many ID numbers the
/// tripwire stopped matching.
pub async fn end(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    draft: &EndDraft<'_>,
) -> Result<(OpenedCase, u64), AppError> {
    let (opened, _) = open_request(state, staff, request_id, DECIDERS).await?;
    let decision = state
        .store
        .protection_decisions(&opened.summary.id, &opened.case_key)
        .await
        .map_err(protection_failure)?
        .into_iter()
        .find(|d| d.request_id == request_id);
    let decision = match decision {
        Some(d) if d.decision.measures().is_some() && d.ended.is_some() => {
            return Err(protection_failure(ProtectionError::AlreadyEnded));
        }
        Some(d) if d.is_running() => d,
        _ => return Err(protection_failure(ProtectionError::NotRunning)),
    };
    let end = ProtectionEnd::parse(
        draft.reason,
        draft.ended_on,
        draft.note,
        decision.decision.decided_on,
        today_in_vietnam(),
    )
    .map_err(invalid)?;
    let ended = state
        .store
        .end_protection_measures(
            &opened.summary.id,
            request_id,
            &end,
            &opened.case_key,
            &staff.user.id,
            Utc::now(),
        )
        .await
        .map_err(protection_failure)?;
    Ok((opened, ended))
}
