//! Reward proposals: proposed by staff of the case's unit, decided by its head,
//! and — for the reporter — accepted or declined by them, which records their
//! consent to disclose their identity for the reward (the disclosure itself is the
//! custodians' flow, not here).

use chrono::{DateTime, Utc};
use khien_domain::outcomes::{
    Beneficiary, BonusMultiple, ReporterResponse, RewardAmounts, RewardForm, RewardProposal,
    RewardStatus,
};
use khien_vault::symmetric::{DataKey, open, seal};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::case_key_check::check_case_key;
use super::{OutcomesError, RewardId, labels};
use crate::accounts::{UnitId, UserId};
use crate::audit::{AuditRecord, REPORTER_ACTOR};
use crate::intake::CaseId;
use crate::intake::coarse_time::to_the_hour;
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// A proposal to store.
pub struct NewReward<'a> {
    /// The case it arises from.
    pub case_id: &'a CaseId,
    /// The checked proposal.
    pub proposal: &'a RewardProposal,
    /// The unit rewarded (for a unit), resolved from the proposal's code.
    pub beneficiary_unit_id: Option<&'a UnitId>,
    /// The base salary used for the amounts, in đồng.
    pub base_salary_vnd: u64,
    /// The amounts computed with it.
    pub amounts: RewardAmounts,
    /// Who proposes it.
    pub proposed_by: &'a UserId,
    /// The case key (the grounds are sealed under it).
    pub case_key: &'a DataKey,
    /// Now.
    pub now: DateTime<Utc>,
}

/// A stored proposal, its texts opened. No `Debug`: the grounds may name people.
pub struct StoredReward {
    /// Its id.
    pub id: RewardId,
    /// The case.
    pub case_id: CaseId,
    /// Who is rewarded.
    pub beneficiary: Beneficiary,
    /// The unit rewarded, with its code and name.
    pub beneficiary_unit: Option<(UnitId, String, String)>,
    /// The form.
    pub form: RewardForm,
    /// The extra bonus.
    pub bonus: Option<BonusMultiple>,
    /// Money recovered thanks to the report, in đồng.
    pub recovered_vnd: u64,
    /// The base salary the amounts were computed with, in đồng.
    pub base_salary_vnd: u64,
    /// The amounts.
    pub amounts: RewardAmounts,
    /// Why.
    pub grounds: String,
    /// Who proposed it, and when.
    pub proposed: (UserId, DateTime<Utc>),
    /// Where it stands.
    pub status: RewardStatus,
    /// Who decided, and when.
    pub decided: Option<(UserId, DateTime<Utc>)>,
    /// The head's note.
    pub decision_note: Option<String>,
    /// The reporter's answer, and when (to the hour).
    pub reporter_response: Option<(ReporterResponse, DateTime<Utc>)>,
    /// When the reporter consented to their identity being disclosed for it.
    pub identity_release_consented_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "r.id, r.case_id, r.beneficiary, r.beneficiary_unit_id, u.code AS unit_code, \
     u.name AS unit_name, r.form, r.bonus_multiple, r.recovered_vnd, r.base_salary_vnd, \
     r.bonus_vnd, r.recovery_share_max_vnd, r.grounds, r.proposed_by, r.proposed_at, r.status, \
     r.decided_by, r.decided_at, r.decision_note, r.reporter_response, r.reporter_responded_at, \
     r.identity_release_consented_at";

const FROM: &str = "reward_proposals r LEFT JOIN units u ON u.id = r.beneficiary_unit_id";

fn amount(row: &AnyRow, column: &str) -> Result<u64, StoreError> {
    u64::try_from(row.try_get::<i64, _>(column)?)
        .map_err(|_| StoreError::Corrupt(format!("reward_proposals.{column}")))
}

fn optional_time(row: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.try_get::<Option<String>, _>(column)?
        .map(|text| parse_timestamp(&text))
        .transpose()
}

fn reward_from_row(row: &AnyRow, case_key: &DataKey) -> Result<StoredReward, OutcomesError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("reward_proposals.{what}"));
    let id: String = row.try_get("id")?;
    let case_id = CaseId::from_column(row.try_get("case_id")?);
    let text = |column: &str, which: &str| -> Result<Option<String>, OutcomesError> {
        let Some(ciphertext) = row.try_get::<Option<Vec<u8>>, _>(column)? else {
            return Ok(None);
        };
        let plain = open(
            case_key,
            &ciphertext,
            &labels::reward_text(&case_id, &id, which),
        )
        .map_err(|_| OutcomesError::WrongCaseKey)?;
        Ok(Some(
            String::from_utf8(plain.to_vec()).map_err(|_| corrupt(column))?,
        ))
    };
    let beneficiary_unit = match row.try_get::<Option<String>, _>("beneficiary_unit_id")? {
        Some(unit) => Some((
            UnitId::from_column(unit),
            row.try_get::<Option<String>, _>("unit_code")?
                .unwrap_or_default(),
            row.try_get::<Option<String>, _>("unit_name")?
                .unwrap_or_default(),
        )),
        None => None,
    };
    let proposed_at: String = row.try_get("proposed_at")?;
    let decided = match (
        row.try_get::<Option<String>, _>("decided_by")?,
        optional_time(row, "decided_at")?,
    ) {
        (Some(user), Some(at)) => Some((UserId::from_column(user), at)),
        _ => None,
    };
    let reporter_response = match (
        row.try_get::<Option<String>, _>("reporter_response")?,
        optional_time(row, "reporter_responded_at")?,
    ) {
        (Some(code), Some(at)) => Some((
            ReporterResponse::parse(&code).ok_or_else(|| corrupt("reporter_response"))?,
            at,
        )),
        _ => None,
    };
    Ok(StoredReward {
        grounds: text("grounds", "grounds")?.unwrap_or_default(),
        decision_note: text("decision_note", "decision")?,
        id: RewardId::from_column(id.clone()),
        case_id: case_id.clone(),
        beneficiary: Beneficiary::parse(&row.try_get::<String, _>("beneficiary")?)
            .ok_or_else(|| corrupt("beneficiary"))?,
        beneficiary_unit,
        form: RewardForm::parse(&row.try_get::<String, _>("form")?)
            .ok_or_else(|| corrupt("form"))?,
        bonus: match row.try_get::<Option<i64>, _>("bonus_multiple")? {
            Some(times) => Some(
                u64::try_from(times)
                    .ok()
                    .and_then(BonusMultiple::from_times)
                    .ok_or_else(|| corrupt("bonus_multiple"))?,
            ),
            None => None,
        },
        recovered_vnd: amount(row, "recovered_vnd")?,
        base_salary_vnd: amount(row, "base_salary_vnd")?,
        amounts: RewardAmounts {
            bonus_vnd: amount(row, "bonus_vnd")?,
            recovery_share_max_vnd: amount(row, "recovery_share_max_vnd")?,
        },
        proposed: (
            UserId::from_column(row.try_get("proposed_by")?),
            parse_timestamp(&proposed_at)?,
        ),
        status: RewardStatus::parse(&row.try_get::<String, _>("status")?)
            .ok_or_else(|| corrupt("status"))?,
        decided,
        reporter_response,
        identity_release_consented_at: optional_time(row, "identity_release_consented_at")?,
    })
}

