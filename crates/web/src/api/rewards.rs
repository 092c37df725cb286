//! Rewards (LTC Art. 62; Joint Circular 01/2015/TTLT-TTCP-BNV, whose force is
//! UNVERIFIED): a case's proposals, proposing, the head's decision, and the
//! reporter's answer.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use khien_domain::outcomes::RewardDraft;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::outcomes::{answer_reward, decide_reward, propose_reward, reward_json, rewards_of_case};
use crate::reporter_session::Reporter;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// A case's proposals, with the base salary new ones are computed with.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (_, rewards) = rewards_of_case(&state, &staff, &id).await?;
    Ok(Json(json!({
        "rewards": rewards.iter().map(reward_json).collect::<Vec<_>>(),
        "base_salary_vnd": state.reward_base_salary_vnd,
        "base_salary_verified": false,
    })))
}

/// A number or numeric text, as text (forms send text, JSON numbers).
fn as_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        // Anything else fails the parser's check with the field's own message.
        other => other.to_string(),
    }
}

/// `POST /api/v1/cases/{id}/rewards` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalBody {
    #[serde(default)]
    beneficiary: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    form: String,
    #[serde(default)]
    bonus_multiple: Value,
    #[serde(default)]
    recovered_vnd: Value,
    #[serde(default)]
    grounds: String,
}

/// Proposes a reward: 201 `{"id"}`; 409 naming LTC Art. 62 for a reporter whose
/// denunciation was not found correct or partly correct.
pub async fn propose(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ProposalBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let draft = RewardDraft {
        beneficiary: body.beneficiary,
        unit: body.unit,
        form: body.form,
        bonus_multiple: as_text(&body.bonus_multiple),
        recovered_vnd: as_text(&body.recovered_vnd),
        grounds: body.grounds,
    };
    let reward = propose_reward(&state, &staff, &id, &draft).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": reward.as_str() }))))
}

/// `POST /api/v1/rewards/{id}/decision` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    #[serde(default)]
    approve: Value,
    #[serde(default)]
    note: Option<String>,
}

/// The head approves or rejects a proposal.
pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Json<Value>, AppError> {
    let (case_id, status) = decide_reward(
        &state,
        &staff,
        &id,
        body.approve.as_bool(),
        body.note.as_deref().unwrap_or(""),
    )
    .await?;
    Ok(Json(json!({
        "id": id,
        "case": case_id.as_str(),
        "status": status.as_str(),
    })))
}

/// `POST /api/v1/whistleblower/rewards/{id}/response` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    #[serde(default)]
    accept: Value,
}

/// The reporter accepts (consenting to disclose their identity for the reward) or
/// declines an approved reward.
pub async fn answer(
    State(state): State<AppState>,
    reporter: Reporter,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> Result<Json<Value>, AppError> {
    let response = answer_reward(&state, &reporter, &id, body.accept.as_bool()).await?;
    Ok(Json(json!({ "id": id, "response": response.as_str() })))
}
