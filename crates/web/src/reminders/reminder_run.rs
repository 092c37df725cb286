//! One run of the reminder job. Besides deadlines, every run raises again
//! each emergency protection alarm nobody has acknowledged yet.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::accounts::Role;
use khien_store::StoreError;
use khien_store::accounts::UserId;
use khien_store::workflow::{DueCase, DueNotification, NotificationKind};

use super::ReminderSettings;
use crate::AppState;
use crate::case_workflow::clock_context;

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRun {
    /// Case clocks computed for the first time.
    pub clocks: usize,
    /// New notifications left.
    pub notifications: usize,
    /// Emergency alarms raised again (one per person and alarm): urgent
    /// protection requests nobody has acknowledged.
    pub alarms: usize,
}

/// Leaves the notifications due on `today`. Safe to run any number of times: a
/// notification already left is not left again.
pub async fn run_reminders(
    state: &AppState,
    settings: &ReminderSettings,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ReminderRun, StoreError> {
    let mut context = clock_context(state);
    context.today = today;
    let clocks = state
        .store
        .refresh_missing_clocks(&context, 1000)
        .await
        .map_err(|error| StoreError::Corrupt(error.to_string()))?;
    let mut points = settings.points_working_days.clone();
    points.sort_unstable();
    let widest = points.last().copied().unwrap_or(0);
    let horizon = state
        .calendar
        .add_working_days(today, widest)
        .unwrap_or(today);
    let mut run = ReminderRun {
        clocks,
        notifications: 0,
        alarms: state.store.reraise_emergency_alarms(now).await?,
    };
    for case in state.store.cases_due_by(horizon).await? {
        for (user, kind, point) in recipients(state, &case, &points, today).await? {
            let new = state
                .store
                .leave_notification(DueNotification {
                    user_id: &user,
                    case: &case,
                    kind,
                    point: &point,
                    now,
                })
                .await?;
            run.notifications += usize::from(new);
        }
    }
    Ok(run)
}

/// Who is told what about one case today.
async fn recipients(
    state: &AppState,
    case: &DueCase,
    points: &[u32],
    today: NaiveDate,
) -> Result<Vec<(UserId, NotificationKind, String)>, StoreError> {
    let heads = state
        .store
        .unit_members_with_role(&case.unit_id, Role::Head)
        .await?;
    let mut handlers: Vec<UserId> = case.assignee.iter().cloned().collect();
    if handlers.is_empty() {
        // Nobody is assigned: the unit's head answers for the step, or else its
        // intake officers, who received it.
        handlers = heads.clone();
        if handlers.is_empty() {
            handlers = state
                .store
                .unit_members_with_role(&case.unit_id, Role::Intake)
                .await?;
        }
    }
    let mut out = Vec::new();
    if case.due < today {
        for user in handlers.iter().chain(heads.iter()) {
            if !out.iter().any(|(u, _, _): &(UserId, _, _)| u == user) {
                out.push((
                    user.clone(),
                    NotificationKind::Overdue,
                    "overdue".to_owned(),
                ));
            }
        }
        let parent = state
            .store
            .unit_by_id(&case.unit_id)
            .await?
            .and_then(|unit| unit.parent_id);
        if let Some(parent) = parent {
            for user in state
                .store
                .unit_members_with_role(&parent, Role::Head)
                .await?
            {
                out.push((user, NotificationKind::Escalation, "superior".to_owned()));
            }
        }
        return Ok(out);
    }
    let left = state
        .calendar
        .working_days_between(today, case.due)
        .unwrap_or(0);
    // The tightest point reached: a job that missed a day still reminds once.
    if let Some(point) = points.iter().find(|point| left <= **point) {
        for user in handlers {
            out.push((user, NotificationKind::Reminder, format!("{point}wd")));
        }
    }
    Ok(out)
}
