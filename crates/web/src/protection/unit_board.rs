//! The protection officers' board: the unit's requests awaiting a decision
//! (urgent first, then by due date) and the measures running, with the
//! latest check-in answer. Opened with the unit's key; the read is audited.

use khien_domain::protection::earliest_due;
use khien_store::intake::CaseId;

use super::case_protection::{RequestView, case_protection};
use crate::intake_form::intake_failure;
use crate::staff_session::Staff;
use crate::tripwire::alert_access::unit_key_if_granted;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// The most cases the board opens.
pub const BOARD_CASES: u32 = 200;

/// A request on the board, with its case.
pub struct BoardEntry {
    /// The case.
    pub case_id: CaseId,
    /// Its tracking number.
    pub tracking_number: String,
    /// The request and everything about it.
    pub view: RequestView,
}

/// The unit's board.
pub struct Board {
    /// Requests awaiting a decision: urgent first, then the earliest due.
    pub awaiting: Vec<BoardEntry>,
    /// Measures running, the oldest first.
    pub running: Vec<BoardEntry>,
}

/// The staff member's unit's board. [`AppError::KeyPending`] until the
/// unit's key has been granted to them.
pub async fn unit_board(state: &AppState, staff: &Staff) -> Result<Board, AppError> {
    let secret = unit_key_if_granted(state, staff)
        .await?
        .ok_or(AppError::KeyPending)?;
    let cases = state
        .store
        .cases_with_open_protection(&staff.user.unit_id, BOARD_CASES)
        .await?;
    let today = today_in_vietnam();
    let mut board = Board {
        awaiting: Vec::new(),
        running: Vec::new(),
    };
    let mut opened = Vec::with_capacity(cases.len());
    for case in cases {
        let case_key = state
            .store
            .case_key_as_unit(&case.case_id, &secret)
            .await
            .map_err(intake_failure)?;
        let protection = case_protection(state, &case.case_id, &case_key, today).await?;
        opened.push(case.case_id.clone());
        for view in protection.requests {
            let entry = BoardEntry {
                case_id: case.case_id.clone(),
                tracking_number: case.tracking_number.clone(),
                view,
            };
            if entry.view.decision.is_none() {
                board.awaiting.push(entry);
            } else if entry.view.is_running() {
                board.running.push(entry);
            }
        }
    }
    board.awaiting.sort_by_key(|entry| {
        (
            !entry.view.stored.urgent,
            earliest_due(&entry.view.deadlines).is_none(),
            earliest_due(&entry.view.deadlines),
            entry.view.stored.received_on,
        )
    });
    board.running.sort_by_key(|entry| {
        entry
            .view
            .decision
            .as_ref()
            .and_then(|d| d.decision.measures())
            .map(|m| m.starts_on)
    });
    if !opened.is_empty() {
        state
            .store
            .record_protection_board_read(&staff.actor(), &staff.user.unit_id, &opened)
            .await?;
    }
    Ok(board)
}
