//! Appending an event to a case file: checked by the fold, sealed, audited, and the
//! clock columns updated, all in one transaction.

use chrono::{DateTime, Utc};
use khien_domain::accounts::UnitCode;
use khien_domain::case_file::{CaseEvent, CaseState, Deadline, apply, deadlines};
use khien_vault::case_keys::{Holder, seal_case_key_to_unit, seal_identity_key_to_intake};
use khien_vault::symmetric::{DataKey, seal};
use serde_json::json;

use super::clock::{CaseClock, fold_in, write_clock};
use super::{ClockContext, WorkflowError};
use crate::accounts::{UnitId, UnitKeyKind, UserId};
use crate::audit::AuditRecord;
use crate::intake::case_summary::summary_on;
use crate::intake::{CaseId, case_labels, destroy_intake_seals_in, read_report};
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

/// An event to record.
pub struct NewCaseEvent<'a> {
    /// The case.
    pub case_id: &'a CaseId,
    /// What happened.
    pub event: CaseEvent,
    /// Who records it.
    pub actor: &'a UserId,
    /// The case key, opened by the recording member (every event is sealed under it).
    pub case_key: &'a DataKey,
    /// The identity key, when an intake officer forwards a named report: it is
    /// sealed to the receiving unit's intake key, whose officers need it until their
    /// own acceptance decision. Without it, the receiving unit cannot see who
    /// reported until custodians disclose it.
    pub identity_key: Option<&'a DataKey>,
    /// Now.
    pub now: DateTime<Utc>,
}

/// What the case looks like after the event.
pub struct RecordedEvent {
    /// The event's place in the history.
    pub seq: i64,
    /// The fold after it.
    pub state: CaseState,
    /// Every deadline after it.
    pub deadlines: Vec<Deadline>,
    /// The unit the case is now with (changed by forwarding).
    pub unit_id: UnitId,
}

/// The receiving unit of a forwarding, with its public key.
struct Receiver {
    unit_id: UnitId,
    public_key: khien_vault::sealed_box::PublicKey,
    intake_key: Option<khien_vault::sealed_box::PublicKey>,
}