fn clamp(amount: u64) -> i64 {
    i64::try_from(amount).unwrap_or(i64::MAX)
}

impl Store {
    /// Stores a proposal (status `proposed`). Audited as `case.reward_proposed`
    /// (no grounds).
    pub async fn propose_reward(&self, new: NewReward<'_>) -> Result<RewardId, OutcomesError> {
        let id = RewardId::new();
        let grounds = seal(
            new.case_key,
            new.proposal.grounds.as_bytes(),
            &labels::reward_text(new.case_id, id.as_str(), "grounds"),
        );
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), new.case_id, new.case_key).await?;
        sqlx::query(
            "INSERT INTO reward_proposals (id, case_id, beneficiary, beneficiary_unit_id, form, \
             bonus_multiple, recovered_vnd, base_salary_vnd, bonus_vnd, recovery_share_max_vnd, \
             grounds, proposed_by, proposed_at, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'proposed')",
        )
        .bind(id.as_str())
        .bind(new.case_id.as_str())
        .bind(new.proposal.beneficiary.as_str())
        .bind(new.beneficiary_unit_id.map(|unit| unit.as_str().to_owned()))
        .bind(new.proposal.form.as_str())
        .bind(new.proposal.bonus.map(|bonus| clamp(bonus.times())))
        .bind(clamp(new.proposal.recovered_vnd))
        .bind(clamp(new.base_salary_vnd))
        .bind(clamp(new.amounts.bonus_vnd))
        .bind(clamp(new.amounts.recovery_share_max_vnd))
        .bind(grounds)
        .bind(new.proposed_by.as_str())
        .bind(format_timestamp(new.now))
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{}", new.proposed_by),
            action: "case.reward_proposed",
            object: &format!("case:{}", new.case_id),
            details: json!({
                "reward": id.as_str(),
                "beneficiary": new.proposal.beneficiary.as_str(),
                "beneficiary_unit": new.beneficiary_unit_id.map(UnitId::as_str),
                "form": new.proposal.form.as_str(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's proposals, oldest first, opened with the case key.
    pub async fn rewards(
        &self,
        case_id: &CaseId,
        case_key: &DataKey,
    ) -> Result<Vec<StoredReward>, OutcomesError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE r.case_id = $1 ORDER BY r.proposed_at, r.id"
        ))
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| reward_from_row(row, case_key))
        .collect()
    }

    /// The case a proposal belongs to, if the proposal exists.
    pub async fn reward_case(&self, reward: &RewardId) -> Result<Option<CaseId>, StoreError> {
        sqlx::query("SELECT case_id FROM reward_proposals WHERE id = $1")
            .bind(reward.as_str())
            .fetch_optional(self.reader())
            .await?
            .map(|row| row.try_get::<String, _>("case_id").map(CaseId::from_column))
            .transpose()
            .map_err(StoreError::from)
    }

    /// The head's decision on a proposal of this case; once. Audited as
    /// `case.reward_decided` (no note).
    #[allow(clippy::too_many_arguments)]
    pub async fn decide_reward(
        &self,
        actor: &UserId,
        case_id: &CaseId,
        reward: &RewardId,
        approve: bool,
        note: Option<&str>,
        case_key: &DataKey,
        now: DateTime<Utc>,
    ) -> Result<RewardStatus, OutcomesError> {
        let mut tx = self.begin().await?;
        check_case_key(tx.connection(), case_id, case_key).await?;
        // Takes the row's lock on PostgreSQL before reading its status.
        sqlx::query("UPDATE reward_proposals SET id = id WHERE id = $1 AND case_id = $2")
            .bind(reward.as_str())
            .bind(case_id.as_str())
            .execute(tx.connection())
            .await?;
        let status: String =
            sqlx::query("SELECT status FROM reward_proposals WHERE id = $1 AND case_id = $2")
                .bind(reward.as_str())
                .bind(case_id.as_str())
                .fetch_optional(tx.connection())
                .await?
                .ok_or(OutcomesError::NotFound)?
                .try_get("status")?;
        let status = RewardStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt("reward_proposals.status".into()))?
            .decide(approve)?;
        let sealed = note.map(|text| {
            seal(
                case_key,
                text.as_bytes(),
                &labels::reward_text(case_id, reward.as_str(), "decision"),
            )
        });
        sqlx::query(
            "UPDATE reward_proposals SET status = $1, decided_by = $2, decided_at = $3, \
             decision_note = $4 WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(actor.as_str())
        .bind(format_timestamp(now))
        .bind(sealed)
        .bind(reward.as_str())
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{actor}"),
            action: "case.reward_decided",
            object: &format!("case:{case_id}"),
            details: json!({ "reward": reward.as_str(), "status": status.as_str() }),
        })
        .await?;
        tx.commit().await?;
        Ok(status)
    }

    /// The reporter's answer to an approved reward of their case; once. Accepting
    /// records the time they consented to their identity being disclosed for it.
    /// Times to the hour; audited as `case.reward_answered` by `reporter`.
    pub async fn answer_reward(
        &self,
        case_id: &CaseId,
        reward: &RewardId,
        accept: bool,
        now: DateTime<Utc>,
    ) -> Result<ReporterResponse, OutcomesError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE reward_proposals SET id = id WHERE id = $1 AND case_id = $2")
            .bind(reward.as_str())
            .bind(case_id.as_str())
            .execute(tx.connection())
            .await?;
        let row = sqlx::query(
            "SELECT beneficiary, status, reporter_response FROM reward_proposals \
             WHERE id = $1 AND case_id = $2",
        )
        .bind(reward.as_str())
        .bind(case_id.as_str())
        .fetch_optional(tx.connection())
        .await?
        .ok_or(OutcomesError::NotFound)?;
        let corrupt = |what: &str| StoreError::Corrupt(format!("reward_proposals.{what}"));
        let status = RewardStatus::parse(&row.try_get::<String, _>("status")?)
            .ok_or_else(|| corrupt("status"))?;
        let answered = row
            .try_get::<Option<String>, _>("reporter_response")?
            .map(|code| ReporterResponse::parse(&code).ok_or_else(|| corrupt("reporter_response")))
            .transpose()?;
        let for_reporter = row.try_get::<String, _>("beneficiary")? == "reporter";
        let response = status.respond(for_reporter, answered, accept)?;
        let stamp = format_timestamp(to_the_hour(now));
        sqlx::query(
            "UPDATE reward_proposals SET reporter_response = $1, reporter_responded_at = $2, \
             identity_release_consented_at = $3 WHERE id = $4",
        )
        .bind(response.as_str())
        .bind(&stamp)
        .bind((response == ReporterResponse::Accepted).then(|| stamp.clone()))
        .bind(reward.as_str())
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: REPORTER_ACTOR,
            action: "case.reward_answered",
            object: &format!("case:{case_id}"),
            details: json!({ "reward": reward.as_str(), "response": response.as_str() }),
        })
        .await?;
        tx.commit().await?;
        Ok(response)
    }
}
