//! Carrying out a case action for a staff member: who may, the fold's verdict, and
//! what the reporter and the unit see afterwards.

use khien_domain::accounts::Role;
use khien_domain::case_file::CaseEvent;
use khien_domain::rules::RulePacks;
use khien_store::accounts::{UnitKeyKind, UserId};
use khien_store::workflow::{ClockContext, NewCaseEvent, RecordedEvent, WorkflowError};
use khien_vault::symmetric::DataKey;

use super::action::CaseAction;
use super::forward_target::forward_target;
use crate::case_access::{OpenedCase, open_case, unit_secret, visible_case};
use crate::conflict_of_interest::ensure_no_conflict;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// Roles that record decisions and steps on a case. Protection officers act on
/// protection, not on the resolution.
const RECORDING_ROLES: [Role; 3] = [Role::Intake, Role::Handler, Role::Head];

/// Today's clock context: Vietnam's date, the built-in rule packs, the calendar.
pub fn clock_context(state: &AppState) -> ClockContext<'_> {
    ClockContext {
        today: today_in_vietnam(),
        packs: RulePacks::builtin(),
        calendar: &state.calendar,
    }
}

/// Records `action` on the case, if the staff member may.
pub async fn perform_action(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    action: CaseAction,
) -> Result<(OpenedCase, RecordedEvent), AppError> {
    // Who may know the case exists first (404 / 403), then who may record on it.
    visible_case(state, staff, case_id).await?;
    if !RECORDING_ROLES.iter().any(|role| staff.has_role(*role)) {
        return Err(AppError::Forbidden);
    }
    let context = clock_context(state);
    let event = forward_target(state, action.into_event(context.today)?).await?;
    let opened = open_case(state, staff, case_id, "workflow").await?;
    check_assignees(state, &opened, &event).await?;
    if matches!(event, CaseEvent::Accepted { .. })
        && state
            .store
            .accused_is_head_of_handling_unit(&opened.summary.id)
            .await?
    {
        return Err(AppError::Conflict {
            field: Some("action"),
            message: "Người bị tố cáo là người đứng đầu đơn vị này: vụ việc do người đứng đầu \
                      cơ quan cấp trên trực tiếp giải quyết (đoạn 2 khoản 1 Điều 12 Luật Tố cáo); \
                      hãy chuyển đơn. / The accused is the head of this unit: the head of the \
                      direct superior resolves it (LTC Art. 12(1), para. 2); forward the case."
                .into(),
        });
    }
    let identity_key = match &event {
        CaseEvent::Forwarded { outside: None, .. } => {
            identity_key_to_forward(state, staff, &opened).await
        }
        _ => None,
    };
    let recorded = state
        .store
        .record_case_event(
            NewCaseEvent {
                case_id: &opened.summary.id,
                event: event.clone(),
                actor: &staff.user.id,
                case_key: &opened.case_key,
                identity_key: identity_key.as_ref(),
                now: chrono::Utc::now(),
            },
            &context,
        )
        .await
        .map_err(workflow_failure)?;
    crate::outcomes::follow_recorded_event(state, staff, &opened, &event).await;
    Ok((opened, recorded))
}

/// The identity key, when the staff member is an intake officer whose unit still
/// holds its seal: forwarding passes it on to the receiving unit's intake officers.
async fn identity_key_to_forward(
    state: &AppState,
    staff: &Staff,
    opened: &OpenedCase,
) -> Option<DataKey> {
    if !staff.has_role(Role::Intake) || opened.summary.anonymous {
        return None;
    }
    let secret = unit_secret(state, staff, UnitKeyKind::Intake).await.ok()?;
    match state
        .store
        .identity_key_as_intake(&opened.summary.id, &secret)
        .await
    {
        Ok(Some((key, _))) => Some(key),
        _ => None,
    }
}

/// Handlers and verifiers are enabled members of the case's unit who work on cases.
async fn check_assignees(
    state: &AppState,
    opened: &OpenedCase,
    event: &CaseEvent,
) -> Result<(), AppError> {
    let (field, ids): (&'static str, Vec<&String>) = match event {
        CaseEvent::HandlerAssigned { handler, .. } => ("handler", vec![handler]),
        CaseEvent::VerifiersAssigned { verifiers, .. } => ("verifiers", verifiers.iter().collect()),
        _ => return Ok(()),
    };
    for id in ids {
        let user = match UserId::parse(id) {
            Some(user_id) => state.store.user_by_id(&user_id).await?,
            None => None,
        };
        let eligible = user.as_ref().is_some_and(|user| {
            user.unit_id == opened.summary.unit_id
                && !user.disabled
                && (user.roles.contains(&Role::Handler) || user.roles.contains(&Role::Head))
        });
        if let (true, Some(user)) = (eligible, &user) {
            // A member whose ID or name matches an accused person is excluded, and
            // told nothing more than that.
            ensure_no_conflict(state, &user.id, &opened.summary.id).await?;
        }
        if !eligible {
            return Err(AppError::BadRequest {
                field: Some(field),
                message: "người được phân công phải là cán bộ xử lý hoặc thủ trưởng đang hoạt \
                          động của đơn vị / the person assigned must be an active handler or \
                          head of the unit"
                    .into(),
            });
        }
    }
    Ok(())
}

/// A workflow error as the user sees it.
pub fn workflow_failure(error: WorkflowError) -> AppError {
    match error {
        WorkflowError::NotFound => AppError::NotFound,
        WorkflowError::Rejected(rejection) => AppError::Conflict {
            field: Some("action"),
            message: rejection.message_bilingual(),
        },
        WorkflowError::Concurrent => AppError::Conflict {
            field: None,
            message: "vụ việc vừa được cập nhật bởi người khác; hãy tải lại và thử lại / the \
                      case was just changed by someone else; reload and try again"
                .into(),
        },
        WorkflowError::UnknownUnit(code) => AppError::BadRequest {
            field: Some("to_unit"),
            message: format!("không có đơn vị mã {code:?} / no unit has the code {code:?}"),
        },
        WorkflowError::UnitHasNoKey(code) => AppError::BadRequest {
            field: Some("to_unit"),
            message: format!(
                "đơn vị {code} chưa có cán bộ nhận vụ việc / unit {code} has no staff to \
                 receive cases yet"
            ),
        },
        WorkflowError::SameUnit(_) => AppError::BadRequest {
            field: Some("to_unit"),
            message: "vụ việc đang ở chính đơn vị này / the case is already with this unit".into(),
        },
        other => AppError::internal(other),
    }
}
