//! The case page's section on what follows the case: linked cases (and, for a
//! retaliation case, the unit accused and the committee that oversees it), the
//! review of a report found false, and rewards — with the forms that act on them.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;
use khien_domain::outcomes::{
    BonusMultiple, HandlingBasis, HandlingKind, ReviewStatus, RewardDraft, RewardForm, RewardStatus,
};
use khien_store::outcomes::{LinkRelation, RetaliationSource};
use serde::Deserialize;

use super::page_error::PageError;
use khien_documents::money::dong;

use crate::case_access::OpenedCase;
use crate::language::Language;
use crate::outcomes::{
    decide_false_report, decide_reward, name_accused_unit, propose_reward, recommend_handling,
    sync_outcome_records, visible_linked_cases,
};
use crate::staff_session::{CsrfForm, Staff};
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

/// A linked case, by its number.
pub struct LinkedRow {
    pub id: String,
    pub tracking_number: String,
    pub relation: &'static str,
    pub stage: &'static str,
}

/// What the page says of a retaliation case.
pub struct RetaliationFacts {
    pub accused_unit: String,
    pub inspection_unit: Option<String>,
    pub source: &'static str,
}

/// A review of a report found false.
pub struct ReviewRow {
    pub concluded_on: String,
    pub status: &'static str,
    pub decided: Option<String>,
    pub decision_note: Option<String>,
    pub handling: Option<String>,
    pub handling_note: Option<String>,
}

/// A reward proposal.
pub struct RewardRow {
    pub id: String,
    pub beneficiary: String,
    pub form: &'static str,
    pub amounts: String,
    pub grounds: String,
    pub status: &'static str,
    pub proposed: String,
    pub decided: Option<String>,
    pub decision_note: Option<String>,
    pub reporter_answer: Option<String>,
    pub open: bool,
}

/// Everything the section shows.
pub struct OutcomesView {
    pub linked: Vec<LinkedRow>,
    pub retaliation: Option<RetaliationFacts>,
    pub can_name_accused: bool,
    pub reviews: Vec<ReviewRow>,
    /// The head may decide on deliberateness now.
    pub can_decide_review: bool,
    /// The head may recommend handling now.
    pub can_recommend_handling: bool,
    pub handling_kinds: Vec<(&'static str, &'static str)>,
    pub handling_bases: Vec<(&'static str, &'static str)>,
    pub rewards: Vec<RewardRow>,
    pub can_propose_reward: bool,
    pub can_decide_reward: bool,
    pub reward_forms: Vec<(&'static str, &'static str)>,
    pub bonus_multiples: Vec<u64>,
    pub base_salary_vnd: String,
}

