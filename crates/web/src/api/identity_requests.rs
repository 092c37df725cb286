//! `/api/v1/…identity…`: asking to see a reporter's identity, the custodians'
//! decisions, and opening it (LTC Art. 56). See `khien_store::disclosure` for
//! the keys: the server alone opens none of it.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khien_domain::disclosure::{CustodianReason, IdentityRequestText};
use khien_domain::intake::{FieldErrors, ReporterIdentities, ReporterIdentity};
use khien_store::disclosure::{
    CustodianDecision, CustodianQueueItem, Decision, DisclosureError, RequesterView,
};
use khien_store::intake::IdentityRequestId;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::disclosure_access::{
    ask_for_identity, case_of_own_unit, disclosure_failure, may_request, not_approved_message,
    reason_json, requester_case, require_custodian, role_json, status_json,
};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

fn invalid(errors: FieldErrors) -> AppError {
    AppError::InvalidReport(errors.iter().cloned().collect())
}

/// `POST /api/v1/cases/{id}/identity-requests` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestBody {
    #[serde(default)]
    legal_reason: String,
    #[serde(default)]
    details: String,
    #[serde(default)]
    purpose: String,
}

/// A handler, head or protection officer of the case's unit asks to see its
/// reporter; answers 201 `{"id", "expires_at"}`.
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RequestBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let summary = requester_case(&state, &staff, &id).await?;
    let text = IdentityRequestText::parse(&body.legal_reason, &body.details, &body.purpose)
        .map_err(invalid)?;
    let now = Utc::now();
    let request_id = ask_for_identity(&state, &staff, &summary, &text, now).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": request_id.as_str(),
            "expires_at": (now + state.identity_request_lifetime).to_rfc3339(),
        })),
    ))
}

/// The reporter's identity, for the staff member whose own unexpired request k
/// custodians approved; 403 with a clear message for everyone else in the
/// unit. Audited (`case.identity_read`).
pub async fn open(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let summary = case_of_own_unit(&state, &staff, &id).await?;
    let not_yet = || {
        (
            StatusCode::FORBIDDEN,
            Json(json!({ "error": not_approved_message() })),
        )
            .into_response()
    };
    // Someone who no longer holds a requester role opens nothing, even with an
    // approval given before.
    if !may_request(&staff) {
        return Ok(not_yet());
    }
    let key = staff.private_key()?;
    match state
        .store
        .open_disclosed_identity(&summary.id, &staff.user.id, &key, Utc::now())
        .await
    {
        Ok(opened) => Ok(Json(json!({
            "request_id": opened.request_id.as_str(),
            "identity": identity_json(&opened.identities),
        }))
        .into_response()),
        Err(DisclosureError::NotApproved) => Ok(not_yet()),
        Err(other) => Err(disclosure_failure(other)),
    }
}

fn person_json(person: &ReporterIdentity) -> Value {
    json!({
        "full_name": person.full_name,
        "id_number": person.id_number,
        "address": person.address,
        "phone": person.phone,
    })
}

fn identity_json(identities: &ReporterIdentities) -> Value {
    json!({
        "representative": person_json(&identities.representative),
        "co_reporters": identities.co_reporters.iter().map(person_json).collect::<Vec<_>>(),
    })
}

/// A request with its text and decisions, for its parties.
pub fn request_json(view: &RequesterView) -> Value {
    json!({
        "id": view.id.as_str(),
        "legal_reason": reason_json(view.text.legal_reason),
        "details": view.text.details,
        "purpose": view.text.purpose,
        "role": role_json(view.role),
        "status": status_json(view.status),
        "approvals": view.approvals,
        "threshold": view.threshold,
        "created_at": view.created_at.to_rfc3339(),
        "expires_at": view.expires_at.to_rfc3339(),
        "decisions": view.decisions.iter().map(|decision| json!({
            "custodian": decision.custodian.as_str(),
            "decision": decision.decision.as_str(),
            "reason": decision.reason,
            "decided_at": decision.decided_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
    })
}

fn queue_item_json(item: &CustodianQueueItem) -> Value {
    let mut body = request_json(&item.request);
    body["case_id"] = json!(item.case_id.as_str());
    body["tracking_number"] = json!(item.tracking_number.as_str());
    body["requester"] = json!(item.requester.as_str());
    body["my_decision"] = json!(item.my_decision.map(Decision::as_str));
    body["holds_share"] = json!(item.holds_share);
    body
}

/// The requests a custodian is party to, newest first, decrypted with their key.
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Json<Value>, AppError> {
    require_custodian(&staff)?;
    let key = staff.private_key()?;
    let items = state
        .store
        .identity_requests_for_custodian(&staff.user.id, &key, Utc::now())
        .await
        .map_err(disclosure_failure)?;
    Ok(Json(json!({
        "requests": items.iter().map(queue_item_json).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/identity-requests/{id}/approve|refuse` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    #[serde(default)]
    reason: String,
}

/// A custodian approves: their share goes to the requester, re-sealed.
pub async fn approve(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Json<Value>, AppError> {
    decide(&state, &staff, &id, &body.reason, Decision::Approve).await
}

/// A custodian refuses: the request is closed.
pub async fn refuse(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Json<Value>, AppError> {
    decide(&state, &staff, &id, &body.reason, Decision::Refuse).await
}

/// One custodian's decision, shared by the API and the console.
pub async fn record_decision(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    reason: &str,
    decision: Decision,
) -> Result<khien_store::disclosure::DecisionOutcome, AppError> {
    require_custodian(staff)?;
    let request_id = IdentityRequestId::parse(request_id).ok_or(AppError::NotFound)?;
    let reason = CustodianReason::parse(reason).map_err(invalid)?;
    let key = staff.private_key()?;
    state
        .store
        .decide_identity_request(CustodianDecision {
            request_id: &request_id,
            custodian: &staff.user.id,
            custodian_key: &key,
            decision,
            reason: &reason,
            now: Utc::now(),
        })
        .await
        .map_err(disclosure_failure)
}

async fn decide(
    state: &AppState,
    staff: &Staff,
    request_id: &str,
    reason: &str,
    decision: Decision,
) -> Result<Json<Value>, AppError> {
    let outcome = record_decision(state, staff, request_id, reason, decision).await?;
    Ok(Json(json!({
        "decision": decision.as_str(),
        "approvals": outcome.approvals,
        "threshold": outcome.threshold,
        "approved": outcome.approved,
    })))
}
