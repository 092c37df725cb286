//! The reporter's rewards on their follow-up page: approved rewards for them,
//! which they accept — agreeing that their identity be disclosed for it — or
//! decline (`POST /follow-up/rewards/{id}/response`).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use khien_documents::money::dong;

use crate::form_cookie;
use crate::language::Language;
use crate::outcomes::{answer_reward, reporter_rewards};
use crate::portal::follow_up::case_page;
use crate::reporter_session::Reporter;
use crate::{AppError, AppState};

/// One approved reward, as the reporter's page shows it.
pub struct RewardRow {
    /// Its id.
    pub id: String,
    /// The form of reward.
    pub form: &'static str,
    /// The extra bonus, in words.
    pub bonus: Option<String>,
    /// The most the recovery share can be, in words.
    pub recovery_share: Option<String>,
    /// Why.
    pub grounds: String,
    /// The day it was approved.
    pub approved_on: String,
    /// The reporter's answer, in words; `None` while unanswered.
    pub answer: Option<&'static str>,
}

/// The approved rewards for the reporter, in `lang`.
pub async fn reward_rows(
    state: &AppState,
    lang: Language,
    reporter: &Reporter,
) -> Result<Vec<RewardRow>, AppError> {
    Ok(reporter_rewards(state, reporter)
        .await?
        .into_iter()
        .map(|reward| RewardRow {
            id: reward.id.to_string(),
            form: lang.pick(reward.form.label_vi(), reward.form.label_en()),
            bonus: reward.bonus.map(|bonus| {
                format!(
                    "{} {} ({})",
                    bonus.times(),
                    lang.pick("lần mức lương cơ sở", "× the base salary"),
                    dong(reward.amounts.bonus_vnd)
                )
            }),
            recovery_share: (reward.amounts.recovery_share_max_vnd > 0).then(|| {
                format!(
                    "{} {}",
                    lang.pick("tối đa", "up to"),
                    dong(reward.amounts.recovery_share_max_vnd)
                )
            }),
            grounds: reward.grounds,
            approved_on: reward
                .decided
                .map(|(_, at)| crate::vietnam_time::date_in_vietnam(at))
                .unwrap_or_default(),
            answer: reward
                .reporter_response
                .map(|(response, _)| lang.pick(response.label_vi(), response.label_en())),
        })
        .collect())
}

/// The answer form's fields.
#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    csrf_token: String,
    /// `accept` or `decline`.
    #[serde(default)]
    decision: String,
}

/// The reporter's answer to an approved reward.
pub async fn answer(
    State(state): State<AppState>,
    lang: Language,
    headers: HeaderMap,
    reporter: Reporter,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, AppError> {
    if !form_cookie::matches(&headers, &form.csrf_token) {
        let message = lang
            .pick(
                "Biểu mẫu đã hết hạn, hãy gửi lại.",
                "The form has expired; please send it again.",
            )
            .to_owned();
        return case_page(
            &state,
            lang,
            &reporter,
            StatusCode::BAD_REQUEST,
            Some(message),
        )
        .await;
    }
    let accept = match form.decision.as_str() {
        "accept" => Some(true),
        "decline" => Some(false),
        _ => None,
    };
    match answer_reward(&state, &reporter, &id, accept).await {
        Ok(_) => Ok((
            StatusCode::SEE_OTHER,
            [(LOCATION, format!("/follow-up/case{}#rewards", lang.query()))],
        )
            .into_response()),
        Err(error @ (AppError::Conflict { .. } | AppError::BadRequest { .. })) => {
            let status = error.status();
            case_page(&state, lang, &reporter, status, Some(error.to_string())).await
        }
        Err(other) => Err(other),
    }
}