/// Builds the section for a case opened by a member of its unit. Redoes any
/// follow-up of a conclusion or publication that was missed.
pub async fn outcomes_view(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    opened: &OpenedCase,
) -> Result<OutcomesView, AppError> {
    let case_id = &opened.summary.id;
    sync_outcome_records(state, &staff.actor(), &opened.summary, &opened.case_key).await?;
    let linked = visible_linked_cases(state, staff, case_id)
        .await?
        .into_iter()
        .map(|linked| LinkedRow {
            id: linked.summary.id.to_string(),
            tracking_number: linked.summary.tracking_number.to_string(),
            relation: match linked.relation {
                LinkRelation::RetaliationReport => lang.pick(
                    "Phản ánh trả thù, trù dập liên quan đến hồ sơ này",
                    "A report of retaliation about this case",
                ),
                LinkRelation::OriginalCase => lang.pick(
                    "Hồ sơ tố cáo mà phản ánh trả thù này liên quan",
                    "The case this retaliation report is about",
                ),
            },
            stage: lang.pick(
                linked.summary.stage.label_vi(),
                linked.summary.stage.label_en(),
            ),
        })
        .collect();
    let unit_name = |unit: Option<khien_store::accounts::Unit>| {
        unit.map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
            .unwrap_or_default()
    };
    let retaliation = match state.store.retaliation_link(case_id).await? {
        Some(link) => Some(RetaliationFacts {
            accused_unit: unit_name(state.store.unit_by_id(&link.accused_unit_id).await?),
            inspection_unit: match &link.inspection_unit_id {
                Some(unit) => Some(unit_name(state.store.unit_by_id(unit).await?)),
                None => None,
            },
            source: match link.source {
                RetaliationSource::Reporter => lang.pick(
                    "Người tố cáo phản ánh từ trang theo dõi",
                    "The reporter, from their follow-up page",
                ),
                RetaliationSource::Colleague => lang.pick(
                    "Đồng nghiệp, người chứng kiến (không có mã biên nhận)",
                    "A colleague or witness (without a receipt)",
                ),
            },
        }),
        None => None,
    };
    let is_head = staff.has_role(Role::Head);
    let recorder = [Role::Intake, Role::Handler, Role::Head]
        .iter()
        .any(|role| staff.has_role(*role));
    let who_when = |by: &khien_store::accounts::UserId, at| {
        format!("{} · {}", by.as_str(), format_in_vietnam(at))
    };
    let stored_reviews = state
        .store
        .false_report_reviews(case_id, Some(&opened.case_key))
        .await
        .map_err(crate::outcomes::outcome_failure)?;
    let current = stored_reviews.last().map(|review| review.review.status());
    let reviews = stored_reviews
        .iter()
        .map(|review| ReviewRow {
            concluded_on: review.concluded_on.format("%d/%m/%Y").to_string(),
            status: lang.pick(
                review.review.status().label_vi(),
                review.review.status().label_en(),
            ),
            decided: review.decided.as_ref().map(|(by, at)| who_when(by, *at)),
            decision_note: review.decision_note.clone(),
            handling: review.review.handling.map(|(kind, basis)| {
                let by = review
                    .handling_recommended
                    .as_ref()
                    .map(|(by, at)| who_when(by, *at))
                    .unwrap_or_default();
                format!(
                    "{} — {} ({by})",
                    lang.pick(kind.label_vi(), kind.label_en()),
                    lang.pick(basis.label_vi(), basis.label_en())
                )
            }),
            handling_note: review.handling_note.clone(),
        })
        .collect();
    let rewards = state
        .store
        .rewards(case_id, &opened.case_key)
        .await
        .map_err(crate::outcomes::outcome_failure)?
        .into_iter()
        .map(|reward| RewardRow {
            id: reward.id.to_string(),
            beneficiary: match &reward.beneficiary_unit {
                Some((_, code, name)) => format!("{name} ({code})"),
                None => lang
                    .pick(reward.beneficiary.label_vi(), reward.beneficiary.label_en())
                    .to_owned(),
            },
            form: lang.pick(reward.form.label_vi(), reward.form.label_en()),
            amounts: format!(
                "{}: {} · {}: {} · {}: {}",
                lang.pick("thưởng thêm", "extra bonus"),
                dong(reward.amounts.bonus_vnd),
                lang.pick("trích từ tiền thu hồi, tối đa", "recovery share, at most"),
                dong(reward.amounts.recovery_share_max_vnd),
                lang.pick("lương cơ sở", "base salary"),
                dong(reward.base_salary_vnd)
            ),
            grounds: reward.grounds,
            status: lang.pick(reward.status.label_vi(), reward.status.label_en()),
            proposed: who_when(&reward.proposed.0, reward.proposed.1),
            decided: reward.decided.as_ref().map(|(by, at)| who_when(by, *at)),
            decision_note: reward.decision_note,
            reporter_answer: reward.reporter_response.map(|(response, at)| {
                format!(
                    "{} · {}",
                    lang.pick(response.label_vi(), response.label_en()),
                    format_in_vietnam(at)
                )
            }),
            open: reward.status == RewardStatus::Proposed,
        })
        .collect();
    Ok(OutcomesView {
        linked,
        can_name_accused: retaliation.is_some() && recorder,
        retaliation,
        reviews,
        can_decide_review: is_head && current == Some(ReviewStatus::Open),
        can_recommend_handling: is_head && current == Some(ReviewStatus::Deliberate),
        handling_kinds: HandlingKind::ALL
            .iter()
            .map(|kind| (kind.as_str(), lang.pick(kind.label_vi(), kind.label_en())))
            .collect(),
        handling_bases: HandlingBasis::ALL
            .iter()
            .map(|basis| {
                (
                    basis.as_str(),
                    lang.pick(basis.label_vi(), basis.label_en()),
                )
            })
            .collect(),
        rewards,
        can_propose_reward: staff.has_role(Role::Handler) || is_head,
        can_decide_reward: is_head,
        reward_forms: RewardForm::ALL
            .iter()
            .map(|form| (form.as_str(), lang.pick(form.label_vi(), form.label_en())))
            .collect(),
        bonus_multiples: BonusMultiple::ALL.iter().map(|m| m.times()).collect(),
        base_salary_vnd: dong(state.reward_base_salary_vnd),
    })
}

