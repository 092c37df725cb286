//! A case's clock: the stage and the next due date, kept in `cases` so the inbox and
//! the reminder job read them without folding or opening anything.

use chrono::NaiveDate;
use khien_domain::case_file::{CaseState, Deadline, DeadlineKind, Stage, fold};

use super::history::stored_events;
use super::{ClockContext, StoredEvent, WorkflowError};
use crate::intake::{CaseId, CaseSummary};
use crate::{Connection, Store, StoreError};

/// What `cases` keeps of a fold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseClock {
    /// Where the case stands.
    pub stage: Stage,
    /// Whether its resolution clock is stopped.
    pub suspended: bool,
    /// The earliest open deadline that is running (not paused), if any.
    pub next_due: Option<(DeadlineKind, NaiveDate)>,
    /// The assigned handler's user id.
    pub assignee: Option<String>,
}

impl CaseClock {
    /// The clock of a folded state with its deadlines.
    pub fn of(state: &CaseState, deadlines: &[Deadline]) -> CaseClock {
        CaseClock {
            stage: state.stage,
            suspended: state.resolution.as_ref().is_some_and(|r| r.is_suspended()),
            next_due: deadlines
                .iter()
                .filter(|d| d.open && !d.paused)
                .min_by_key(|d| d.due)
                .map(|d| (d.kind, d.due)),
            assignee: state.handler.clone(),
        }
    }
}

/// Folds stored events (already in order) into a state.
pub(crate) fn fold_stored(
    case_id: &CaseId,
    events: &[StoredEvent],
    context: &ClockContext<'_>,
) -> Result<CaseState, WorkflowError> {
    let list: Vec<_> = events.iter().map(|stored| stored.event.clone()).collect();
    fold(&list, &context.fold()).map_err(|(index, rejection)| WorkflowError::CorruptHistory {
        case: case_id.to_string(),
        index,
        rejection,
    })
}

/// Writes a clock into the case row.
pub(crate) async fn write_clock(
    connection: &mut Connection,
    case_id: &CaseId,
    clock: &CaseClock,
    today: NaiveDate,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET stage = $1, suspended = $2, next_due = $3, next_due_kind = $4, \
         assignee_id = $5, clock_computed_on = $6 WHERE id = $7",
    )
    .bind(clock.stage.code())
    .bind(i64::from(clock.suspended))
    .bind(clock.next_due.map(|(_, due)| due.to_string()))
    .bind(clock.next_due.map(|(kind, _)| kind.code()))
    .bind(clock.assignee.clone())
    .bind(today.to_string())
    .bind(case_id.as_str())
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// A case folded, with its deadlines as of the context's today.
pub struct FoldedCase {
    /// Its public facts.
    pub summary: CaseSummary,
    /// Its history (redacted unless read with the key).
    pub events: Vec<StoredEvent>,
    /// The fold.
    pub state: CaseState,
    /// Every step's deadline.
    pub deadlines: Vec<Deadline>,
}

impl Store {
    /// Folds a case's redacted history: its state and deadlines, no key needed.
    pub async fn folded_case(
        &self,
        case_id: &CaseId,
        context: &ClockContext<'_>,
    ) -> Result<FoldedCase, WorkflowError> {
        let (summary, events) = self.case_history_redacted(case_id).await?;
        let state = fold_stored(case_id, &events, context)?;
        let deadlines = khien_domain::case_file::deadlines(
            &state,
            context.packs,
            context.calendar,
            context.today,
        )?;
        Ok(FoldedCase {
            summary,
            events,
            state,
            deadlines,
        })
    }

    /// Recomputes one case's clock columns.
    pub async fn refresh_case_clock(
        &self,
        case_id: &CaseId,
        context: &ClockContext<'_>,
    ) -> Result<CaseClock, WorkflowError> {
        let folded = self.folded_case(case_id, context).await?;
        let clock = CaseClock::of(&folded.state, &folded.deadlines);
        let mut tx = self.begin().await?;
        write_clock(tx.connection(), case_id, &clock, context.today).await?;
        tx.commit().await?;
        Ok(clock)
    }

    /// Computes the clock of up to `limit` cases that never had one (new cases, cases
    /// from before the workflow existed). Returns how many were done.
    pub async fn refresh_missing_clocks(
        &self,
        context: &ClockContext<'_>,
        limit: u32,
    ) -> Result<usize, WorkflowError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM cases WHERE clock_computed_on IS NULL ORDER BY received_at LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.reader())
        .await
        .map_err(StoreError::from)?;
        for id in &ids {
            self.refresh_case_clock(&CaseId::from_column(id.clone()), context)
                .await?;
        }
        Ok(ids.len())
    }
}

/// Folds the events read on `connection` (inside a write transaction).
pub(crate) async fn fold_in(
    connection: &mut Connection,
    case: &CaseSummary,
    context: &ClockContext<'_>,
) -> Result<(Vec<StoredEvent>, CaseState), WorkflowError> {
    let events = stored_events(connection, case, None).await?;
    let state = fold_stored(&case.id, &events, context)?;
    Ok((events, state))
}
