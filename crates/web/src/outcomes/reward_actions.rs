//! Rewards (LTC Art. 62; Joint Circular 01/2015/TTLT-TTCP-BNV), for the API, the
//! console and the reporter's page: handlers and the head propose, the head
//! decides, the reporter accepts (consenting to disclose their identity for it) or
//! declines.

use chrono::Utc;
use khien_domain::accounts::Role;
use khien_domain::outcomes::{
    Beneficiary, ReporterResponse, RewardDraft, RewardProposal, RewardStatus, checked_note,
    reporter_reward_allowed, reward_amounts,
};
use khien_store::intake::CaseId;
use khien_store::outcomes::{NewReward, RewardId, StoredReward};

use super::outcome_failure::outcome_failure;
use crate::case_access::{OpenedCase, open_case, visible_case};
use crate::case_workflow::{clock_context, workflow_failure};
use crate::reporter_session::Reporter;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// A case's proposals, for a member of its unit.
pub async fn rewards_of_case(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
) -> Result<(OpenedCase, Vec<StoredReward>), AppError> {
    let opened = open_case(state, staff, case_id, "rewards").await?;
    let rewards = state
        .store
        .rewards(&opened.summary.id, &opened.case_key)
        .await
        .map_err(outcome_failure)?;
    Ok((opened, rewards))
}

/// A handler or the head proposes a reward. For the reporter, only once the
/// conclusion found the denunciation correct or partly correct (LTC Art. 62).
pub async fn propose_reward(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    draft: &RewardDraft,
) -> Result<RewardId, AppError> {
    visible_case(state, staff, case_id).await?;
    if !staff.has_role(Role::Handler) && !staff.has_role(Role::Head) {
        return Err(AppError::Forbidden);
    }
    let opened = open_case(state, staff, case_id, "rewards").await?;
    let proposal = RewardProposal::parse(draft)
        .map_err(|errors| AppError::InvalidReport(errors.iter().cloned().collect()))?;
    let beneficiary_unit = match (&proposal.beneficiary, &proposal.unit) {
        (Beneficiary::Reporter, _) => {
            let folded = state
                .store
                .folded_case(&opened.summary.id, &clock_context(state))
                .await
                .map_err(workflow_failure)?;
            let finding = folded
                .state
                .resolution
                .as_ref()
                .and_then(|resolution| resolution.conclusion.as_ref())
                .map(|conclusion| conclusion.finding);
            reporter_reward_allowed(finding).map_err(|refusal| AppError::Conflict {
                field: Some("beneficiary"),
                message: refusal.message_bilingual(),
            })?;
            None
        }
        (Beneficiary::Unit, Some(code)) => Some(state.store.unit_by_code(code).await?.ok_or(
            AppError::BadRequest {
                field: Some("unit"),
                message: "không có đơn vị với mã này / no unit has this code".into(),
            },
        )?),
        (Beneficiary::Unit, None) => {
            return Err(AppError::BadRequest {
                field: Some("unit"),
                message: "nhập mã đơn vị / give the unit's code".into(),
            });
        }
    };
    let amounts = reward_amounts(
        proposal.bonus,
        proposal.recovered_vnd,
        state.reward_base_salary_vnd,
    );
    state
        .store
        .propose_reward(NewReward {
            case_id: &opened.summary.id,
            proposal: &proposal,
            beneficiary_unit_id: beneficiary_unit.as_ref().map(|unit| &unit.id),
            base_salary_vnd: state.reward_base_salary_vnd,
            amounts,
            proposed_by: &staff.user.id,
            case_key: &opened.case_key,
            now: Utc::now(),
        })
        .await
        .map_err(outcome_failure)
}

/// The head of the case's unit approves or rejects a proposal.
pub async fn decide_reward(
    state: &AppState,
    staff: &Staff,
    reward_id: &str,
    approve: Option<bool>,
    note_text: &str,
) -> Result<(CaseId, RewardStatus), AppError> {
    if !staff.has_role(Role::Head) {
        return Err(AppError::Forbidden);
    }
    let reward = RewardId::parse(reward_id).ok_or(AppError::NotFound)?;
    let case_id = state
        .store
        .reward_case(&reward)
        .await?
        .ok_or(AppError::NotFound)?;
    visible_case(state, staff, case_id.as_str()).await?;
    let opened = open_case(state, staff, case_id.as_str(), "rewards").await?;
    let approve = approve.ok_or(AppError::BadRequest {
        field: Some("approve"),
        message: "cho biết phê duyệt hay không (true/false) / say whether to approve \
                  (true/false)"
            .into(),
    })?;
    let note = checked_note(note_text)
        .map_err(|errors| AppError::InvalidReport(errors.iter().cloned().collect()))?;
    let status = state
        .store
        .decide_reward(
            &staff.user.id,
            &opened.summary.id,
            &reward,
            approve,
            note.as_deref(),
            &opened.case_key,
            Utc::now(),
        )
        .await
        .map_err(outcome_failure)?;
    Ok((case_id, status))
}

/// The rewards the reporter is told of: approved ones meant for them.
pub async fn reporter_rewards(
    state: &AppState,
    reporter: &Reporter,
) -> Result<Vec<StoredReward>, AppError> {
    Ok(state
        .store
        .rewards(&reporter.case_id, &reporter.case_key)
        .await
        .map_err(outcome_failure)?
        .into_iter()
        .filter(|reward| {
            reward.beneficiary == Beneficiary::Reporter && reward.status == RewardStatus::Approved
        })
        .collect())
}

/// The reporter accepts (consenting to the disclosure of their identity for the
/// reward) or declines an approved reward of their case.
pub async fn answer_reward(
    state: &AppState,
    reporter: &Reporter,
    reward_id: &str,
    accept: Option<bool>,
) -> Result<ReporterResponse, AppError> {
    let reward = RewardId::parse(reward_id).ok_or(AppError::NotFound)?;
    let accept = accept.ok_or(AppError::BadRequest {
        field: Some("accept"),
        message: "cho biết nhận hay từ chối (true/false) / say whether you accept (true/false)"
            .into(),
    })?;
    state
        .store
        .answer_reward(&reporter.case_id, &reward, accept, Utc::now())
        .await
        .map_err(outcome_failure)
}
