//! What a recorded event sets off outside the case file: a conclusion that finds
//! the report false opens the review of whether it was deliberate; a publication
//! posts the conclusion on the public page. Both are kept idempotent and can be
//! redone from the history at any time (the case page does), so a failure after
//! the event was recorded loses nothing.

use chrono::Utc;
use khien_domain::case_file::CaseEvent;
use khien_domain::outcomes::opens_review;
use khien_store::intake::CaseSummary;
use khien_store::outcomes::NewPublication;
use khien_vault::symmetric::DataKey;

use crate::case_access::OpenedCase;
use crate::case_workflow::workflow_failure;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// After `event` was recorded on the opened case: follows it up if it is a
/// conclusion or a publication. A failure is logged, not returned: the event
/// stands, and the next view of the case page redoes the follow-up.
pub async fn follow_recorded_event(
    state: &AppState,
    staff: &Staff,
    opened: &OpenedCase,
    event: &CaseEvent,
) {
    if !matches!(
        event,
        CaseEvent::Concluded { .. } | CaseEvent::Published { .. }
    ) {
        return;
    }
    if let Err(error) =
        sync_outcome_records(state, &staff.actor(), &opened.summary, &opened.case_key).await
    {
        tracing::warn!(
            event = event.name(),
            cause = %error,
            "the follow-up of a recorded event is left to the next view of the case"
        );
    }
}

/// Makes sure every conclusion of the case that found the report false has its
/// review, and every publication its public entry. Reads the whole history with
/// the case key; writes only what is missing.
pub async fn sync_outcome_records(
    state: &AppState,
    actor: &str,
    summary: &CaseSummary,
    case_key: &DataKey,
) -> Result<(), AppError> {
    let history = state
        .store
        .case_history(&summary.id, case_key)
        .await
        .map_err(workflow_failure)?;
    let now = Utc::now();
    let mut last_conclusion = None;
    for stored in &history {
        match &stored.event {
            CaseEvent::Concluded {
                finding,
                false_report_flag,
                decided_on,
                ..
            } => {
                last_conclusion = Some(stored);
                if opens_review(*finding, *false_report_flag) {
                    state
                        .store
                        .open_false_report_review(
                            actor,
                            &summary.id,
                            stored.seq,
                            *finding,
                            *decided_on,
                            now,
                        )
                        .await?;
                }
            }
            CaseEvent::Published { from, until, .. } => {
                let Some(CaseEvent::Concluded {
                    finding,
                    measures,
                    amount_to_recover_vnd,
                    persons_to_discipline,
                    decided_on,
                    ..
                }) = last_conclusion.map(|c| &c.event)
                else {
                    continue;
                };
                state
                    .store
                    .record_publication(
                        actor,
                        &NewPublication {
                            case_id: &summary.id,
                            published_seq: stored.seq,
                            unit_id: &stored.unit_id,
                            finding: *finding,
                            measures,
                            amount_to_recover_vnd: *amount_to_recover_vnd,
                            persons_to_discipline: *persons_to_discipline,
                            concluded_on: *decided_on,
                            published_from: *from,
                            published_until: *until,
                        },
                        now,
                    )
                    .await?;
            }
            _ => {}
        }
    }
    Ok(())
}