impl Store {
    /// Appends `new.event` to the case, or says which rule it would break. Forwarding
    /// moves the case to the receiving unit (its key is sealed to that unit's key, and
    /// the assignment ends); the sending unit keeps the history it recorded.
    pub async fn record_case_event(
        &self,
        new: NewCaseEvent<'_>,
        context: &ClockContext<'_>,
    ) -> Result<RecordedEvent, WorkflowError> {
        let NewCaseEvent {
            case_id,
            event,
            actor,
            case_key,
            identity_key,
            now,
        } = new;
        let receiver = match &event {
            // Outside Khiên nothing is re-sealed: the letter goes on paper.
            CaseEvent::Forwarded {
                to_unit,
                outside: None,
                ..
            } => Some(self.receiver(to_unit).await?),
            _ => None,
        };

        let mut tx = self.begin().await?;
        // Takes the case row's lock on PostgreSQL: appends to one case queue.
        let touched = sqlx::query("UPDATE cases SET stage = stage WHERE id = $1")
            .bind(case_id.as_str())
            .execute(tx.connection())
            .await
            .map_err(StoreError::from)?
            .rows_affected();
        if touched == 0 {
            return Err(WorkflowError::NotFound);
        }
        read_report(tx.connection(), case_id, case_key).await?;
        let case = summary_on(tx.connection(), case_id)
            .await?
            .ok_or(WorkflowError::NotFound)?;
        let (history, state) = fold_in(tx.connection(), &case, context).await?;
        let state = apply(state, &event, &context.fold())?;
        let seq = i64::try_from(history.len()).unwrap_or(i64::MAX);

        let mut unit_id = case.unit_id.clone();
        if let Some(receiver) = &receiver {
            if receiver.unit_id == case.unit_id {
                return Err(WorkflowError::SameUnit(receiver.unit_id.to_string()));
            }
            let sealed = seal_case_key_to_unit(
                case_id.as_str(),
                case_key,
                Holder {
                    id: receiver.unit_id.as_str(),
                    public_key: &receiver.public_key,
                },
            );
            sqlx::query(
                "INSERT INTO case_key_seals (case_id, holder_kind, holder_id, sealed, created_at) \
                 VALUES ($1, 'unit', $2, $3, $4)",
            )
            .bind(case_id.as_str())
            .bind(receiver.unit_id.as_str())
            .bind(sealed)
            .bind(format_timestamp(now))
            .execute(tx.connection())
            .await
            .map_err(StoreError::from)?;
            sqlx::query("UPDATE cases SET unit_id = $1 WHERE id = $2")
                .bind(receiver.unit_id.as_str())
                .bind(case_id.as_str())
                .execute(tx.connection())
                .await
                .map_err(StoreError::from)?;
            unit_id = receiver.unit_id.clone();
            // The sending unit's intake seal ends with the case's move.
            destroy_intake_seals_in(&mut tx, &format!("user:{actor}"), case_id, now).await?;
            if let (Some(identity_key), Some(intake_key)) = (identity_key, &receiver.intake_key) {
                let sealed = seal_identity_key_to_intake(
                    case_id.as_str(),
                    identity_key,
                    Holder {
                        id: receiver.unit_id.as_str(),
                        public_key: intake_key,
                    },
                );
                sqlx::query(
                    "INSERT INTO identity_seals (case_id, holder_kind, holder_id, share_id, \
                     sealed, created_at) VALUES ($1, 'intake', $2, NULL, $3, $4)",
                )
                .bind(case_id.as_str())
                .bind(receiver.unit_id.as_str())
                .bind(sealed)
                .bind(format_timestamp(now))
                .execute(tx.connection())
                .await
                .map_err(StoreError::from)?;
            }
        }
        if matches!(event, CaseEvent::Accepted { .. }) {
            // The acceptance decision ends the intake officers' view of the identity
            // (DESIGN §4): from now on the reporter and k custodians hold it.
            destroy_intake_seals_in(&mut tx, &format!("user:{actor}"), case_id, now).await?;
        }

        let whole = serde_json::to_string(&event)
            .map_err(|error| StoreError::Corrupt(format!("event does not serialise: {error}")))?;
        let public = serde_json::to_string(&event.redacted())
            .map_err(|error| StoreError::Corrupt(format!("event does not serialise: {error}")))?;
        let ciphertext = seal(
            case_key,
            whole.as_bytes(),
            &case_labels::event(case_id, seq),
        );
        let inserted = sqlx::query(
            "INSERT INTO case_events (case_id, seq, kind, on_date, effective_on, unit_id, \
             actor_user_id, recorded_at, public_event, ciphertext) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(case_id.as_str())
        .bind(seq)
        .bind(event.name())
        .bind(event.on().to_string())
        .bind(event.effective_on().to_string())
        .bind(case.unit_id.as_str())
        .bind(actor.as_str())
        .bind(format_timestamp(now))
        .bind(public)
        .bind(ciphertext)
        .execute(tx.connection())
        .await;
        match inserted.map_err(StoreError::from) {
            Ok(_) => {}
            Err(StoreError::Conflict { .. }) => return Err(WorkflowError::Concurrent),
            Err(other) => return Err(other.into()),
        }

        let list = deadlines(&state, context.packs, context.calendar, context.today)?;
        let mut clock = CaseClock::of(&state, &list);
        if receiver.is_some() {
            // The receiving unit assigns its own handler.
            clock.assignee = None;
        }
        write_clock(tx.connection(), case_id, &clock, context.today).await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{actor}"),
            action: &format!("case.{}", event.name()),
            object: &format!("case:{case_id}"),
            details: audit_details(&event, seq, receiver.as_ref().map(|r| &r.unit_id)),
        })
        .await?;
        tx.commit().await?;
        Ok(RecordedEvent {
            seq,
            state,
            deadlines: list,
            unit_id,
        })
    }

    /// The unit a case is forwarded to, by code, with its unit key.
    async fn receiver(&self, code: &str) -> Result<Receiver, WorkflowError> {
        let parsed =
            UnitCode::parse(code).map_err(|_| WorkflowError::UnknownUnit(code.to_owned()))?;
        let unit = self
            .unit_by_code(&parsed)
            .await?
            .ok_or_else(|| WorkflowError::UnknownUnit(code.to_owned()))?;
        let public_key = self
            .unit_public_key(&unit.id, UnitKeyKind::Unit)
            .await?
            .ok_or_else(|| WorkflowError::UnitHasNoKey(unit.code.as_str().to_owned()))?;
        let intake_key = self.unit_public_key(&unit.id, UnitKeyKind::Intake).await?;
        Ok(Receiver {
            unit_id: unit.id,
            public_key,
            intake_key,
        })
    }
}

/// What the audit chain keeps of an event: its place, its dates, the units it
/// names. Never free text.
fn audit_details(event: &CaseEvent, seq: i64, forwarded_to: Option<&UnitId>) -> serde_json::Value {
    let mut details = json!({
        "seq": seq,
        "on": event.on().to_string(),
        "effective_on": event.effective_on().to_string(),
    });
    if let Some(unit) = forwarded_to {
        details["to_unit"] = json!(unit.as_str());
    }
    // Forwarded on paper: which unit of the tree, if one (the audit keeps no free
    // text, so an outside agency's name is only in the case history).
    if let CaseEvent::Forwarded {
        to_unit,
        outside: Some(_),
        ..
    } = event
    {
        details["forwarded_outside"] = json!(true);
        if !to_unit.is_empty() {
            details["to_unit_code"] = json!(to_unit);
        }
    }
    if let CaseEvent::HandlerAssigned { handler, .. } = event {
        details["handler"] = json!(handler);
    }
    details
}