/// Back to the case's section after a form.
fn back_to_case(lang: Language, case_id: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            LOCATION,
            format!("/staff/cases/{case_id}{}#outcomes", lang.query()),
        )],
    )
        .into_response()
}

/// A refused form as a page, its fields named.
fn refused(error: AppError, lang: Language) -> PageError {
    match error {
        AppError::InvalidReport(errors) => PageError::new(
            AppError::BadRequest {
                field: None,
                message: errors
                    .iter()
                    .map(|e| format!("{}: {}", e.field, lang.pick(&e.message_vi, &e.message_en)))
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            lang,
        ),
        other => PageError::new(other, lang),
    }
}

/// The accused-unit form.
#[derive(Deserialize)]
pub struct AccusedForm {
    #[serde(default)]
    unit: String,
}

/// Staff name the unit accused of retaliating; if the case moves on to that
/// unit's superior, back to the inbox (the case is no longer theirs).
pub async fn name_accused(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<AccusedForm>,
) -> Result<Response, PageError> {
    let named = name_accused_unit(&state, &staff, &id, &form.unit)
        .await
        .map_err(|error| refused(error, lang))?;
    if named.forwarded_to.is_some() {
        return Ok((
            StatusCode::SEE_OTHER,
            [(LOCATION, format!("/staff/inbox{}", lang.query()))],
        )
            .into_response());
    }
    Ok(back_to_case(lang, &id))
}

/// The deliberateness form.
#[derive(Deserialize)]
pub struct DecisionForm {
    /// `yes` or `no`.
    #[serde(default)]
    deliberate: String,
    #[serde(default)]
    note: String,
}

/// The head decides whether the false report was deliberate.
pub async fn decide_review(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<DecisionForm>,
) -> Result<Response, PageError> {
    let deliberate = match form.deliberate.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    decide_false_report(&state, &staff, &id, deliberate, &form.note)
        .await
        .map_err(|error| refused(error, lang))?;
    Ok(back_to_case(lang, &id))
}

/// The handling form.
#[derive(Deserialize)]
pub struct HandlingForm {
    #[serde(default)]
    handling: String,
    #[serde(default)]
    legal_basis: String,
    #[serde(default)]
    note: String,
}

/// The head recommends handling (only after a deliberate finding).
pub async fn recommend(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<HandlingForm>,
) -> Result<Response, PageError> {
    recommend_handling(
        &state,
        &staff,
        &id,
        &form.handling,
        &form.legal_basis,
        &form.note,
    )
    .await
    .map_err(|error| refused(error, lang))?;
    Ok(back_to_case(lang, &id))
}

/// The proposal form.
#[derive(Deserialize)]
pub struct ProposalForm {
    #[serde(default)]
    beneficiary: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    form: String,
    #[serde(default)]
    bonus_multiple: String,
    #[serde(default)]
    recovered_vnd: String,
    #[serde(default)]
    grounds: String,
}

/// A handler or the head proposes a reward.
pub async fn propose(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<ProposalForm>,
) -> Result<Response, PageError> {
    let draft = RewardDraft {
        beneficiary: form.beneficiary,
        unit: form.unit,
        form: form.form,
        bonus_multiple: form.bonus_multiple,
        recovered_vnd: form.recovered_vnd,
        grounds: form.grounds,
    };
    propose_reward(&state, &staff, &id, &draft)
        .await
        .map_err(|error| refused(error, lang))?;
    Ok(back_to_case(lang, &id))
}

/// The head's decision form.
#[derive(Deserialize)]
pub struct RewardDecisionForm {
    /// `approve` or `reject`.
    #[serde(default)]
    decision: String,
    #[serde(default)]
    note: String,
}

/// The head approves or rejects a proposal.
pub async fn decide_reward_form(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<RewardDecisionForm>,
) -> Result<Response, PageError> {
    let approve = match form.decision.as_str() {
        "approve" => Some(true),
        "reject" => Some(false),
        _ => None,
    };
    let (case_id, _) = decide_reward(&state, &staff, &id, approve, &form.note)
        .await
        .map_err(|error| refused(error, lang))?;
    Ok(back_to_case(lang, case_id.as_str()))
}
